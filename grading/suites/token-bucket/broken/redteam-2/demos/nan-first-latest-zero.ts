import { TokenBucket as Base } from '../base/token-bucket';
import { TokenBucket as Variant } from '../nan-first-latest-zero/token-bucket';
import { demo, fakeClock } from './_lib';

demo('nan-first-latest-zero', 'TB-4.6: If the reading at creation is not finite, the bucket is full all the same, and the first finite reading becomes its first reading, adding nothing.', Base, Variant, (TB: typeof Base) => {
  const clock = fakeClock(Number.NaN);
  const b = new TB({ capacity: 10, refillPerSecond: 1, clock });
  b.tryTake(10);
  clock.t = 1_700_000_000_000; // first finite reading adds nothing
  return b.available();
});
