/** Staged hints for the token bucket (grading/hints/types.ts says how they are used). */
import type { TaskLayout } from './task-code';
import type { ExerciseHints } from './types';

export const hints: ExerciseHints = {
  1: [
    {
      text: 'A token bucket is two numbers and one rule. Re-read how the bucket changes between two clock readings t₀ < t₁, and ask yourself: what does my bucket remember between calls, and does every call — `available()`, a refused `tryTake`, a successful one — count each millisecond exactly once? Then ask what a refused request is allowed to change.',
      readme: '1. Token bucket — 35 points',
      paper: 'RFC 2698 (Heinanen & Guerin 1999), §3 "Metering"',
    },
    {
      text: 'The classic mistakes: storing the reading (`latest`) only when a take succeeds, so `available()` and every refusal count the same elapsed time again; adding `Math.floor` of what was earned, which throws the fraction away on every call; no cap at `capacity`, so an idle bucket saves up more than its burst; and subtracting `n` before deciding, so a refusal still takes. `NaN` fails every comparison, so `if (n <= 0 || n > capacity) throw …` lets `NaN` through; the options have the same trap.',
    },
    {
      text: 'Keep `tokens` (starting at `capacity`) and `latest` (the clock reading at creation). Every method first brings them up to date: read the clock once and, if it is later than `latest`, add `(now − latest) × refillPerSecond / 1000`, cap at `capacity`, and set `latest = now`. Throw a `RangeError` naming `n` unless `Number.isFinite(n) && n > 0 && n <= capacity`, and one naming `capacity` or `refillPerSecond` unless that option is finite and > 0. Decide before you subtract: `n - tokens > 1e-9` is a refusal that leaves `tokens` as it was; otherwise set `tokens = Math.max(0, tokens - n)`, since a take inside the band can leave it a hair below 0 (1 − 0.1 − 0.2 − 0.3 − 0.4 is −5.6e−17 in doubles), and `available()` must never show that. Copy `capacity` and `refillPerSecond` out of the options, keep the clock object, and call `clock.now()` on it.',
    },
  ],
  2: [
    {
      text: '`timeUntilAvailable` is what goes into `Retry-After`, a promise to the client: sleep exactly this long, try again, and you get in. Re-read the 333⅓ ms example and ask which way your rounding goes, what you answer when the tokens are already there, and whether asking changes the bucket.',
      readme: '2. Time until available — 15 points',
    },
    {
      text: 'The bucket is short `missing = n − tokens`; at `refillPerSecond` tokens per second that is `missing × 1000 / refillPerSecond` ms, usually not a whole number. `Math.floor` (or `Math.round`) is a millisecond early whenever the wait is not whole: at 333 ms the bucket holds only 0.999 tokens, and the client is refused again. `Math.ceil` is the right direction. It may make a wait that is whole in exact arithmetic a millisecond long (1 − 0.7 tokens at 0.1 per second is 3 000 ms, computed as 3000.0000000000005, rounded up to 3 001); that is accepted, because at 3 000 ms the bucket sits exactly on the boundary, inside the band of TB-0.3. And mind the ends of the ranges: at 10⁵ tokens per second a hair of a millisecond is many tokens, a wait below a millisecond is 1 (not 0), and `missing × 1000` overflows to `Infinity` for a capacity near `Number.MAX_VALUE`.',
    },
    {
      text: 'Check `n` as `tryTake` does (a `RangeError` naming `n`), bring the bucket up to date, and take nothing. If `missing = n - tokens` is at most 10⁻⁹ — the very test `tryTake` uses — return 0; otherwise return `Math.max(1, Math.ceil((missing - 5e-10) / refillPerSecond * 1000))`. Taking half the band off in tokens (not in milliseconds) before rounding up keeps a wait that is whole in exact arithmetic from coming out a millisecond too long, and still leaves at most 5·10⁻¹⁰ missing once the client has waited, whatever the rate; dividing first cannot overflow, and a wait too long for a double comes out as `Infinity`.',
    },
  ],
  3: [
    {
      text: 'Forgetting a bucket must be invisible to callers. Ask which buckets answer exactly as a brand-new one would, and when your limiter ever gets round to looking at them if their clients never come back. Then try your store with the keys `\'__proto__\'`, `\'constructor\'` and `\'\'`.',
      readme: '3. Keyed limiter — 25 points',
    },
    {
      text: 'Only a bucket that has refilled to full may go. A fixed-size LRU cache is not a fix: it forgets busy buckets that are not full, and a client that cycles through more keys than the cache holds gets a fresh, full bucket each time. A limiter that forgets only when asked about that very key never shrinks, and one that sweeps every bucket on some calls is not O(1) amortised. And a plain object is not a map of any strings: `{}` already has `constructor`, and `obj[\'__proto__\'] = bucket` changes the object’s prototype instead of storing anything.',
    },
    {
      text: 'Keep the buckets in a `Map`, create one on first use, and answer `timeUntilAvailable` for a key without a bucket as a full bucket would (0, or the `RangeError` for a bad `n`). On every operation, look at two buckets and delete any that is full (`available() >= capacity`): two per operation outpaces the one key an operation can add. To visit them in turn, keep a `Map` iterator as a cursor across operations — JavaScript keeps it valid while you insert and delete, even the entry it is on — and start a new one when it is done. Do not start from the front every time (`map.keys().next()`, then delete and re-insert): in V8 the deleted entries stay as holes at the front of the table until it is rebuilt, and every fresh iterator walks over them, so each operation costs time in proportion to the number of buckets.',
    },
  ],
  4: [
    {
      text: 'The rule is one sentence: time is counted once. Walk the README’s example through your code by hand — the clock reads 10 000, then 5 000, then 10 000, then 10 500 — and count how many milliseconds of tokens your bucket pays out. Then ask what your arithmetic does with a reading of `Number.MAX_VALUE`, of `NaN`, or a first reading of 1 700 000 000 000.',
      readme: '4. Clocks that misbehave — 25 points',
    },
    {
      text: 'Setting `latest = now` on a backward reading looks harmless, but when the clock comes back the same stretch is paid for again. A bucket that assumes the clock starts at 0 breaks at epoch milliseconds or below zero. A product that overflows to `Infinity` still caps to `capacity`, but `Infinity − Infinity` or `0 × Infinity` is `NaN`, and `NaN` poisons every later answer. Over a million calls, rounding elapsed time up to whole milliseconds, flooring the tokens earned, or a separate counter of "tokens granted" reconciled later makes the grants drift from what the rate allows.',
      readme: 'Precision',
    },
    {
      text: 'At the top of the refill, read the clock once and return without touching anything if `!Number.isFinite(now)` or `now <= latest`. Otherwise compute `(now - latest) * refillPerSecond / 1000`, cap with `Math.min(capacity, tokens + earned)`, and set `latest = now`. Take `latest` from the clock at creation, never from 0; if that first reading is not finite, let the first finite one set `latest` without adding anything. Keep the fraction: never round elapsed time or tokens.',
    },
  ],
};

/** Which code each task's tests exercise, and which tasks build on which (grading/hints/task-code.ts). */
export const layout: TaskLayout = {
  code: {
    1: ['TokenBucket.constructor', 'TokenBucket.available', 'TokenBucket.tryTake'],
    2: ['TokenBucket.timeUntilAvailable'],
    3: ['keyed-limiter.ts'],
    // Clocks that misbehave are met where time is read: in the same methods as task 1's.
    4: ['TokenBucket.constructor', 'TokenBucket.available', 'TokenBucket.tryTake', 'TokenBucket.timeUntilAvailable'],
  },
  builtOn: { 2: [1], 3: [1], 4: [1] },
};
