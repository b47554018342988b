import { VectorClock as B } from '../base/vector-clock';
import { VectorClock as V } from '../vc-from-dup-zero/vector-clock';
import { demo, type ClockClass } from './_lib';

demo<ClockClass>('vc-from-dup-zero', B, V, (VC) => {
  return VC.from([['a', 0], ['a', 1]]).serialize();
});
