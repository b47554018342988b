/**
 * Demo for variant `capacity-nan-accepted`: capacity checked with `<= 0 || === Infinity`, so NaN slips through every comparison
 * Breaks: anything else — 0, negative, `NaN`, `Infinity` — is a `RangeError` whose message names `capacity` or `refillPerSecond`.
 */
import { TokenBucket as TBBase } from '../base/token-bucket';
import { TokenBucket as TBVariant } from '../capacity-nan-accepted/token-bucket';
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

const SCENARIO = "new TokenBucket({ capacity: NaN, refillPerSecond: 1 }), then tryTake() and available()";
function scenario(B: TB) {
  const bucket = new B({ capacity: NaN, refillPerSecond: 1, clock: fakeClock() });
  return { constructed: true, tryTake: bucket.tryTake(), available: String(bucket.available()) };
}

const b = show(() => scenario(TBBase));
const v = show(() => scenario(TBVariant));
console.log('variant  : capacity-nan-accepted');
console.log('scenario :', SCENARIO);
console.log('base     :', b);
console.log('variant  :', v);
console.log('clause   :', "anything else — 0, negative, `NaN`, `Infinity` — is a `RangeError` whose message names `capacity` or `refillPerSecond`.");
if (b === v) {
  console.log('RESULT   : NO DIFFERENCE');
  process.exitCode = 1;
} else console.log('RESULT   : differs — the variant breaks the clause');
