import { TokenBucket as Base } from '../base/token-bucket';
import { TokenBucket as Variant } from '../default-n-clamped-to-capacity/token-bucket';
import { demo, fakeClock } from './_lib';

demo('default-n-clamped-to-capacity', 'TB-1.9: (So on a bucket whose capacity is below 1, `tryTake()` is a `RangeError`.)', Base, Variant, (TB: typeof Base) => {
  const b = new TB({ capacity: 0.5, refillPerSecond: 1, clock: fakeClock() });
  return b.tryTake();
});
