import { TokenBucket as Base } from '../base/token-bucket';
import { TokenBucket as Variant } from '../second-reading-as-latest/token-bucket';
import { demo } from './_lib';

demo('second-reading-as-latest', 'TB-0.8: read it once per call, or if you read it more often, count the time between every two readings exactly once (never compute with one reading and keep a later one as the latest).', Base, Variant, (TB: typeof Base) => {
  let t = 0;
  const clock = { now: () => (t += 0.25) }; // moves on 0.25 ms at every reading
  const b = new TB({ capacity: 1, refillPerSecond: 1000, clock }); // 1 token per ms
  let granted = 0;
  for (let i = 0; i < 4000; i++) if (b.tryTake()) granted++;
  const allowedAtLeast = 1 + t - 1; // capacity + rate x elapsed - 1 (TB-0.6)
  return { granted, elapsedMs: t, shortBy: Math.max(0, allowedAtLeast - granted) };
});
