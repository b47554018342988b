import { TokenBucket as Base } from '../base/token-bucket';
import { TokenBucket as Variant } from '../negative-hair-visible/token-bucket';
import { demo, fakeClock } from './_lib';

demo('negative-hair-visible', 'TB-1.6, TB-0.4: `available()` is the tokens held now, never outside `[0, capacity]`, not even by a rounding error', Base, Variant, (TB: typeof Base) => {
  const b = new TB({ capacity: 1, refillPerSecond: 1, clock: fakeClock() });
  [0.1, 0.2, 0.3, 0.4].forEach((n) => b.tryTake(n));
  return b.available();
});
