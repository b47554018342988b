import { TokenBucket as Base } from '../base/token-bucket';
import { TokenBucket as Variant } from '../lazy-first-reading/token-bucket';
import { demo, fakeClock } from './_lib';

demo('lazy-first-reading', 'TB-4.5: The constructor reads the clock once, and that reading is the bucket\'s first: a bucket made at 10 000 and first used after a step back to 5 000 has still counted up to 10 000, and gains nothing until the clock passes it.', Base, Variant, (TB: typeof Base) => {
  const clock = fakeClock(10_000);
  const b = new TB({ capacity: 10, refillPerSecond: 1, clock });
  clock.t = 5_000;
  b.tryTake(10);
  clock.t = 10_000;
  return b.available(); // must be 0: the bucket has counted up to 10 000
});
