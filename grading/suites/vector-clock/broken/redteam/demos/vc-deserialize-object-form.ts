import { VectorClock as B } from '../base/vector-clock';
import { VectorClock as V } from '../vc-deserialize-object-form/vector-clock';
import { demo, type ClockClass } from './_lib';

demo<ClockClass>('vc-deserialize-object-form', B, V, (VC) => {
  return VC.deserialize('{"a":2}').serialize();
});
