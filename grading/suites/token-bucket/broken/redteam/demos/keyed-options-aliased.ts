/**
 * Demo for variant `keyed-options-aliased`: keeps a reference to the caller's options object and reads capacity/refillPerSecond from it whenever a bucket is created, so a later mutation changes new buckets
 * Breaks: A `KeyedLimiter` holds one bucket per key — per client, per API token, per IP address — all with the same options, each created full on first use.
 */
import { KeyedLimiter as KLBase } from '../base/keyed-limiter';
import { KeyedLimiter as KLVariant } from '../keyed-options-aliased/keyed-limiter';
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

const SCENARIO = "options { capacity: 1 } passed to the constructor, then the caller sets options.capacity = 100; a new client asks 3 times";
function scenario(L: KL) {
  const options = { capacity: 1, refillPerSecond: 1, clock: fakeClock() };
  const limiter = new L(options);
  options.capacity = 100;
  return [limiter.tryTake('a'), limiter.tryTake('a'), limiter.tryTake('a')];
}

const b = show(() => scenario(KLBase));
const v = show(() => scenario(KLVariant));
console.log('variant  : keyed-options-aliased');
console.log('scenario :', SCENARIO);
console.log('base     :', b);
console.log('variant  :', v);
console.log('clause   :', "A `KeyedLimiter` holds one bucket per key — per client, per API token, per IP address — all with the same options, each created full on first use.");
if (b === v) {
  console.log('RESULT   : NO DIFFERENCE');
  process.exitCode = 1;
} else console.log('RESULT   : differs — the variant breaks the clause');
