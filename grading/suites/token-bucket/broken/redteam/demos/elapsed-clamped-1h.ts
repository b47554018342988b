/**
 * Demo for variant `elapsed-clamped-1h`: elapsed time is clamped to one hour to guard against jumps, so a slow bucket (0.01/s, capacity 1000) never refills after a long jump
 * Breaks: A jump of any size, up to `Number.MAX_VALUE` ms, refills to exactly `capacity` — no `Infinity`, no `NaN`, no overflow past the cap.
 */
import { TokenBucket as TBBase } from '../base/token-bucket';
import { TokenBucket as TBVariant } from '../elapsed-clamped-1h/token-bucket';
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

const SCENARIO = "capacity 1000, 0.01/s: take 1000 at 0, clock jumps to Number.MAX_VALUE";
function scenario(B: TB) {
  const clock = fakeClock();
  const bucket = new B({ capacity: 1000, refillPerSecond: 0.01, clock });
  bucket.tryTake(1000);
  clock.t = Number.MAX_VALUE;
  return { availableAfterJump: bucket.available() };
}

const b = show(() => scenario(TBBase));
const v = show(() => scenario(TBVariant));
console.log('variant  : elapsed-clamped-1h');
console.log('scenario :', SCENARIO);
console.log('base     :', b);
console.log('variant  :', v);
console.log('clause   :', "A jump of any size, up to `Number.MAX_VALUE` ms, refills to exactly `capacity` — no `Infinity`, no `NaN`, no overflow past the cap.");
if (b === v) {
  console.log('RESULT   : NO DIFFERENCE');
  process.exitCode = 1;
} else console.log('RESULT   : differs — the variant breaks the clause');
