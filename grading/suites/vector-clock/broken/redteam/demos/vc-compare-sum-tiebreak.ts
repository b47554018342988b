import { VectorClock as B } from '../base/vector-clock';
import { VectorClock as V } from '../vc-compare-sum-tiebreak/vector-clock';
import { demo, type ClockClass } from './_lib';

demo<ClockClass>('vc-compare-sum-tiebreak', B, V, (VC) => {
  const x = VC.from([['a', 2]]);
  const y = VC.from([['b', 1]]);
  return { '{a:2} vs {b:1}': x.compare(y) };
});
