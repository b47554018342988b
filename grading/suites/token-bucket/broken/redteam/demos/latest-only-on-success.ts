/**
 * Demo for variant `latest-only-on-success`: the latest reading is stored only when a take succeeds, so available() and every refusal add the same elapsed time again
 * Breaks: Between two clock readings `t₀ < t₁` the bucket gains `(t₁ − t₀) × refillPerSecond / 1000` tokens, and then holds `min(capacity, tokens + gained)`
 */
import { TokenBucket as TBBase } from '../base/token-bucket';
import { TokenBucket as TBVariant } from '../latest-only-on-success/token-bucket';
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

const SCENARIO = "capacity 10, 1/s: take 10 at 0, then available() five times at 1000 ms";
function scenario(B: TB) {
  const clock = fakeClock();
  const bucket = new B({ capacity: 10, refillPerSecond: 1, clock });
  bucket.tryTake(10);
  clock.t = 1000;
  return [1, 2, 3, 4, 5].map(() => bucket.available());
}

const b = show(() => scenario(TBBase));
const v = show(() => scenario(TBVariant));
console.log('variant  : latest-only-on-success');
console.log('scenario :', SCENARIO);
console.log('base     :', b);
console.log('variant  :', v);
console.log('clause   :', "Between two clock readings `t₀ < t₁` the bucket gains `(t₁ − t₀) × refillPerSecond / 1000` tokens, and then holds `min(capacity, tokens + gained)`");
if (b === v) {
  console.log('RESULT   : NO DIFFERENCE');
  process.exitCode = 1;
} else console.log('RESULT   : differs — the variant breaks the clause');
