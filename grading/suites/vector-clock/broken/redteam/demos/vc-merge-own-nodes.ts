import { VectorClock as B } from '../base/vector-clock';
import { VectorClock as V } from '../vc-merge-own-nodes/vector-clock';
import { demo, type ClockClass } from './_lib';

demo<ClockClass>('vc-merge-own-nodes', B, V, (VC) => {
  return VC.from([['a', 1]]).merge(VC.from([['b', 2]])).serialize();
});
