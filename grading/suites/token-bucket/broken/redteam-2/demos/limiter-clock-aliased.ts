import { KeyedLimiter as Base } from '../base/keyed-limiter';
import { KeyedLimiter as Variant } from '../limiter-clock-aliased/keyed-limiter';
import { demo, fakeClock } from './_lib';

demo('limiter-clock-aliased', 'TB-3.4: It takes its options when it is made: a caller that changes or reuses its options object afterwards changes nothing, for the buckets it holds and for those it makes later.', Base, Variant, (KL: typeof Base) => {
  const options = { capacity: 2, refillPerSecond: 1, clock: fakeClock(0) };
  const l = new KL(options);
  l.tryTake('a', 2);
  options.clock = fakeClock(1_000_000); // the caller reuses its object
  return l.tryTake('a', 1); // its own clock still reads 0
});
