/**
 * Demo for variant `capacity-integer-only`: capacity validated as a positive integer, so a fractional capacity such as 2.5 is rejected
 * Breaks: Both numbers must be finite and > 0 (fractions allowed: a capacity of 2.5, a rate of 1/3 per second)
 */
import { TokenBucket as TBBase } from '../base/token-bucket';
import { TokenBucket as TBVariant } from '../capacity-integer-only/token-bucket';
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

const SCENARIO = "capacity 2.5 (the README example), then tryTake(2.5) and tryTake(0.5)";
function scenario(B: TB) {
  const bucket = new B({ capacity: 2.5, refillPerSecond: 1, clock: fakeClock() });
  return [bucket.tryTake(2), bucket.tryTake(0.5), bucket.tryTake(0.5)];
}

const b = show(() => scenario(TBBase));
const v = show(() => scenario(TBVariant));
console.log('variant  : capacity-integer-only');
console.log('scenario :', SCENARIO);
console.log('base     :', b);
console.log('variant  :', v);
console.log('clause   :', "Both numbers must be finite and > 0 (fractions allowed: a capacity of 2.5, a rate of 1/3 per second)");
if (b === v) {
  console.log('RESULT   : NO DIFFERENCE');
  process.exitCode = 1;
} else console.log('RESULT   : differs — the variant breaks the clause');
