/**
 * Demo for variant `band-1e-6`: tolerance of 1e-6 tokens instead of 1e-9: grants requests short by up to a millionth of a token
 * Breaks: when it holds less than `n − 10⁻⁹`, it must fail
 */
import { TokenBucket as TBBase } from '../base/token-bucket';
import { TokenBucket as TBVariant } from '../band-1e-6/token-bucket';
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

const SCENARIO = "capacity 1, 1000/s: take at 0, tryTake() at 0.9999995 ms (exact bucket: 0.9999995 tokens, 5e-7 short)";
function scenario(B: TB) {
  const clock = fakeClock();
  const bucket = new B({ capacity: 1, refillPerSecond: 1000, clock });
  bucket.tryTake();
  clock.t = 0.9999995;
  return { tokens: bucket.available(), tryTake: bucket.tryTake() };
}

const b = show(() => scenario(TBBase));
const v = show(() => scenario(TBVariant));
console.log('variant  : band-1e-6');
console.log('scenario :', SCENARIO);
console.log('base     :', b);
console.log('variant  :', v);
console.log('clause   :', "when it holds less than `n − 10⁻⁹`, it must fail");
if (b === v) {
  console.log('RESULT   : NO DIFFERENCE');
  process.exitCode = 1;
} else console.log('RESULT   : differs — the variant breaks the clause');
