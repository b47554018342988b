import { VectorClock as B } from '../base/vector-clock';
import { VectorClock as V } from '../vc-compare-equal-concurrent/vector-clock';
import { demo, type ClockClass } from './_lib';

demo<ClockClass>('vc-compare-equal-concurrent', B, V, (VC) => {
  const x = VC.from([['b', 1], ['a', 2]]);
  const y = VC.empty().increment('a').increment('b').increment('a');
  return { 'x vs x': x.compare(x), 'x vs y (same counters)': x.compare(y) };
});
