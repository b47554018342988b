import { CausalNode as B } from '../base/causal-node';
import { CausalNode as V } from '../cn-dedup-duplicates/causal-node';
import { VectorClock as BC } from '../base/vector-clock';
import { VectorClock as VC2 } from '../cn-dedup-duplicates/vector-clock';
import { demo, fakeNode, ser, type ClockClass, type NodeClass } from './_lib';

demo<{ Node: NodeClass; VC: ClockClass }>('cn-dedup-duplicates', { Node: B, VC: BC }, { Node: V, VC: VC2 }, ({ Node, VC }) => {
  void VC; void ser; void fakeNode;
  const a = fakeNode(Node, 'a');
  const b = fakeNode(Node, 'b');
  a.node.send('b', 'hi');
  const m = a.sent[0]![1];
  b.node.step('a', m);
  b.node.step('a', structuredClone(m)); // the network duplicated it
  return { bEmitted: b.emitted.map(ser), clock: ser(b.node.clock) };
});
