/**
 * Demo for variant `refused-burns-remainder`: subtracts before deciding and, on refusal, clamps to 0: a refused request burns whatever was left
 * Breaks: if at least `n` tokens are held now, takes `n` and returns `true`; otherwise takes **nothing** and returns `false`
 */
import { TokenBucket as TBBase } from '../base/token-bucket';
import { TokenBucket as TBVariant } from '../refused-burns-remainder/token-bucket';
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

const SCENARIO = "capacity 10, 1/s: take 8, tryTake(3) (refused), then available() and tryTake(2)";
function scenario(B: TB) {
  const bucket = new B({ capacity: 10, refillPerSecond: 1, clock: fakeClock() });
  bucket.tryTake(8);
  const take3 = bucket.tryTake(3);
  return { take3, availableAfterRefusal: bucket.available(), take2: bucket.tryTake(2) };
}

const b = show(() => scenario(TBBase));
const v = show(() => scenario(TBVariant));
console.log('variant  : refused-burns-remainder');
console.log('scenario :', SCENARIO);
console.log('base     :', b);
console.log('variant  :', v);
console.log('clause   :', "if at least `n` tokens are held now, takes `n` and returns `true`; otherwise takes **nothing** and returns `false`");
if (b === v) {
  console.log('RESULT   : NO DIFFERENCE');
  process.exitCode = 1;
} else console.log('RESULT   : differs — the variant breaks the clause');
