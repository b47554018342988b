import { VectorClock as B } from '../base/vector-clock';
import { VectorClock as V } from '../vc-deserialize-dup-last-wins/vector-clock';
import { demo, type ClockClass } from './_lib';

demo<ClockClass>('vc-deserialize-dup-last-wins', B, V, (VC) => {
  return VC.deserialize('[["a",1],["a",2]]').serialize();
});
