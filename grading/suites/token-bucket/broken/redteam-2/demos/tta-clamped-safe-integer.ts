import { TokenBucket as Base } from '../base/token-bucket';
import { TokenBucket as Variant } from '../tta-clamped-safe-integer/token-bucket';
import { demo, fakeClock } from './_lib';

demo('tta-clamped-safe-integer', 'TB-2.5: A wait is a whole number however long, beyond 2⁵³ ms included; a wait longer than `Number.MAX_VALUE` ms (one token at `Number.MIN_VALUE` per second) has no double to hold it and is `Infinity`.', Base, Variant, (TB: typeof Base) => {
  const b = new TB({ capacity: 1, refillPerSecond: 1e-15, clock: fakeClock() });
  b.tryTake(1);
  return b.timeUntilAvailable(1); // 1e15 s = 1e18 ms > 2^53 ms
});
