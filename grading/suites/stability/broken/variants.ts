/**
 * Our known-wrong stability-pattern implementations, and the graded tests
 * each one must fail. Each is `<name>.patch` beside this file: what the
 * mistake is and where it shipped, its clause ids, then a diff over the
 * reference solution (solutions/stability/) that makes it
 * (grading/variants/patch.ts). `npm run variant -- stability <name>` prints
 * the whole file a learner would have written.
 */
import type { BrokenVariant } from '../../../variants';

/** The graded tests named below, spelled exactly as in the suite. */
const graded = {
  formulas: 'backoff delays are exactly the formulas of task 1 for every attempt, option and draw',
  overflow: 'backoff never overflows: no negative, zero-past-the-first, infinite or NaN delay up to attempt Number.MAX_SAFE_INTEGER',
  backoffRange: 'backoff refuses each argument out of range with a RangeError naming it, reading nothing from random, and accepts both ends',
  retrier: "a retrier's decisions are exactly the model's for every sequence of calls, outcomes and clock moves",
  retrierRange: 'a retrier refuses each option out of range with a RangeError naming it, and accepts both ends',
  callOver: 'next after the last decision throws an Error, and a bad outcome a RangeError, and neither changes anything',
  herd: 'thirty clients retrying through an outage with full jitter put a lower peak on the recovering dependency, and succeed sooner, than without jitter on the same seed',
  stacked: 'three stacked retriers with a 10 % budget multiply the calls reaching a failing dependency by at most 1.1³, not maxAttempts³',
  breaker: "a breaker's permits, rejections and states are exactly the model's for every sequence of calls, reports and clock moves",
  minimumCalls: 'a breaker never opens on fewer than minimumCalls reports in its window, and opens at exactly the threshold',
  halfOpenBound: 'half-open never has more than halfOpenMaxCalls permits out, however acquisitions and reports interleave',
  stale: 'a report from a permit granted before the latest change of state changes nothing',
  once: 'a permit reports once: a second report throws an Error and changes nothing',
  wallJump: 'a wall clock that jumps an hour neither unlocks an open breaker nor keeps it open',
  breakerRange: 'a breaker refuses each option out of range with a RangeError naming it, and accepts both ends',
  guarded:
    'a client behind the breaker stops calling a dependency that is down, probing only as half-open allows, and calls again once it is back, through a pause and a wall-clock jump',
  shedder: "a shedder's starts and sheds are exactly the model's for every sequence of offers, completions, expiries and clock moves",
  shedderRange: 'a shedder refuses options and requests out of range with a RangeError, and unknown or duplicate ids with an Error, changing nothing',
  overload: 'under twice the load a server can take, goodput is the model’s on the same arrivals, nothing starts after its deadline, and critical requests are served first',
} as const;

export const variants: readonly BrokenVariant[] = [
  { name: 'half-open-unlimited', mistake: 'half-open gives a permit to every caller, however many are out', mustFail: [graded.breaker, graded.halfOpenBound], clauses: ['SP-3.4', 'SP-3.11'] },
  { name: 'opens-on-tiny-sample', mistake: 'the failure rate opens the breaker however few reports the window holds', mustFail: [graded.breaker, graded.minimumCalls], clauses: ['SP-3.2'] },
  { name: 'half-open-failure-ignored', mistake: 'a failed half-open probe frees its slot but does not reopen the breaker', mustFail: [graded.breaker], clauses: ['SP-3.5'] },
  { name: 'no-generation-check', mistake: 'a report counts in whatever state the breaker is in when it arrives', mustFail: [graded.breaker, graded.stale], clauses: ['SP-3.8'] },
  { name: 'open-timer-on-wall-clock', mistake: 'openMs is timed on the wall clock', mustFail: [graded.breaker, graded.wallJump], clauses: ['SP-3.10', 'SP-0.2'] },
  { name: 'shift-overflow', mistake: 'the ceiling is baseMs × (1 << (attempt − 1)), which wraps past attempt 31', mustFail: [graded.formulas, graded.overflow], clauses: ['SP-1.1', 'SP-1.5'] },
  { name: 'infinity-minus-infinity', mistake: 'the decorrelated spread 3 × previous − baseMs overflows, and 0 × Infinity is NaN', mustFail: [graded.overflow], clauses: ['SP-1.4', 'SP-1.5'] },
  { name: 'full-jitter-without-jitter', mistake: 'full jitter draws, then returns the ceiling', mustFail: [graded.formulas, graded.herd], clauses: ['SP-1.2', 'SP-2.8'] },
  { name: 'no-retry-budget', mistake: 'retries are limited by attempts and the deadline only', mustFail: [graded.retrier, graded.stacked, graded.callOver], clauses: ['SP-2.7', 'SP-2.8'] },
  { name: 'retries-fatal-errors', mistake: 'a fatal outcome is retried like a retryable one', mustFail: [graded.retrier], clauses: ['SP-2.4'] },
  { name: 'retry-past-deadline', mistake: 'a retry is scheduled whenever it starts, deadline or not', mustFail: [graded.retrier], clauses: ['SP-2.6'] },
  { name: 'unbounded-queue', mistake: 'every request that cannot start is queued, whatever maxQueue says', mustFail: [graded.shedder, graded.overload], clauses: ['SP-4.3', 'SP-4.4'] },
  { name: 'starts-expired-requests', mistake: 'done starts the next queued request without shedding those past their deadline', mustFail: [graded.shedder, graded.overload], clauses: ['SP-4.2'] },
  { name: 'priority-ignored', mistake: 'one first-in-first-out queue for every priority', mustFail: [graded.shedder, graded.overload], clauses: ['SP-4.4', 'SP-4.5'] },
];
