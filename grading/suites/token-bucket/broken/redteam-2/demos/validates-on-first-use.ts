import { KeyedLimiter as Base } from '../base/keyed-limiter';
import { KeyedLimiter as Variant } from '../validates-on-first-use/keyed-limiter';
import { demo, fakeClock } from './_lib';

demo('validates-on-first-use', 'TB-3.3: The constructor rejects bad options exactly as `TokenBucket` does.', Base, Variant, (KL: typeof Base) => {
  const l = new KL({ capacity: 0, refillPerSecond: 1, clock: fakeClock(0) });
  return 'constructed, size ' + l.size;
});
