import { VectorClock as B } from '../base/vector-clock';
import { VectorClock as V } from '../vc-from-isinteger/vector-clock';
import { demo, type ClockClass } from './_lib';

demo<ClockClass>('vc-from-isinteger', B, V, (VC) => {
  return VC.from([['n', 2 ** 53]]).serialize();
});
