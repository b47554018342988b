import { TokenBucket as Base } from '../base/token-bucket';
import { TokenBucket as Variant } from '../jump-overflow-caps/token-bucket';
import { demo, fakeClock } from './_lib';

demo('jump-overflow-caps', 'TB-4.2: A jump of any size, up to `Number.MAX_VALUE` ms, earns what it earns with no `Infinity`, no `NaN` and no overflow past the cap', Base, Variant, (TB: typeof Base) => {
  const clock = fakeClock(0);
  const b = new TB({ capacity: Number.MAX_VALUE, refillPerSecond: 1e10, clock });
  b.tryTake(Number.MAX_VALUE);
  clock.t = 1e300; // earns 1e307 tokens, far below the cap
  return b.available();
});
