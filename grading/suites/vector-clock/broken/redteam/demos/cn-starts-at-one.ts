import { CausalNode as B } from '../base/causal-node';
import { CausalNode as V } from '../cn-starts-at-one/causal-node';
import { VectorClock as BC } from '../base/vector-clock';
import { VectorClock as VC2 } from '../cn-starts-at-one/vector-clock';
import { demo, fakeNode, ser, type ClockClass, type NodeClass } from './_lib';

demo<{ Node: NodeClass; VC: ClockClass }>('cn-starts-at-one', { Node: B, VC: BC }, { Node: V, VC: VC2 }, ({ Node, VC }) => {
  void VC; void ser; void fakeNode;
  const a = fakeNode(Node, 'a');
  const before = ser(a.node.clock);
  a.node.local();
  return { before, firstEvent: ser(a.emitted[0]) };
});
