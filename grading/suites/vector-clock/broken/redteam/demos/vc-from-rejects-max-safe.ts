import { VectorClock as B } from '../base/vector-clock';
import { VectorClock as V } from '../vc-from-rejects-max-safe/vector-clock';
import { demo, type ClockClass } from './_lib';

demo<ClockClass>('vc-from-rejects-max-safe', B, V, (VC) => {
  return VC.from([['n', Number.MAX_SAFE_INTEGER]]).get('n');
});
