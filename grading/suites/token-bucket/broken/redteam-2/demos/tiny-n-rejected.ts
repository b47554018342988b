import { TokenBucket as Base } from '../base/token-bucket';
import { TokenBucket as Variant } from '../tiny-n-rejected/token-bucket';
import { demo, fakeClock } from './_lib';

demo('tiny-n-rejected', 'TB-1.9: `n` defaults to 1, and every `n` with `0 < n ≤ capacity` is valid: fractions, `Number.MIN_VALUE`, and `capacity` itself.', Base, Variant, (TB: typeof Base) => {
  const b = new TB({ capacity: 1, refillPerSecond: 1, clock: fakeClock() });
  return b.tryTake(Number.MIN_VALUE);
});
