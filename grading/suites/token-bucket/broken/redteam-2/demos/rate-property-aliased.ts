import { TokenBucket as Base } from '../base/token-bucket';
import { TokenBucket as Variant } from '../rate-property-aliased/token-bucket';
import { demo, fakeClock } from './_lib';

demo('rate-property-aliased', 'TB-1.4: `bucket.capacity` and `bucket.refillPerSecond` are those numbers at every read, and a caller that changes or reuses its options object afterwards (its `clock` field included) changes nothing in the bucket.', Base, Variant, (TB: typeof Base) => {
  const options = { capacity: 2, refillPerSecond: 1, clock: fakeClock() };
  const b = new TB(options);
  options.refillPerSecond = 99;
  return b.refillPerSecond;
});
