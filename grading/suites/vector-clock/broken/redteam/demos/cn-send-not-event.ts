import { CausalNode as B } from '../base/causal-node';
import { CausalNode as V } from '../cn-send-not-event/causal-node';
import { VectorClock as BC } from '../base/vector-clock';
import { VectorClock as VC2 } from '../cn-send-not-event/vector-clock';
import { demo, fakeNode, ser, type ClockClass, type NodeClass } from './_lib';

demo<{ Node: NodeClass; VC: ClockClass }>('cn-send-not-event', { Node: B, VC: BC }, { Node: V, VC: VC2 }, ({ Node, VC }) => {
  void VC; void ser; void fakeNode;
  const a = fakeNode(Node, 'a');
  a.node.send('b', 'p');
  return { emitted: a.emitted.map(ser), message: a.sent[0]![1], clock: ser(a.node.clock) };
});
