import { CausalNode as B } from '../base/causal-node';
import { CausalNode as V } from '../cn-emit-before-increment/causal-node';
import { VectorClock as BC } from '../base/vector-clock';
import { VectorClock as VC2 } from '../cn-emit-before-increment/vector-clock';
import { demo, fakeNode, ser, type ClockClass, type NodeClass } from './_lib';

demo<{ Node: NodeClass; VC: ClockClass }>('cn-emit-before-increment', { Node: B, VC: BC }, { Node: V, VC: VC2 }, ({ Node, VC }) => {
  void VC; void ser; void fakeNode;
  const a = fakeNode(Node, 'a');
  a.node.local();
  a.node.local();
  return { emitted: a.emitted.map(ser), clock: ser(a.node.clock) };
});
