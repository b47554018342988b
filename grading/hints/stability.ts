/** Staged hints for stability patterns (grading/hints/types.ts says how they are used). */
import type { ExerciseHints } from './types';

export const hints: ExerciseHints = {
  1: [
    {
      text: 'What is `1 << 32` in JavaScript, and what is `2 ** 1100`? Then what is `0 * Infinity`? Try your function at attempt 33, at attempt 1 100 and at `Number.MAX_SAFE_INTEGER`, with `capMs` at `Number.MAX_VALUE` and a draw of exactly 0.',
      readme: '1. Backoff with jitter — 20 points',
      paper: 'Marc Brooker, "Exponential Backoff And Jitter" (AWS Architecture Blog, 2015)',
    },
    {
      text: 'Validate first, then draw once (never for `none`). For the ceiling, multiply `baseMs` by powers of two no larger than 2^1000 at a time, stopping once you pass `capMs`: each such step is exact, and none overflows before you stop. For `decorrelated`, write the formula so that `u` scales each term before anything can overflow: `baseMs + 3·u·previous − u·baseMs`, then `min` with the cap.',
    },
  ],
  2: [
    {
      text: 'Three layers each try 4 times over a database that is down: how many calls reach it per user request? What would keep each layer to 10 % more calls than it was asked to make, whatever the layer above does?',
      readme: '2. Retries with a deadline and a budget — 25 points',
      paper: 'Beyer et al., Site Reliability Engineering (2016), ch. 22 "Addressing Cascading Failures" and ch. 21 "Handling Overload"',
    },
    {
      text: 'A call keeps its start time, its attempt count and its previous delay; the Retrier keeps two lists of times, requests begun and retries granted, and drops the times that are no longer in (now − windowMs, now] before it counts. Decide in the README’s order: ok, fatal, attempts; then the delay (one draw), now + delay against the deadline; then the budget expression, exactly as written. Only a granted retry is recorded.',
    },
  ],
  3: [
    {
      text: 'A call was granted while the breaker was closed and took 30 s to fail; meanwhile the breaker opened and half-opened. Should that failure reopen it? And when the breaker half-opens with 500 requests waiting, how many should it let through?',
      readme: '3. A circuit breaker — 30 points',
      paper: 'Michael Nygard, Release It! (2nd ed., 2018), ch. 5 "Circuit Breaker"; sony/gobreaker, the generation check in gobreaker.go',
    },
    {
      text: 'Number the state periods: every change of state (closed → open → half-open → closed or open) adds one. A permit captures the number it was granted under and a flag for "reported"; its report throws if the flag is set, sets it, and does nothing more unless its number is the current one. Open turns half-open lazily, in `state`, `tryAcquire` and reports, once `monotonic.now() ≥ openedAt + openMs`. While half-open, count permits out and successes; the window of a closed period starts empty.',
    },
  ],
  4: [
    {
      text: 'Requests arrive twice as fast as the server finishes them, and clients give up after 300 ms. With an unbounded first-in-first-out queue, how long does the request at the back wait, and who is still waiting for its answer when it finally runs?',
      readme: '4. Load shedding — 25 points',
      paper: 'Ben Maurer, "Fail at Scale" (ACM Queue, 2015); Amazon Builders’ Library, "Using load shedding to avoid overload"',
    },
    {
      text: 'Keep a set of running ids and one arrival-ordered list per priority. Every call first removes the queued requests with `now ≥ deadlineMs` into `shed`. On offer: past its deadline, shed; a free slot, start; room in the queue, append; else compare with the tail of the least important non-empty list. On done: free the slot, then start heads from the most important list while slots are free.',
    },
  ],
};
