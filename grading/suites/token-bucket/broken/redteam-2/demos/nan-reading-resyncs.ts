import { TokenBucket as Base } from '../base/token-bucket';
import { TokenBucket as Variant } from '../nan-reading-resyncs/token-bucket';
import { demo, fakeClock } from './_lib';

demo('nan-reading-resyncs', 'TB-4.4: A reading that is not a finite number (`NaN`, `±Infinity`) counts as no time passing, and touches nothing.', Base, Variant, (TB: typeof Base) => {
  const clock = fakeClock(0);
  const b = new TB({ capacity: 10, refillPerSecond: 1, clock });
  b.tryTake(10);
  clock.t = Number.NaN; b.available();
  clock.t = 1000;
  return b.available(); // 1 s since the latest finite reading: 1
});
