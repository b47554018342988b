import { VectorClock as B } from '../base/vector-clock';
import { VectorClock as V } from '../vc-deserialize-empty-message/vector-clock';
import { demo, type ClockClass } from './_lib';

demo<ClockClass>('vc-deserialize-empty-message', B, V, (VC) => {
  try { VC.deserialize('"just a string"'); return 'accepted'; } catch (e) { return { type: (e as Error).constructor.name, message: (e as Error).message, empty: (e as Error).message === '' }; }
});
