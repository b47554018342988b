import { TokenBucket as Base } from '../base/token-bucket';
import { TokenBucket as Variant } from '../tta-backstep-rewinds/token-bucket';
import { demo, fakeClock } from './_lib';

demo('tta-backstep-rewinds', 'TB-4.1, TB-2.6: A reading earlier than the latest one seen adds nothing and takes nothing away, and throws nothing. Refill resumes only once the clock passes that latest reading again', Base, Variant, (TB: typeof Base) => {
  const clock = fakeClock(10_000);
  const b = new TB({ capacity: 10, refillPerSecond: 1, clock });
  b.tryTake(10);
  clock.t = 5_000;
  const wait = b.timeUntilAvailable(1);
  clock.t = 10_000;
  return { waitWhileBehind: wait, availableBackAt10000: b.available() }; // must be 0: no time has passed the latest reading
});
