/**
 * Demo for variant `n-fraction-rejected`: n validated with Number.isInteger, so tryTake(0.5) is a RangeError
 * Breaks: `n` must satisfy `0 < n ≤ capacity` (fractions allowed)
 */
import { TokenBucket as TBBase } from '../base/token-bucket';
import { TokenBucket as TBVariant } from '../n-fraction-rejected/token-bucket';
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

const SCENARIO = "capacity 3, full: tryTake(0.5), then available()";
function scenario(B: TB) {
  const bucket = new B({ capacity: 3, refillPerSecond: 1, clock: fakeClock() });
  return { tryTakeHalf: bucket.tryTake(0.5), available: bucket.available() };
}

const b = show(() => scenario(TBBase));
const v = show(() => scenario(TBVariant));
console.log('variant  : n-fraction-rejected');
console.log('scenario :', SCENARIO);
console.log('base     :', b);
console.log('variant  :', v);
console.log('clause   :', "`n` must satisfy `0 < n ≤ capacity` (fractions allowed)");
if (b === v) {
  console.log('RESULT   : NO DIFFERENCE');
  process.exitCode = 1;
} else console.log('RESULT   : differs — the variant breaks the clause');
