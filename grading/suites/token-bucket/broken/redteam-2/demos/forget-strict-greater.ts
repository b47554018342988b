import { KeyedLimiter as Base } from '../base/keyed-limiter';
import { KeyedLimiter as Variant } from '../forget-strict-greater/keyed-limiter';
import { demo, fakeClock } from './_lib';

demo('forget-strict-greater', 'TB-3.9: Buckets that have refilled must be forgotten *as operations go on* — a limiter that forgets only when asked about that very key never shrinks.', Base, Variant, (KL: typeof Base) => {
  const clock = fakeClock(0);
  const l = new KL({ capacity: 1, refillPerSecond: 1, clock });
  for (let i = 0; i < 100; i++) l.tryTake('k' + i);
  clock.t = 3_600_000;
  for (let i = 0; i < 1000; i++) l.tryTake('busy', 1e-6);
  return l.size; // every bucket is full: at most one or two remain
});
