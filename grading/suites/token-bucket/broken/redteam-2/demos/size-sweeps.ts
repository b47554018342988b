import { KeyedLimiter as Base } from '../base/keyed-limiter';
import { KeyedLimiter as Variant } from '../size-sweeps/keyed-limiter';
import { demo, fakeClock } from './_lib';

demo('size-sweeps', 'TB-3.7: `size` is the number of buckets held in memory now; reading it changes nothing, so two reads in a row agree.', Base, Variant, (KL: typeof Base) => {
  const clock = fakeClock(0);
  const l = new KL({ capacity: 1, refillPerSecond: 1, clock });
  for (const k of ['a', 'b', 'c', 'd', 'e', 'f']) l.tryTake(k);
  clock.t = 10_000;
  l.timeUntilAvailable('zz');
  return [l.size, l.size];
});
