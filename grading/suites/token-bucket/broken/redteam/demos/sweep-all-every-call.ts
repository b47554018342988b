/**
 * Demo for variant `sweep-all-every-call`: every operation sweeps the whole map, O(buckets) per call
 * Breaks: Each operation is **O(1) amortised**: no sweep over every bucket on every call.
 */
import { KeyedLimiter as KLBase } from '../base/keyed-limiter';
import { KeyedLimiter as KLVariant } from '../sweep-all-every-call/keyed-limiter';
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

const SCENARIO = "capacity 1, 1/s: 2000 clients drained at t=0; count clock reads made by ONE more tryTake";
function scenario(L: KL) {
  let reads = 0;
  const clock = { t: 0, now() { reads++; return this.t; } };
  const limiter = new L({ capacity: 1, refillPerSecond: 1, clock });
  for (let i = 0; i < 2000; i++) limiter.tryTake(`k${i}`);
  reads = 0;
  limiter.tryTake('one-more');
  return { clockReadsForOneOperation: reads, size: limiter.size };
}

const b = show(() => scenario(KLBase));
const v = show(() => scenario(KLVariant));
console.log('variant  : sweep-all-every-call');
console.log('scenario :', SCENARIO);
console.log('base     :', b);
console.log('variant  :', v);
console.log('clause   :', "Each operation is **O(1) amortised**: no sweep over every bucket on every call.");
if (b === v) {
  console.log('RESULT   : NO DIFFERENCE');
  process.exitCode = 1;
} else console.log('RESULT   : differs — the variant breaks the clause');
