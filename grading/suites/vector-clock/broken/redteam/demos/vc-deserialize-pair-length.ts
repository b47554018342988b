import { VectorClock as B } from '../base/vector-clock';
import { VectorClock as V } from '../vc-deserialize-pair-length/vector-clock';
import { demo, type ClockClass } from './_lib';

demo<ClockClass>('vc-deserialize-pair-length', B, V, (VC) => {
  return VC.deserialize('[["a",1,"extra"]]').serialize();
});
