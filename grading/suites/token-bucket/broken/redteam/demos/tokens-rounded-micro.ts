/**
 * Demo for variant `tokens-rounded-micro`: tokens rounded to 6 decimals on every refill, so the error of each call accumulates (drift)
 * Breaks: `available()` must be within 10⁻⁶ of the exact value
 */
import { TokenBucket as TBBase } from '../base/token-bucket';
import { TokenBucket as TBVariant } from '../tokens-rounded-micro/token-bucket';
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

const SCENARIO = "capacity 1, 1/3 per s: take at 0, available() every 0.25 ms up to 3000 ms (exact: 1 token)";
function scenario(B: TB) {
  const clock = fakeClock();
  const bucket = new B({ capacity: 1, refillPerSecond: 1 / 3, clock });
  bucket.tryTake();
  let a = 0;
  for (let i = 1; i <= 12_000; i++) {
    clock.t = i * 0.25;
    a = bucket.available();
  }
  return { availableAt3000: a, errorVsExact: Math.abs(a - 1) };
}

const b = show(() => scenario(TBBase));
const v = show(() => scenario(TBVariant));
console.log('variant  : tokens-rounded-micro');
console.log('scenario :', SCENARIO);
console.log('base     :', b);
console.log('variant  :', v);
console.log('clause   :', "`available()` must be within 10⁻⁶ of the exact value");
if (b === v) {
  console.log('RESULT   : NO DIFFERENCE');
  process.exitCode = 1;
} else console.log('RESULT   : differs — the variant breaks the clause');
