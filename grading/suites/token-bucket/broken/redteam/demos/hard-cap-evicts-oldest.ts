/**
 * Demo for variant `hard-cap-evicts-oldest`: an extra safety cap of 8192 buckets evicts the oldest bucket even when it is not full (gives a drained client a fresh burst)
 * Breaks: A bucket that has refilled to full answers exactly as a brand-new one would, so it **may be forgotten**, and no other may: forgetting must be invisible to callers.
 */
import { KeyedLimiter as KLBase } from '../base/keyed-limiter';
import { KeyedLimiter as KLVariant } from '../hard-cap-evicts-oldest/keyed-limiter';
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

const SCENARIO = "capacity 1, 1/s: 8193 clients each take their token at t=0, then client k0 asks again at t=0";
function scenario(L: KL) {
  const limiter = new L({ capacity: 1, refillPerSecond: 1, clock: fakeClock() });
  for (let i = 0; i <= 8192; i++) limiter.tryTake(`k${i}`);
  return { sizeAfter: limiter.size, k0AgainAllowed: limiter.tryTake('k0') };
}

const b = show(() => scenario(KLBase));
const v = show(() => scenario(KLVariant));
console.log('variant  : hard-cap-evicts-oldest');
console.log('scenario :', SCENARIO);
console.log('base     :', b);
console.log('variant  :', v);
console.log('clause   :', "A bucket that has refilled to full answers exactly as a brand-new one would, so it **may be forgotten**, and no other may: forgetting must be invisible to callers.");
if (b === v) {
  console.log('RESULT   : NO DIFFERENCE');
  process.exitCode = 1;
} else console.log('RESULT   : differs — the variant breaks the clause');
