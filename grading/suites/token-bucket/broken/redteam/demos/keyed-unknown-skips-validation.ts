/**
 * Demo for variant `keyed-unknown-skips-validation`: for a key with no bucket, timeUntilAvailable returns 0 without validating n (0, NaN or n > capacity answer 0)
 * Breaks: `tryTake(key, n)` and `timeUntilAvailable(key, n)` are the bucket methods on that key's bucket (a key with no bucket has a full one: its wait is 0).
 */
import { KeyedLimiter as KLBase } from '../base/keyed-limiter';
import { KeyedLimiter as KLVariant } from '../keyed-unknown-skips-validation/keyed-limiter';
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

const SCENARIO = "timeUntilAvailable for a never-seen key with n = 0, NaN and 5 (> capacity 2)";
function scenario(L: KL) {
  const limiter = new L({ capacity: 2, refillPerSecond: 1, clock: fakeClock() });
  return [0, NaN, 5].map((n) => show(() => limiter.timeUntilAvailable('nobody', n)));
}

const b = show(() => scenario(KLBase));
const v = show(() => scenario(KLVariant));
console.log('variant  : keyed-unknown-skips-validation');
console.log('scenario :', SCENARIO);
console.log('base     :', b);
console.log('variant  :', v);
console.log('clause   :', "`tryTake(key, n)` and `timeUntilAvailable(key, n)` are the bucket methods on that key's bucket (a key with no bucket has a full one: its wait is 0).");
if (b === v) {
  console.log('RESULT   : NO DIFFERENCE');
  process.exitCode = 1;
} else console.log('RESULT   : differs — the variant breaks the clause');
