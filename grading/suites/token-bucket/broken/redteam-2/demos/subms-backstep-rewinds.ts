import { TokenBucket as Base } from '../base/token-bucket';
import { TokenBucket as Variant } from '../subms-backstep-rewinds/token-bucket';
import { demo, fakeClock } from './_lib';

demo('subms-backstep-rewinds', 'TB-4.1: A reading earlier than the latest one seen adds nothing and takes nothing away, and throws nothing. Refill resumes only once the clock passes that latest reading again', Base, Variant, (TB: typeof Base) => {
  const clock = fakeClock(10);
  const b = new TB({ capacity: 1, refillPerSecond: 1000, clock });
  b.tryTake(1);
  clock.t = 9.5; b.available();
  clock.t = 10;
  return b.available(); // must be 0
});
