/**
 * Demo for variant `empty-key-unlimited`: a falsy-key guard treats '' as 'no client' and lets it through unlimited
 * Breaks: Keys are **any strings**: `'__proto__'`, `'constructor'` and `''` are ordinary keys.
 */
import { KeyedLimiter as KLBase } from '../base/keyed-limiter';
import { KeyedLimiter as KLVariant } from '../empty-key-unlimited/keyed-limiter';
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

const SCENARIO = "capacity 1, 1/s: key '' asks three times at t=0";
function scenario(L: KL) {
  const limiter = new L({ capacity: 1, refillPerSecond: 1, clock: fakeClock() });
  return [limiter.tryTake(''), limiter.tryTake(''), limiter.tryTake('')];
}

const b = show(() => scenario(KLBase));
const v = show(() => scenario(KLVariant));
console.log('variant  : empty-key-unlimited');
console.log('scenario :', SCENARIO);
console.log('base     :', b);
console.log('variant  :', v);
console.log('clause   :', "Keys are **any strings**: `'__proto__'`, `'constructor'` and `''` are ordinary keys.");
if (b === v) {
  console.log('RESULT   : NO DIFFERENCE');
  process.exitCode = 1;
} else console.log('RESULT   : differs — the variant breaks the clause');
