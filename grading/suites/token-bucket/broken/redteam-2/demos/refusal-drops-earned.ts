import { TokenBucket as Base } from '../base/token-bucket';
import { TokenBucket as Variant } from '../refusal-drops-earned/token-bucket';
import { demo, fakeClock } from './_lib';

demo('refusal-drops-earned', 'TB-1.8: A refused request changes nothing: a client that hammers an empty bucket does not push its own recovery further away.', Base, Variant, (TB: typeof Base) => {
  const clock = fakeClock(0);
  const b = new TB({ capacity: 1, refillPerSecond: 1, clock });
  b.tryTake(1);
  clock.t = 500; const first = b.tryTake(1);
  clock.t = 1000;
  return { at500: first, at1000: b.tryTake(1) }; // false, true
});
