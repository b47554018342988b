import { VectorClock as B } from '../base/vector-clock';
import { VectorClock as V } from '../vc-increment-int32/vector-clock';
import { demo, type ClockClass } from './_lib';

demo<ClockClass>('vc-increment-int32', B, V, (VC) => {
  return {
    at2pow31minus1: VC.from([['a', 2 ** 31 - 1]]).increment('a').get('a'),
    at2pow31plus5: VC.from([['a', 2 ** 31 + 5]]).increment('a').get('a'),
  };
});
