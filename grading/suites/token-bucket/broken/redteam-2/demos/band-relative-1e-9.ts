import { TokenBucket as Base } from '../base/token-bucket';
import { TokenBucket as Variant } from '../band-relative-1e-9/token-bucket';
import { demo, fakeClock } from './_lib';

demo('band-relative-1e-9', 'TB-0.3: when the exact bucket holds more than `n + β` tokens, `tryTake(n)` must succeed; when it holds less than `n − β`, it must fail', Base, Variant, (TB: typeof Base) => {
  const b = new TB({ capacity: 1e12, refillPerSecond: 1, clock: fakeClock(0) });
  b.tryTake(500);
  return b.tryTake(1e12); // 500 tokens short, beta = 1 + 1e-9
});
