import { KeyedLimiter as Base } from '../base/keyed-limiter';
import { KeyedLimiter as Variant } from '../sweep-throttled-by-wall-clock/keyed-limiter';
import { demo, fakeClock } from './_lib';

demo('sweep-throttled-by-wall-clock', 'TB-0.1, TB-3.9: Time comes only from `options.clock.now()`: milliseconds, from any origin, as a plain number that may have a fraction. The tests move a fake clock by hand; never read `Date.now()` or `performance.now()`.', Base, Variant, (KL: typeof Base) => {
  const clock = fakeClock(0);
  const l = new KL({ capacity: 1, refillPerSecond: 1, clock });
  for (let i = 0; i < 100; i++) l.tryTake('k' + i);
  clock.t = 3_600_000;
  for (let i = 0; i < 1000; i++) l.tryTake('busy', 1e-6);
  return l.size; // every bucket is full: at most one or two remain
});
