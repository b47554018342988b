import { VectorClock as B } from '../base/vector-clock';
import { VectorClock as V } from '../vc-deserialize-coerce-counter/vector-clock';
import { demo, type ClockClass } from './_lib';

demo<ClockClass>('vc-deserialize-coerce-counter', B, V, (VC) => {
  return VC.deserialize('[["a","2"]]').serialize();
});
