/**
 * Demo for variant `latest-from-zero`: latest starts at 0 instead of the clock reading at creation, so a clock with a negative origin earns nothing until it passes 0
 * Breaks: A clock that starts at 0, at −5 000 or at 1 700 000 000 000 (epoch milliseconds) behaves the same; only differences between readings matter.
 */
import { TokenBucket as TBBase } from '../base/token-bucket';
import { TokenBucket as TBVariant } from '../latest-from-zero/token-bucket';
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

const SCENARIO = "clock starts at -5000; capacity 1, 1/s: take at -5000, tryTake() at -4000";
function scenario(B: TB) {
  const clock = fakeClock(-5000);
  const bucket = new B({ capacity: 1, refillPerSecond: 1, clock });
  bucket.tryTake();
  clock.t = -4000;
  return { tryTakeAfter1s: bucket.tryTake() };
}

const b = show(() => scenario(TBBase));
const v = show(() => scenario(TBVariant));
console.log('variant  : latest-from-zero');
console.log('scenario :', SCENARIO);
console.log('base     :', b);
console.log('variant  :', v);
console.log('clause   :', "A clock that starts at 0, at −5 000 or at 1 700 000 000 000 (epoch milliseconds) behaves the same; only differences between readings matter.");
if (b === v) {
  console.log('RESULT   : NO DIFFERENCE');
  process.exitCode = 1;
} else console.log('RESULT   : differs — the variant breaks the clause');
