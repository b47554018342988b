import { VectorClock as B } from '../base/vector-clock';
import { VectorClock as V } from '../vc-from-message-unnamed/vector-clock';
import { demo, type ClockClass } from './_lib';

demo<ClockClass>('vc-from-message-unnamed', B, V, (VC) => {
  try { VC.from([['node-7', 0.5]]); return 'accepted'; } catch (e) { return { namesNode: (e as Error).message.includes('node-7'), message: (e as Error).message }; }
});
