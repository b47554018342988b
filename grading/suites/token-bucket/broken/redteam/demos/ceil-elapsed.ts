/**
 * Demo for variant `ceil-elapsed`: elapsed time rounded up to whole milliseconds on every refill: sub-millisecond calls each get a whole millisecond of tokens
 * Breaks: Over any run, the tokens granted stay within `capacity + refillPerSecond × elapsed`
 */
import { TokenBucket as TBBase } from '../base/token-bucket';
import { TokenBucket as TBVariant } from '../ceil-elapsed/token-bucket';
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

const SCENARIO = "capacity 1, 1/s: a client asks every 0.1 ms for 1 s (rate allows 1 + 1 = 2 tokens)";
function scenario(B: TB) {
  const clock = fakeClock();
  const bucket = new B({ capacity: 1, refillPerSecond: 1, clock });
  let granted = 0;
  for (let i = 0; i <= 10_000; i++) {
    clock.t = i * 0.1;
    if (bucket.tryTake()) granted++;
  }
  return { granted, rateAllows: 1 + (1 * clock.t) / 1000 };
}

const b = show(() => scenario(TBBase));
const v = show(() => scenario(TBVariant));
console.log('variant  : ceil-elapsed');
console.log('scenario :', SCENARIO);
console.log('base     :', b);
console.log('variant  :', v);
console.log('clause   :', "Over any run, the tokens granted stay within `capacity + refillPerSecond × elapsed`");
if (b === v) {
  console.log('RESULT   : NO DIFFERENCE');
  process.exitCode = 1;
} else console.log('RESULT   : differs — the variant breaks the clause');
