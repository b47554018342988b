import { VectorClock as B } from '../base/vector-clock';
import { VectorClock as V } from '../vc-from-keeps-zeros/vector-clock';
import { demo, type ClockClass } from './_lib';

demo<ClockClass>('vc-from-keeps-zeros', B, V, (VC) => {
  return { withZero: VC.from([['a', 1], ['c', 0]]).serialize(), without: VC.from([['a', 1]]).serialize() };
});
