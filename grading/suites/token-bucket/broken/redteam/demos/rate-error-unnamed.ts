/**
 * Demo for variant `rate-error-unnamed`: the RangeError for a bad rate says 'refill rate ...' and never names refillPerSecond
 * Breaks: anything else — 0, negative, `NaN`, `Infinity` — is a `RangeError` whose message names `capacity` or `refillPerSecond`.
 */
import { TokenBucket as TBBase } from '../base/token-bucket';
import { TokenBucket as TBVariant } from '../rate-error-unnamed/token-bucket';
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

const SCENARIO = "new TokenBucket({ capacity: 1, refillPerSecond: 0 }): does the RangeError name refillPerSecond?";
function scenario(B: TB) {
  try {
    new B({ capacity: 1, refillPerSecond: 0, clock: fakeClock() });
    return 'no error';
  } catch (e) {
    return { name: (e as Error).name, namesRefillPerSecond: /refillPerSecond/.test((e as Error).message) };
  }
}

const b = show(() => scenario(TBBase));
const v = show(() => scenario(TBVariant));
console.log('variant  : rate-error-unnamed');
console.log('scenario :', SCENARIO);
console.log('base     :', b);
console.log('variant  :', v);
console.log('clause   :', "anything else — 0, negative, `NaN`, `Infinity` — is a `RangeError` whose message names `capacity` or `refillPerSecond`.");
if (b === v) {
  console.log('RESULT   : NO DIFFERENCE');
  process.exitCode = 1;
} else console.log('RESULT   : differs — the variant breaks the clause');
