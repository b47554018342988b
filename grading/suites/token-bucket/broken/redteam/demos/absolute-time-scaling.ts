/**
 * Demo for variant `absolute-time-scaling`: earned tokens computed as the difference of two absolute readings scaled to tokens, which loses precision at large origins
 * Breaks: A clock that starts at 0, at −5 000 or at 1 700 000 000 000 (epoch milliseconds) behaves the same; only differences between readings matter.
 */
import { TokenBucket as TBBase } from '../base/token-bucket';
import { TokenBucket as TBVariant } from '../absolute-time-scaling/token-bucket';
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

const SCENARIO = "epoch origin 1.7e12 vs origin 0, capacity 1000, 999.9/s: take 1000, available() every ms for 500 ms (exact: 499.95)";
function scenario(B: TB) {
  const out: Record<string, number> = {};
  for (const origin of [0, 1.7e12]) {
    const clock = fakeClock(origin);
    const bucket = new B({ capacity: 1000, refillPerSecond: 999.9, clock });
    bucket.tryTake(1000);
    let worst = 0;
    for (let i = 1; i <= 500; i++) {
      clock.t = origin + i;
      worst = Math.max(worst, Math.abs(bucket.available() - (i * 999.9) / 1000));
    }
    out[`worstErrorOrigin${origin}`] = worst;
  }
  return { ...out, bothWithin1e6: Object.values(out).every((e) => e <= 1e-6) };
}

const b = show(() => scenario(TBBase));
const v = show(() => scenario(TBVariant));
console.log('variant  : absolute-time-scaling');
console.log('scenario :', SCENARIO);
console.log('base     :', b);
console.log('variant  :', v);
console.log('clause   :', "A clock that starts at 0, at −5 000 or at 1 700 000 000 000 (epoch milliseconds) behaves the same; only differences between readings matter.");
if (b === v) {
  console.log('RESULT   : NO DIFFERENCE');
  process.exitCode = 1;
} else console.log('RESULT   : differs — the variant breaks the clause');
