import { KeyedLimiter as Base } from '../base/keyed-limiter';
import { KeyedLimiter as Variant } from '../late-options-read/keyed-limiter';
import { demo, fakeClock } from './_lib';

demo('late-options-read', 'TB-3.4: It takes its options when it is made: a caller that changes or reuses its options object afterwards changes nothing, for the buckets it holds and for those it makes later.', Base, Variant, (KL: typeof Base) => {
  const clock = fakeClock(0);
  const options = { capacity: 2, refillPerSecond: 1, clock };
  const l = new KL(options);
  options.refillPerSecond = 1000; // the caller reuses its object
  l.tryTake('new', 2);
  clock.t = 1;
  return l.tryTake('new', 1); // 1 ms at 1 per second: 0.001 tokens
});
