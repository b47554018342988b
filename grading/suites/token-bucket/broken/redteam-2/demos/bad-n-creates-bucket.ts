import { KeyedLimiter as Base } from '../base/keyed-limiter';
import { KeyedLimiter as Variant } from '../bad-n-creates-bucket/keyed-limiter';
import { demo, fakeClock } from './_lib';

demo('bad-n-creates-bucket', 'TB-1.10, TB-3.7: Any other `n` is a `RangeError` naming `n`, not a `false`, and changes nothing', Base, Variant, (KL: typeof Base) => {
  const l = new KL({ capacity: 5, refillPerSecond: 1, clock: fakeClock(0) });
  let error = '';
  try { l.tryTake('x', 6); } catch (e) { error = (e as Error).name; }
  return { error, size: l.size }; // size must stay 0
});
