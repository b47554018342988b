/**
 * Demo for variant `floor-earned-tokens`: adds only whole tokens earned but still moves latest to now, so the fraction is thrown away on every call
 * Breaks: Between two clock readings `t₀ < t₁` the bucket gains `(t₁ − t₀) × refillPerSecond / 1000` tokens
 */
import { TokenBucket as TBBase } from '../base/token-bucket';
import { TokenBucket as TBVariant } from '../floor-earned-tokens/token-bucket';
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

const SCENARIO = "capacity 1, 1/s: take at 0, tryTake() every 100 ms for 2 s";
function scenario(B: TB) {
  const clock = fakeClock();
  const bucket = new B({ capacity: 1, refillPerSecond: 1, clock });
  bucket.tryTake();
  const grantedAt: number[] = [];
  for (let t = 100; t <= 2000; t += 100) {
    clock.t = t;
    if (bucket.tryTake()) grantedAt.push(t);
  }
  return { grantedAt, availableAt2000: bucket.available() };
}

const b = show(() => scenario(TBBase));
const v = show(() => scenario(TBVariant));
console.log('variant  : floor-earned-tokens');
console.log('scenario :', SCENARIO);
console.log('base     :', b);
console.log('variant  :', v);
console.log('clause   :', "Between two clock readings `t₀ < t₁` the bucket gains `(t₁ − t₀) × refillPerSecond / 1000` tokens");
if (b === v) {
  console.log('RESULT   : NO DIFFERENCE');
  process.exitCode = 1;
} else console.log('RESULT   : differs — the variant breaks the clause');
