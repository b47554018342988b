import { TokenBucket as Base } from '../base/token-bucket';
import { TokenBucket as Variant } from '../infinity-reading-counted/token-bucket';
import { demo, fakeClock } from './_lib';

demo('infinity-reading-counted', 'TB-4.4: A reading that is not a finite number (`NaN`, `±Infinity`) counts as no time passing, and touches nothing.', Base, Variant, (TB: typeof Base) => {
  const clock = fakeClock(0);
  const b = new TB({ capacity: 10, refillPerSecond: 1, clock });
  b.tryTake(10);
  clock.t = Infinity; const atInf = b.available();
  clock.t = 1000;
  return { atInf, after1s: b.available() }; // 0, then 1
});
