import { KeyedLimiter as Base } from '../base/keyed-limiter';
import { KeyedLimiter as Variant } from '../sweep-only-on-take/keyed-limiter';
import { demo, fakeClock } from './_lib';

demo('sweep-only-on-take', 'TB-3.9: Buckets that have refilled must be forgotten *as operations go on*', Base, Variant, (KL: typeof Base) => {
  const clock = fakeClock(0);
  const l = new KL({ capacity: 1, refillPerSecond: 1, clock });
  for (let i = 0; i < 100; i++) l.tryTake('k' + i);
  clock.t = 3_600_000;
  for (let i = 0; i < 1000; i++) l.timeUntilAvailable('other');
  return l.size; // every bucket is full: they should have gone
});
