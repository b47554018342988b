import { TokenBucket as Base } from '../base/token-bucket';
import { TokenBucket as Variant } from '../tiny-options-rejected/token-bucket';
import { demo, fakeClock } from './_lib';

demo('tiny-options-rejected', 'TB-1.2: Both numbers must be finite and > 0, and every such number is valid: fractions (a capacity of 2.5, a rate of 1/3 per second), and both ends, from `Number.MIN_VALUE` to `Number.MAX_VALUE`.', Base, Variant, (TB: typeof Base) => {
  const b = new TB({ capacity: 1e-20, refillPerSecond: 1, clock: fakeClock() });
  return b.available();
});
