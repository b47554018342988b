import { CausalNode as B } from '../base/causal-node';
import { CausalNode as V } from '../cn-recv-increment-then-merge/causal-node';
import { VectorClock as BC } from '../base/vector-clock';
import { VectorClock as VC2 } from '../cn-recv-increment-then-merge/vector-clock';
import { demo, fakeNode, ser, type ClockClass, type NodeClass } from './_lib';

demo<{ Node: NodeClass; VC: ClockClass }>('cn-recv-increment-then-merge', { Node: B, VC: BC }, { Node: V, VC: VC2 }, ({ Node, VC }) => {
  void VC; void ser; void fakeNode;
  // a crafted message claiming a's counter is 5 (as a grader calling step directly may send)
  const a = fakeNode(Node, 'a');
  a.node.step('b', { type: 'stamped', clock: [['a', 5], ['b', 1]], payload: 'x' });
  return { received: ser(a.emitted[0]) };
});
