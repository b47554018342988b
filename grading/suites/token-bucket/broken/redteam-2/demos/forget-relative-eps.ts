import { KeyedLimiter as Base } from '../base/keyed-limiter';
import { KeyedLimiter as Variant } from '../forget-relative-eps/keyed-limiter';
import { demo, fakeClock } from './_lib';

demo('forget-relative-eps', 'TB-3.6: A bucket that has refilled to full answers exactly as a brand-new one would, so it **may be forgotten**, and no other may — not one that is nearly full', Base, Variant, (KL: typeof Base) => {
  const clock = fakeClock(0);
  const l = new KL({ capacity: 1e12, refillPerSecond: 1, clock });
  l.tryTake('a', 500);
  l.tryTake('b', 1);
  return { size: l.size, fullRequestOnA: l.tryTake('a', 1e12) }; // 'a' is 500 short
});
