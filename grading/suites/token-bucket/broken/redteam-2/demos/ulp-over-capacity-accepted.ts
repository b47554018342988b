import { TokenBucket as Base } from '../base/token-bucket';
import { TokenBucket as Variant } from '../ulp-over-capacity-accepted/token-bucket';
import { demo, fakeClock } from './_lib';

demo('ulp-over-capacity-accepted', 'TB-1.10: Any other `n` is a `RangeError` naming `n`, not a `false`, and changes nothing: a request larger than the bucket (by any amount, one unit in the last place included) could never be allowed', Base, Variant, (TB: typeof Base) => {
  const b = new TB({ capacity: 5, refillPerSecond: 1, clock: fakeClock() });
  return b.tryTake(5 + 1e-10);
});
