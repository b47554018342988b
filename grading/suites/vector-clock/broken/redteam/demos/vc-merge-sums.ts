import { VectorClock as B } from '../base/vector-clock';
import { VectorClock as V } from '../vc-merge-sums/vector-clock';
import { demo, type ClockClass } from './_lib';

demo<ClockClass>('vc-merge-sums', B, V, (VC) => {
  const c = VC.from([['a', 2]]);
  return { 'c.merge(c)': c.merge(c).serialize(), 'c.merge(c) vs c': c.merge(c).compare(c) };
});
