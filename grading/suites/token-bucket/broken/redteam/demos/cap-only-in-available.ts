/**
 * Demo for variant `cap-only-in-available`: the cap is applied only to what available() reports; internally an idle bucket keeps saving tokens beyond capacity
 * Breaks: and then holds `min(capacity, tokens + gained)`: tokens earned by a full bucket are lost.
 */
import { TokenBucket as TBBase } from '../base/token-bucket';
import { TokenBucket as TBVariant } from '../cap-only-in-available/token-bucket';
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

const SCENARIO = "capacity 2, 1/s, idle for 10 s, then 5 requests at once";
function scenario(B: TB) {
  const clock = fakeClock();
  const bucket = new B({ capacity: 2, refillPerSecond: 1, clock });
  clock.t = 10_000;
  const availableBefore = bucket.available();
  const grants = [1, 2, 3, 4, 5].map(() => bucket.tryTake());
  return { availableBefore, grants };
}

const b = show(() => scenario(TBBase));
const v = show(() => scenario(TBVariant));
console.log('variant  : cap-only-in-available');
console.log('scenario :', SCENARIO);
console.log('base     :', b);
console.log('variant  :', v);
console.log('clause   :', "and then holds `min(capacity, tokens + gained)`: tokens earned by a full bucket are lost.");
if (b === v) {
  console.log('RESULT   : NO DIFFERENCE');
  process.exitCode = 1;
} else console.log('RESULT   : differs — the variant breaks the clause');
