/**
 * Demo for variant `keyed-wait-drops-n`: timeUntilAvailable forwards to the bucket without n, so it always answers for 1 token
 * Breaks: `tryTake(key, n)` and `timeUntilAvailable(key, n)` are the bucket methods on that key's bucket
 */
import { KeyedLimiter as KLBase } from '../base/keyed-limiter';
import { KeyedLimiter as KLVariant } from '../keyed-wait-drops-n/keyed-limiter';
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

const SCENARIO = "capacity 5, 1/s: client a takes 5 at t=0, then timeUntilAvailable(a, 3)";
function scenario(L: KL) {
  const limiter = new L({ capacity: 5, refillPerSecond: 1, clock: fakeClock() });
  limiter.tryTake('a', 5);
  return { waitFor3: limiter.timeUntilAvailable('a', 3) };
}

const b = show(() => scenario(KLBase));
const v = show(() => scenario(KLVariant));
console.log('variant  : keyed-wait-drops-n');
console.log('scenario :', SCENARIO);
console.log('base     :', b);
console.log('variant  :', v);
console.log('clause   :', "`tryTake(key, n)` and `timeUntilAvailable(key, n)` are the bucket methods on that key's bucket");
if (b === v) {
  console.log('RESULT   : NO DIFFERENCE');
  process.exitCode = 1;
} else console.log('RESULT   : differs — the variant breaks the clause');
