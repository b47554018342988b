/**
 * Demo for variant `wait-no-refill`: timeUntilAvailable does not bring the bucket up to date first, so it answers from the tokens at the last call
 * Breaks: the **smallest whole number of milliseconds `w`** such that, if the clock advances `w` ms and nothing else takes meanwhile, `tryTake(n)` succeeds. It is `0` when `tryTake(n)` would succeed now.
 */
import { TokenBucket as TBBase } from '../base/token-bucket';
import { TokenBucket as TBVariant } from '../wait-no-refill/token-bucket';
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

const SCENARIO = "capacity 1, 1/s: take at 0, timeUntilAvailable() at 600 ms (0.6 tokens: 400 ms to go)";
function scenario(B: TB) {
  const clock = fakeClock();
  const bucket = new B({ capacity: 1, refillPerSecond: 1, clock });
  bucket.tryTake();
  clock.t = 600;
  return { wait: bucket.timeUntilAvailable() };
}

const b = show(() => scenario(TBBase));
const v = show(() => scenario(TBVariant));
console.log('variant  : wait-no-refill');
console.log('scenario :', SCENARIO);
console.log('base     :', b);
console.log('variant  :', v);
console.log('clause   :', "the **smallest whole number of milliseconds `w`** such that, if the clock advances `w` ms and nothing else takes meanwhile, `tryTake(n)` succeeds. It is `0` when `tryTake(n)` would succeed now.");
if (b === v) {
  console.log('RESULT   : NO DIFFERENCE');
  process.exitCode = 1;
} else console.log('RESULT   : differs — the variant breaks the clause');
