import { KeyedLimiter as Base } from '../base/keyed-limiter';
import { KeyedLimiter as Variant } from '../key-normalized-nfc/keyed-limiter';
import { demo, fakeClock } from './_lib';

demo('key-normalized-nfc', 'TB-3.5: two strings that differ in any UTF-16 code unit are two keys — a lone surrogate `\'\\ud800\'` is not `\'\\ufffd\'`, and `\'é\'` composed is not `\'é\'` decomposed.', Base, Variant, (KL: typeof Base) => {
  const l = new KL({ capacity: 1, refillPerSecond: 1, clock: fakeClock(0) });
  l.tryTake('\u00e9');
  return l.tryTake('e\u0301'); // another key, full
});
