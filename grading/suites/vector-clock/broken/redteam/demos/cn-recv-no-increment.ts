import { CausalNode as B } from '../base/causal-node';
import { CausalNode as V } from '../cn-recv-no-increment/causal-node';
import { VectorClock as BC } from '../base/vector-clock';
import { VectorClock as VC2 } from '../cn-recv-no-increment/vector-clock';
import { demo, fakeNode, ser, type ClockClass, type NodeClass } from './_lib';

demo<{ Node: NodeClass; VC: ClockClass }>('cn-recv-no-increment', { Node: B, VC: BC }, { Node: V, VC: VC2 }, ({ Node, VC }) => {
  void VC; void ser; void fakeNode;
  const a = fakeNode(Node, 'a');
  const b = fakeNode(Node, 'b');
  a.node.send('b', 'hi');
  b.node.step('a', a.sent[0]![1]);
  return { send: ser(a.emitted[0]), receive: ser(b.emitted[0]), 'send vs receive': a.emitted[0]!.compare(b.emitted[0]!) };
});
