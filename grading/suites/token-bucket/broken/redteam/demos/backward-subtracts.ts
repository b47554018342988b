/**
 * Demo for variant `backward-subtracts`: no guard for now < latest: a backward step yields a negative elapsed time that removes tokens (and can drive them below 0)
 * Breaks: A reading earlier than the latest one seen adds nothing and takes nothing away, and throws nothing.
 */
import { TokenBucket as TBBase } from '../base/token-bucket';
import { TokenBucket as TBVariant } from '../backward-subtracts/token-bucket';
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

const SCENARIO = "capacity 1, 1/s, full at 10000; the clock steps back to 5000";
function scenario(B: TB) {
  const clock = fakeClock(10_000);
  const bucket = new B({ capacity: 1, refillPerSecond: 1, clock });
  clock.t = 5000;
  return { available: bucket.available(), tryTake: bucket.tryTake() };
}

const b = show(() => scenario(TBBase));
const v = show(() => scenario(TBVariant));
console.log('variant  : backward-subtracts');
console.log('scenario :', SCENARIO);
console.log('base     :', b);
console.log('variant  :', v);
console.log('clause   :', "A reading earlier than the latest one seen adds nothing and takes nothing away, and throws nothing.");
if (b === v) {
  console.log('RESULT   : NO DIFFERENCE');
  process.exitCode = 1;
} else console.log('RESULT   : differs — the variant breaks the clause');
