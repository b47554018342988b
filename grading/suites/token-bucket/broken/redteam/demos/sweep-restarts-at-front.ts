/**
 * Demo for variant `sweep-restarts-at-front`: every operation examines the two oldest buckets from the front of the map, so a couple of busy old keys block all forgetting
 * Breaks: Buckets that have refilled must be forgotten *as operations go on* — a limiter that forgets only when asked about that very key never shrinks.
 */
import { KeyedLimiter as KLBase } from '../base/keyed-limiter';
import { KeyedLimiter as KLVariant } from '../sweep-restarts-at-front/keyed-limiter';
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

const SCENARIO = "capacity 2, 1/s: two oldest clients keep asking every 100 ms for 5 s; 100 later clients drain once at t=0 then go quiet";
function scenario(L: KL) {
  const clock = fakeClock();
  const limiter = new L({ capacity: 2, refillPerSecond: 1, clock });
  limiter.tryTake('busy1', 2);
  limiter.tryTake('busy2', 2);
  for (let i = 0; i < 100; i++) limiter.tryTake(`quiet${i}`, 2);
  for (let t = 100; t <= 5000; t += 100) {
    clock.t = t;
    limiter.tryTake('busy1');
    limiter.tryTake('busy2');
  }
  return { sizeAfter5s: limiter.size };
}

const b = show(() => scenario(KLBase));
const v = show(() => scenario(KLVariant));
console.log('variant  : sweep-restarts-at-front');
console.log('scenario :', SCENARIO);
console.log('base     :', b);
console.log('variant  :', v);
console.log('clause   :', "Buckets that have refilled must be forgotten *as operations go on* — a limiter that forgets only when asked about that very key never shrinks.");
if (b === v) {
  console.log('RESULT   : NO DIFFERENCE');
  process.exitCode = 1;
} else console.log('RESULT   : differs — the variant breaks the clause');
