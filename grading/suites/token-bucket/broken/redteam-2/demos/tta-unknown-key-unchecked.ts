import { KeyedLimiter as Base } from '../base/keyed-limiter';
import { KeyedLimiter as Variant } from '../tta-unknown-key-unchecked/keyed-limiter';
import { demo, fakeClock } from './_lib';

demo('tta-unknown-key-unchecked', 'TB-3.1, TB-2.4: `tryTake(key, n)` and `timeUntilAvailable(key, n)` are the bucket methods on that key\'s bucket.', Base, Variant, (KL: typeof Base) => {
  const l = new KL({ capacity: 5, refillPerSecond: 1, clock: fakeClock(0) });
  return l.timeUntilAvailable('nobody', 6);
});
