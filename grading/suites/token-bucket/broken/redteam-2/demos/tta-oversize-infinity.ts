import { TokenBucket as Base } from '../base/token-bucket';
import { TokenBucket as Variant } from '../tta-oversize-infinity/token-bucket';
import { demo, fakeClock } from './_lib';

demo('tta-oversize-infinity', 'TB-2.4: It rejects a bad `n` with the same `RangeError` as `tryTake`.', Base, Variant, (TB: typeof Base) => {
  const b = new TB({ capacity: 5, refillPerSecond: 1, clock: fakeClock() });
  return b.timeUntilAvailable(6);
});
