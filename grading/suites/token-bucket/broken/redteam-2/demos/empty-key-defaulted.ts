import { KeyedLimiter as Base } from '../base/keyed-limiter';
import { KeyedLimiter as Variant } from '../empty-key-defaulted/keyed-limiter';
import { demo, fakeClock } from './_lib';

demo('empty-key-defaulted', 'TB-3.5: Keys are **any strings**: `\'__proto__\'`, `\'constructor\'` and `\'\'` are ordinary keys', Base, Variant, (KL: typeof Base) => {
  const l = new KL({ capacity: 1, refillPerSecond: 1, clock: fakeClock(0) });
  l.tryTake('anonymous');
  return l.tryTake(''); // another key, full
});
