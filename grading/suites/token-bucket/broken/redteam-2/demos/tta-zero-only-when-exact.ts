import { TokenBucket as Base } from '../base/token-bucket';
import { TokenBucket as Variant } from '../tta-zero-only-when-exact/token-bucket';
import { demo, fakeClock } from './_lib';

demo('tta-zero-only-when-exact', 'TB-2.2: It is `0` exactly when `tryTake(n)` would succeed now, and at least 1 otherwise', Base, Variant, (TB: typeof Base) => {
  const b = new TB({ capacity: 1, refillPerSecond: 1, clock: fakeClock() });
  b.tryTake(1e-12);
  const wait = b.timeUntilAvailable(1);
  return { wait, tryTake: b.tryTake(1) };
});
