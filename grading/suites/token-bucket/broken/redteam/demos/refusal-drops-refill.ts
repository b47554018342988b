/**
 * Demo for variant `refusal-drops-refill`: on refusal the tokens are rolled back to their pre-refill value but `latest` stays advanced, so the refill earned up to the refusal is thrown away
 * Breaks: A refused request changes nothing: a client that hammers an empty bucket does not push its own recovery further away.
 */
import { TokenBucket as TBBase } from '../base/token-bucket';
import { TokenBucket as TBVariant } from '../refusal-drops-refill/token-bucket';
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

const SCENARIO = "capacity 1, 1/s: take at 0, refused at 500 ms, ask again at 1000 ms";
function scenario(B: TB) {
  const clock = fakeClock();
  const bucket = new B({ capacity: 1, refillPerSecond: 1, clock });
  const at0 = bucket.tryTake();
  clock.t = 500;
  const at500 = bucket.tryTake();
  clock.t = 1000;
  const at1000 = bucket.tryTake();
  return { at0, at500, at1000 };
}

const b = show(() => scenario(TBBase));
const v = show(() => scenario(TBVariant));
console.log('variant  : refusal-drops-refill');
console.log('scenario :', SCENARIO);
console.log('base     :', b);
console.log('variant  :', v);
console.log('clause   :', "A refused request changes nothing: a client that hammers an empty bucket does not push its own recovery further away.");
if (b === v) {
  console.log('RESULT   : NO DIFFERENCE');
  process.exitCode = 1;
} else console.log('RESULT   : differs — the variant breaks the clause');
