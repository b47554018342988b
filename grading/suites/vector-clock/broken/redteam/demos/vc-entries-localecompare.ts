import { VectorClock as B } from '../base/vector-clock';
import { VectorClock as V } from '../vc-entries-localecompare/vector-clock';
import { demo, type ClockClass } from './_lib';

demo<ClockClass>('vc-entries-localecompare', B, V, (VC) => {
  return VC.from([['a', 1], ['B', 1]]).serialize();
});
