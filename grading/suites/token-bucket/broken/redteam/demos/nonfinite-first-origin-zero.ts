/**
 * Demo for variant `nonfinite-first-origin-zero`: a non-finite first reading falls back to an origin of 0, so the first finite reading pays for the time from 0 to it
 * Breaks: A reading that is not a finite number (`NaN`, `±Infinity`) counts as no time passing.
 */
import { TokenBucket as TBBase } from '../base/token-bucket';
import { TokenBucket as TBVariant } from '../nonfinite-first-origin-zero/token-bucket';
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

const SCENARIO = "clock reads NaN at creation; capacity 1, 1/s: take, then the first finite reading is 1000";
function scenario(B: TB) {
  const clock = fakeClock(NaN);
  const bucket = new B({ capacity: 1, refillPerSecond: 1, clock });
  const took = bucket.tryTake();
  clock.t = 1000;
  return { took, availableAtFirstFiniteReading: bucket.available() };
}

const b = show(() => scenario(TBBase));
const v = show(() => scenario(TBVariant));
console.log('variant  : nonfinite-first-origin-zero');
console.log('scenario :', SCENARIO);
console.log('base     :', b);
console.log('variant  :', v);
console.log('clause   :', "A reading that is not a finite number (`NaN`, `±Infinity`) counts as no time passing.");
if (b === v) {
  console.log('RESULT   : NO DIFFERENCE');
  process.exitCode = 1;
} else console.log('RESULT   : differs — the variant breaks the clause');
