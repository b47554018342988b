import { CausalNode as B } from '../base/causal-node';
import { CausalNode as V } from '../cn-recv-sender-entry-only/causal-node';
import { VectorClock as BC } from '../base/vector-clock';
import { VectorClock as VC2 } from '../cn-recv-sender-entry-only/vector-clock';
import { demo, fakeNode, ser, type ClockClass, type NodeClass } from './_lib';

demo<{ Node: NodeClass; VC: ClockClass }>('cn-recv-sender-entry-only', { Node: B, VC: BC }, { Node: V, VC: VC2 }, ({ Node, VC }) => {
  void VC; void ser; void fakeNode;
  const a = fakeNode(Node, 'a');
  const b = fakeNode(Node, 'b');
  const c = fakeNode(Node, 'c');
  a.node.send('b', 'm1');
  b.node.step('a', a.sent[0]![1]);
  b.node.send('c', 'm2');
  c.node.step('b', b.sent[0]![1]);
  const aSend = a.emitted[0]!;
  const cRecv = c.emitted[0]!;
  return { cReceive: ser(cRecv), "a's send vs c's receive (a→b→c)": aSend.compare(cRecv) };
});
