import { TokenBucket as Base } from '../base/token-bucket';
import { TokenBucket as Variant } from '../clock-field-aliased/token-bucket';
import { demo, fakeClock } from './_lib';

demo('clock-field-aliased', 'TB-1.4: a caller that changes or reuses its options object afterwards (its `clock` field included) changes nothing in the bucket.', Base, Variant, (TB: typeof Base) => {
  const clock = fakeClock(0);
  const options = { capacity: 10, refillPerSecond: 1, clock };
  const b = new TB(options);
  b.tryTake(10);
  options.clock = fakeClock(1_000_000); // the caller reuses its options object
  return b.available(); // its own clock still reads 0
});
