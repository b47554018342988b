import { TokenBucket as Base } from '../base/token-bucket';
import { TokenBucket as Variant } from '../zero-origin-falsy/token-bucket';
import { demo, fakeClock } from './_lib';

demo('zero-origin-falsy', 'TB-4.3, TB-4.5: A clock that starts at 0, at −5 000 or at 1 700 000 000 000 (epoch milliseconds) behaves the same; only differences between readings matter.', Base, Variant, (TB: typeof Base) => {
  const clock = fakeClock(0);
  const b = new TB({ capacity: 10, refillPerSecond: 1, clock });
  clock.t = -5_000;
  b.tryTake(10);
  clock.t = 0;
  return b.available(); // must be 0
});
