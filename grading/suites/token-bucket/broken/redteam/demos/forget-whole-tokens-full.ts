/**
 * Demo for variant `forget-whole-tokens-full`: fullness tested in whole tokens (floor), so with a fractional capacity like 2.5 a bucket holding 2.1 counts as full and is forgotten
 * Breaks: A bucket that has refilled to full answers exactly as a brand-new one would, so it **may be forgotten**, and no other may: forgetting must be invisible to callers.
 */
import { KeyedLimiter as KLBase } from '../base/keyed-limiter';
import { KeyedLimiter as KLVariant } from '../forget-whole-tokens-full/keyed-limiter';
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

const SCENARIO = "capacity 2.5, 1/s: client a takes 0.4 (2.1 left), then asks for 2.5";
function scenario(L: KL) {
  const limiter = new L({ capacity: 2.5, refillPerSecond: 1, clock: fakeClock() });
  limiter.tryTake('a', 0.4);
  limiter.tryTake('b', 0.4);
  return { aTakes2_5: limiter.tryTake('a', 2.5), waitA: limiter.timeUntilAvailable('a', 2.5) };
}

const b = show(() => scenario(KLBase));
const v = show(() => scenario(KLVariant));
console.log('variant  : forget-whole-tokens-full');
console.log('scenario :', SCENARIO);
console.log('base     :', b);
console.log('variant  :', v);
console.log('clause   :', "A bucket that has refilled to full answers exactly as a brand-new one would, so it **may be forgotten**, and no other may: forgetting must be invisible to callers.");
if (b === v) {
  console.log('RESULT   : NO DIFFERENCE');
  process.exitCode = 1;
} else console.log('RESULT   : differs — the variant breaks the clause');
