/**
 * Demo for variant `big-backward-step-resets`: a backward step of more than a minute is treated as a clock reset and re-anchors latest, so the same stretch is paid again
 * Breaks: Refill resumes only once the clock passes that latest reading again
 */
import { TokenBucket as TBBase } from '../base/token-bucket';
import { TokenBucket as TBVariant } from '../big-backward-step-resets/token-bucket';
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

const SCENARIO = "capacity 1, 1/s: take at 1e9, clock steps back 2 min, then 1 s passes";
function scenario(B: TB) {
  const clock = fakeClock(1e9);
  const bucket = new B({ capacity: 1, refillPerSecond: 1, clock });
  bucket.tryTake();
  clock.t = 1e9 - 120_000;
  const afterStep = bucket.tryTake();
  clock.t += 1000;
  return { afterStep, oneSecondLater: bucket.tryTake() };
}

const b = show(() => scenario(TBBase));
const v = show(() => scenario(TBVariant));
console.log('variant  : big-backward-step-resets');
console.log('scenario :', SCENARIO);
console.log('base     :', b);
console.log('variant  :', v);
console.log('clause   :', "Refill resumes only once the clock passes that latest reading again");
if (b === v) {
  console.log('RESULT   : NO DIFFERENCE');
  process.exitCode = 1;
} else console.log('RESULT   : differs — the variant breaks the clause');
