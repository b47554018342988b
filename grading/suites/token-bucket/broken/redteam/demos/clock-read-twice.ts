/**
 * Demo for variant `clock-read-twice`: refill computes with one clock reading and stores a second, later one as `latest`, so the time between the two reads is never paid
 * Breaks: and a client that keeps asking gets about that much
 */
import { TokenBucket as TBBase } from '../base/token-bucket';
import { TokenBucket as TBVariant } from '../clock-read-twice/token-bucket';
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

const SCENARIO = "capacity 1, 1000/s (1 token/ms), a clock that advances 1 ms on every read; 1000 tryTake() calls";
function scenario(B: TB) {
  const clock = { t: 0, now() { return this.t++; } };
  const bucket = new B({ capacity: 1, refillPerSecond: 1000, clock });
  let granted = 0;
  for (let i = 0; i < 1000; i++) if (bucket.tryTake()) granted++;
  const elapsed = clock.t - 1;
  return { granted, elapsedMs: elapsed, rateAllows: 1 + elapsed };
}

const b = show(() => scenario(TBBase));
const v = show(() => scenario(TBVariant));
console.log('variant  : clock-read-twice');
console.log('scenario :', SCENARIO);
console.log('base     :', b);
console.log('variant  :', v);
console.log('clause   :', "and a client that keeps asking gets about that much");
if (b === v) {
  console.log('RESULT   : NO DIFFERENCE');
  process.exitCode = 1;
} else console.log('RESULT   : differs — the variant breaks the clause');
