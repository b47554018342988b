import { VectorClock as B } from '../base/vector-clock';
import { VectorClock as V } from '../vc-entries-insertion-order/vector-clock';
import { demo, type ClockClass } from './_lib';

demo<ClockClass>('vc-entries-insertion-order', B, V, (VC) => {
  const x = VC.from([['b', 1], ['a', 2]]);
  const y = VC.from([['a', 2], ['b', 1]]);
  return { x: x.serialize(), y: y.serialize(), equal: x.compare(y) };
});
