/**
 * Demo for variant `n-nan-accepted`: n checked with `n <= 0 || n > capacity`: NaN fails both comparisons and is treated as a grant (poisoning the bucket)
 * Breaks: a request larger than the bucket could never be allowed, so it is a `RangeError` naming `n`, not a `false` — as are 0, negative numbers, `NaN` and `Infinity`.
 */
import { TokenBucket as TBBase } from '../base/token-bucket';
import { TokenBucket as TBVariant } from '../n-nan-accepted/token-bucket';
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

const SCENARIO = "capacity 3, full: tryTake(NaN), then available()";
function scenario(B: TB) {
  const bucket = new B({ capacity: 3, refillPerSecond: 1, clock: fakeClock() });
  const r = bucket.tryTake(NaN);
  return { tryTakeNaN: r, available: String(bucket.available()) };
}

const b = show(() => scenario(TBBase));
const v = show(() => scenario(TBVariant));
console.log('variant  : n-nan-accepted');
console.log('scenario :', SCENARIO);
console.log('base     :', b);
console.log('variant  :', v);
console.log('clause   :', "a request larger than the bucket could never be allowed, so it is a `RangeError` naming `n`, not a `false` — as are 0, negative numbers, `NaN` and `Infinity`.");
if (b === v) {
  console.log('RESULT   : NO DIFFERENCE');
  process.exitCode = 1;
} else console.log('RESULT   : differs — the variant breaks the clause');
