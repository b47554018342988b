/**
 * Demo for variant `negative-after-band-take`: no clamp after a take inside the tolerance band, so available() can return a tiny negative number such as -1.1e-16
 * Breaks: The tokens the bucket holds now: a number in [0, capacity], fractions included.
 */
import { TokenBucket as TBBase } from '../base/token-bucket';
import { TokenBucket as TBVariant } from '../negative-after-band-take/token-bucket';
type Opts = { capacity: number; refillPerSecond: number; clock: { now(): number } };
type TB = new (o: Opts) => { available(): number; tryTake(n?: number): boolean; timeUntilAvailable(n?: number): number };
type KL = new (o: Opts) => { readonly size: number; tryTake(key: string, n?: number): boolean; timeUntilAvailable(key: string, n?: number): number };
void (0 as unknown as TB | KL);
/** A clock only this script moves. */
const fakeClock = (t = 0) => ({ t, now() { return this.t; } });
void fakeClock;

function show(f: () => unknown): string {
  try {
    return JSON.stringify(f());
  } catch (e) {
    return `throws ${(e as Error).name}: ${(e as Error).message}`;
  }
}

const SCENARIO = "capacity 1, 0.1/s: take at 0, available() every second for 10 s (0.9999999999999999 in doubles), tryTake(), available()";
function scenario(B: TB) {
  const clock = fakeClock();
  const bucket = new B({ capacity: 1, refillPerSecond: 0.1, clock });
  bucket.tryTake();
  let before = 0;
  for (let t = 1000; t <= 10_000; t += 1000) {
    clock.t = t;
    before = bucket.available();
  }
  const took = bucket.tryTake();
  return { before, took, after: bucket.available(), afterInRange: bucket.available() >= 0 };
}

const b = show(() => scenario(TBBase));
const v = show(() => scenario(TBVariant));
console.log('variant  : negative-after-band-take');
console.log('scenario :', SCENARIO);
console.log('base     :', b);
console.log('variant  :', v);
console.log('clause   :', "The tokens the bucket holds now: a number in [0, capacity], fractions included.");
if (b === v) {
  console.log('RESULT   : NO DIFFERENCE');
  process.exitCode = 1;
} else console.log('RESULT   : differs — the variant breaks the clause');
