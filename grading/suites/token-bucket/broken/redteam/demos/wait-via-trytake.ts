/**
 * Demo for variant `wait-via-trytake`: asks tryTake whether the tokens are there, which takes them when the answer is 0 (a Reserve-style API)
 * Breaks: It takes nothing, and rejects a bad `n` with the same `RangeError` as `tryTake`.
 */
import { TokenBucket as TBBase } from '../base/token-bucket';
import { TokenBucket as TBVariant } from '../wait-via-trytake/token-bucket';
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

const SCENARIO = "capacity 2, full: timeUntilAvailable(), then available()";
function scenario(B: TB) {
  const bucket = new B({ capacity: 2, refillPerSecond: 1, clock: fakeClock() });
  return { wait: bucket.timeUntilAvailable(), availableAfter: bucket.available() };
}

const b = show(() => scenario(TBBase));
const v = show(() => scenario(TBVariant));
console.log('variant  : wait-via-trytake');
console.log('scenario :', SCENARIO);
console.log('base     :', b);
console.log('variant  :', v);
console.log('clause   :', "It takes nothing, and rejects a bad `n` with the same `RangeError` as `tryTake`.");
if (b === v) {
  console.log('RESULT   : NO DIFFERENCE');
  process.exitCode = 1;
} else console.log('RESULT   : differs — the variant breaks the clause');
