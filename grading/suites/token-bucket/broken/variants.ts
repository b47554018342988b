/**
 * The known-wrong token buckets and keyed limiters, and the graded tests each
 * one must fail. A variant is a copy of the reference file with one realistic
 * mistake; it replaces the learner file named by `as`, and the grader fills the
 * exercise's other learner file from the reference solution.
 */
export interface BrokenVariant {
  readonly file: string;
  /** The learner file the variant replaces; the exercise's entry file (token-bucket.ts) when absent. */
  readonly as?: string;
  readonly mistake: string;
  readonly mustFail: readonly string[];
}

/** The graded tests named below, spelled exactly as in the suite. */
const graded = {
  // Task 1
  exactModel: 'tryTake and available match an exact model of a bucket that starts full and refills continuously',
  windowBound: 'in every window, accepted tokens never exceed capacity + rate × window, and a request the model allows is never refused',
  refusedTakesNothing: 'a refused request takes nothing, and exactly zero tokens refuse a request for 1',
  badN: 'a request for more than the capacity, zero, a negative or NaN tokens is a RangeError naming n',
  badOptions: 'bad options get a RangeError naming capacity or refillPerSecond',
  // Task 2
  exactWait: 'timeUntilAvailable is the exact wait: after it tryTake succeeds, a millisecond sooner it does not',
  waitApi: 'timeUntilAvailable is 0 when the tokens are there, takes nothing, and rejects a bad n',
  // Task 3
  keyedExact: 'a keyed limiter answers exactly like one independent bucket per key, however it forgets',
  memory: 'memory stays bounded: buckets that refilled to full are forgotten as operations go on',
  busyOldestKeys: 'refilled buckets are forgotten even when the oldest keys stay busy',
  anyKey: 'keys are any strings, including __proto__, constructor and the empty string',
  // Task 4
  backwardClock: 'a clock that steps backwards never mints tokens and never throws',
  hugeJump: 'a huge forward jump refills to exactly the capacity, without overflow',
  anyOrigin: 'a clock that starts anywhere, negative or at epoch milliseconds, behaves the same',
  nonFiniteReading: 'a clock reading that is NaN or ±Infinity counts as no time passing, even the first one',
  noDrift: 'a million requests at a fractional rate grant what the rate allows, without drift',
} as const;

const LIMITER = 'keyed-limiter.ts';

export const variants: readonly BrokenVariant[] = [
  // Tasks 1, 2 and 4: each replaces token-bucket.ts (the reference keyed-limiter.ts then runs on it).
  {
    file: 'refill-from-last-success.ts',
    mistake: 'stores the refill reading only when a take succeeds, so refused takes and available() count the same elapsed time again',
    mustFail: [graded.exactModel, graded.refusedTakesNothing, graded.noDrift],
  },
  {
    file: 'exceeds-capacity.ts',
    mistake: 'adds what was earned without capping the tokens at the capacity',
    mustFail: [graded.exactModel, graded.windowBound, graded.hugeJump],
  },
  {
    file: 'backward-clock-mints.ts',
    mistake: 'follows a backward clock step with latest = now, so the same time is counted again when the clock returns',
    mustFail: [graded.backwardClock],
  },
  {
    file: 'integer-truncation.ts',
    mistake: 'adds Math.floor(earned) whole tokens per call and moves latest on, losing every fraction',
    mustFail: [graded.exactModel, graded.noDrift, graded.refusedTakesNothing],
  },
  {
    file: 'failed-take-consumes.ts',
    mistake: 'subtracts n (clamped at 0) even when the request is refused',
    mustFail: [graded.refusedTakesNothing, graded.exactModel, graded.noDrift],
  },
  {
    file: 'sub-millisecond-rounds-up.ts',
    mistake: 'rounds elapsed time up to whole milliseconds, so every sub-millisecond call earns a whole millisecond',
    mustFail: [graded.exactModel, graded.noDrift],
  },
  {
    file: 'time-until-floors.ts',
    mistake: 'timeUntilAvailable rounds the wait down (Math.floor), a millisecond too early whenever it is not whole',
    mustFail: [graded.exactWait],
  },
  {
    file: 'no-n-check.ts',
    mistake: 'never checks n: a request larger than the capacity returns false instead of throwing a RangeError',
    mustFail: [graded.badN, graded.waitApi],
  },
  {
    file: 'trusts-every-reading.ts',
    mistake: 'uses every clock reading as it is: one NaN makes the tokens NaN for good (every request allowed), one Infinity fills the bucket and stops refill',
    mustFail: [graded.nonFiniteReading],
  },
  // Task 3: each replaces keyed-limiter.ts (beside the reference token-bucket.ts).
  {
    file: 'evicts-non-full.ts',
    as: LIMITER,
    mistake: 'keeps the buckets in a 64-entry LRU that evicts the least recently used bucket even when it is not full',
    mustFail: [graded.keyedExact, graded.memory],
  },
  {
    file: 'never-evicts.ts',
    as: LIMITER,
    mistake: 'never forgets a bucket, so memory grows with every distinct key',
    mustFail: [graded.memory, graded.busyOldestKeys],
  },
  {
    file: 'sweeps-from-front.ts',
    as: LIMITER,
    mistake: 'checks the first two buckets of the Map on every operation instead of moving a cursor on, so buckets behind busy oldest keys are never forgotten',
    mustFail: [graded.busyOldestKeys],
  },
];
