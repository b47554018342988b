import { TokenBucket as Base } from '../base/token-bucket';
import { TokenBucket as Variant } from '../band-absolute-1e-6/token-bucket';
import { demo, fakeClock } from './_lib';

demo('band-absolute-1e-6', 'TB-0.3: when the exact bucket holds more than `n + β` tokens, `tryTake(n)` must succeed; when it holds less than `n − β`, it must fail', Base, Variant, (TB: typeof Base) => {
  const clock = fakeClock(0);
  const b = new TB({ capacity: 1, refillPerSecond: 1, clock });
  b.tryTake(1);
  clock.t = 999.9995; // 5e-7 tokens short, beyond beta = 1.001e-9
  return b.tryTake(1);
});
