/**
 * Demo for variant `n-over-capacity-false`: tryTake answers false for n > capacity instead of throwing (timeUntilAvailable still throws)
 * Breaks: a request larger than the bucket could never be allowed, so it is a `RangeError` naming `n`, not a `false`
 */
import { TokenBucket as TBBase } from '../base/token-bucket';
import { TokenBucket as TBVariant } from '../n-over-capacity-false/token-bucket';
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

const SCENARIO = "capacity 5, full: tryTake(6)";
function scenario(B: TB) {
  const bucket = new B({ capacity: 5, refillPerSecond: 1, clock: fakeClock() });
  return { tryTake6: bucket.tryTake(6) };
}

const b = show(() => scenario(TBBase));
const v = show(() => scenario(TBVariant));
console.log('variant  : n-over-capacity-false');
console.log('scenario :', SCENARIO);
console.log('base     :', b);
console.log('variant  :', v);
console.log('clause   :', "a request larger than the bucket could never be allowed, so it is a `RangeError` naming `n`, not a `false`");
if (b === v) {
  console.log('RESULT   : NO DIFFERENCE');
  process.exitCode = 1;
} else console.log('RESULT   : differs — the variant breaks the clause');
