/**
 * Demo for variant `cleanup-detaches-current`: the sweep runs between looking the bucket up and taking from it, so a full bucket can be deleted and then taken from, and the take is lost
 * Breaks: A bucket that has refilled to full answers exactly as a brand-new one would, so it **may be forgotten**, and no other may: forgetting must be invisible to callers.
 */
import { KeyedLimiter as KLBase } from '../base/keyed-limiter';
import { KeyedLimiter as KLVariant } from '../cleanup-detaches-current/keyed-limiter';
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

const SCENARIO = "capacity 1, 1/s: client a asks twice at t=0";
function scenario(L: KL) {
  const limiter = new L({ capacity: 1, refillPerSecond: 1, clock: fakeClock() });
  return [limiter.tryTake('a'), limiter.tryTake('a'), limiter.tryTake('a')];
}

const b = show(() => scenario(KLBase));
const v = show(() => scenario(KLVariant));
console.log('variant  : cleanup-detaches-current');
console.log('scenario :', SCENARIO);
console.log('base     :', b);
console.log('variant  :', v);
console.log('clause   :', "A bucket that has refilled to full answers exactly as a brand-new one would, so it **may be forgotten**, and no other may: forgetting must be invisible to callers.");
if (b === v) {
  console.log('RESULT   : NO DIFFERENCE');
  process.exitCode = 1;
} else console.log('RESULT   : differs — the variant breaks the clause');
