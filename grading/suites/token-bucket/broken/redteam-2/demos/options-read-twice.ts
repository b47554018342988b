import { TokenBucket as Base } from '../base/token-bucket';
import { TokenBucket as Variant } from '../options-read-twice/token-bucket';
import { demo, fakeClock } from './_lib';

demo('options-read-twice', 'TB-1.4, TB-1.3: The bucket keeps the numbers it was made with: `bucket.capacity` and `bucket.refillPerSecond` are those numbers at every read', Base, Variant, (TB: typeof Base) => {
  let reads = 0;
  const options = {
    get capacity() { return reads++ === 0 ? 5 : Number.NaN; }, // a getter that answers once
    refillPerSecond: 1,
    clock: fakeClock(),
  };
  const b = new TB(options);
  return { capacity: b.capacity, available: b.available() }; // the validated 5
});
