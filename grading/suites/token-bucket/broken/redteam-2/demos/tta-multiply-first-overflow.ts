import { TokenBucket as Base } from '../base/token-bucket';
import { TokenBucket as Variant } from '../tta-multiply-first-overflow/token-bucket';
import { demo, fakeClock } from './_lib';

demo('tta-multiply-first-overflow', 'TB-2.5: A wait is a whole number however long, beyond 2⁵³ ms included; a wait longer than `Number.MAX_VALUE` ms (one token at `Number.MIN_VALUE` per second) has no double to hold it and is `Infinity`.', Base, Variant, (TB: typeof Base) => {
  const b = new TB({ capacity: Number.MAX_VALUE, refillPerSecond: 1e300, clock: fakeClock(0) });
  b.tryTake(Number.MAX_VALUE);
  return b.timeUntilAvailable(Number.MAX_VALUE); // about 1.8e11 ms
});
