import { VectorClock as B } from '../base/vector-clock';
import { VectorClock as V } from '../vc-compare-own-nodes/vector-clock';
import { demo, type ClockClass } from './_lib';

demo<ClockClass>('vc-compare-own-nodes', B, V, (VC) => {
  const a = VC.from([['a', 1]]);
  const ab = VC.from([['a', 1], ['b', 1]]);
  return { 'a vs ab': a.compare(ab), 'ab vs a': ab.compare(a) };
});
