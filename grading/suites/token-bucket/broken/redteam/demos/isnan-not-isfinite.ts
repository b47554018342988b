/**
 * Demo for variant `isnan-not-isfinite`: filters bad readings with Number.isNaN instead of Number.isFinite, so +Infinity refills the bucket and freezes latest at Infinity
 * Breaks: A reading that is not a finite number (`NaN`, `±Infinity`) counts as no time passing.
 */
import { TokenBucket as TBBase } from '../base/token-bucket';
import { TokenBucket as TBVariant } from '../isnan-not-isfinite/token-bucket';
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

const SCENARIO = "capacity 1, 1/s: take at 0, one reading of +Infinity, then back to 500 and 1000";
function scenario(B: TB) {
  const clock = fakeClock();
  const bucket = new B({ capacity: 1, refillPerSecond: 1, clock });
  bucket.tryTake();
  clock.t = Infinity;
  const atInfinity = bucket.available();
  clock.t = 500;
  const at500 = bucket.available();
  clock.t = 1000;
  return { atInfinity, at500, at1000: bucket.available() };
}

const b = show(() => scenario(TBBase));
const v = show(() => scenario(TBVariant));
console.log('variant  : isnan-not-isfinite');
console.log('scenario :', SCENARIO);
console.log('base     :', b);
console.log('variant  :', v);
console.log('clause   :', "A reading that is not a finite number (`NaN`, `±Infinity`) counts as no time passing.");
if (b === v) {
  console.log('RESULT   : NO DIFFERENCE');
  process.exitCode = 1;
} else console.log('RESULT   : differs — the variant breaks the clause');
