import { KeyedLimiter as Base } from '../base/keyed-limiter';
import { KeyedLimiter as Variant } from '../key-utf8-encoded/keyed-limiter';
import { demo, fakeClock } from './_lib';

demo('key-utf8-encoded', 'TB-3.5: two strings that differ in any UTF-16 code unit are two keys — a lone surrogate `\'\\ud800\'` is not `\'\\ufffd\'`', Base, Variant, (KL: typeof Base) => {
  const l = new KL({ capacity: 1, refillPerSecond: 1, clock: fakeClock(0) });
  l.tryTake('\ud800');
  return l.tryTake('\ufffd'); // another key, full
});
