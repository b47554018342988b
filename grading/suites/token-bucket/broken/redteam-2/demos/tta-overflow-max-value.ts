import { TokenBucket as Base } from '../base/token-bucket';
import { TokenBucket as Variant } from '../tta-overflow-max-value/token-bucket';
import { demo, fakeClock } from './_lib';

demo('tta-overflow-max-value', 'TB-2.5: a wait longer than `Number.MAX_VALUE` ms (one token at `Number.MIN_VALUE` per second) has no double to hold it and is `Infinity`.', Base, Variant, (TB: typeof Base) => {
  const b = new TB({ capacity: 1, refillPerSecond: Number.MIN_VALUE, clock: fakeClock() });
  b.tryTake(1);
  return b.timeUntilAvailable(1);
});
