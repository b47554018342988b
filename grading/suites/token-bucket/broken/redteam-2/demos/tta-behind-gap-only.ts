import { TokenBucket as Base } from '../base/token-bucket';
import { TokenBucket as Variant } from '../tta-behind-gap-only/token-bucket';
import { demo, fakeClock } from './_lib';

demo('tta-behind-gap-only', 'TB-2.6, TB-2.1: two answers are accepted: the wait counted from the latest reading, as if the clock read it (what hint 3 computes), or the wait counted from the clock\'s actual reading, which adds the time it needs to get back to the latest reading (TB-2.1 to the letter).', Base, Variant, (TB: typeof Base) => {
  const clock = fakeClock(10_000);
  const b = new TB({ capacity: 10, refillPerSecond: 1, clock });
  b.tryTake(10);
  clock.t = 9_990; // 10 ms behind
  const wait = b.timeUntilAvailable(1); // accepted: 1000 (from latest) or 1010 (from now)
  return { wait, accepted: wait === 1000 || wait === 1010 };
});
