/**
 * Demo for variant `rate-infinity-accepted`: refillPerSecond checked with `!(rate > 0)`: catches NaN, 0 and negatives but accepts Infinity
 * Breaks: anything else — 0, negative, `NaN`, `Infinity` — is a `RangeError` whose message names `capacity` or `refillPerSecond`.
 */
import { TokenBucket as TBBase } from '../base/token-bucket';
import { TokenBucket as TBVariant } from '../rate-infinity-accepted/token-bucket';
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

const SCENARIO = "new TokenBucket({ capacity: 1, refillPerSecond: Infinity })";
function scenario(B: TB) {
  const clock = fakeClock();
  const bucket = new B({ capacity: 1, refillPerSecond: Infinity, clock });
  bucket.tryTake();
  clock.t = 1e-9;
  return { constructed: true, availableAfter1e9ms: bucket.available() };
}

const b = show(() => scenario(TBBase));
const v = show(() => scenario(TBVariant));
console.log('variant  : rate-infinity-accepted');
console.log('scenario :', SCENARIO);
console.log('base     :', b);
console.log('variant  :', v);
console.log('clause   :', "anything else — 0, negative, `NaN`, `Infinity` — is a `RangeError` whose message names `capacity` or `refillPerSecond`.");
if (b === v) {
  console.log('RESULT   : NO DIFFERENCE');
  process.exitCode = 1;
} else console.log('RESULT   : differs — the variant breaks the clause');
