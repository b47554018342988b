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
  /** The ledger clauses (grading/suites/token-bucket/ledger.ts) the mistake breaks. */
  readonly clauses: readonly string[];
  readonly mustFail: readonly string[];
}

/** The graded tests named below, spelled exactly as in the suite. */
const graded = {
  // Task 1
  wholeApi: 'the whole bucket API matches the exact model at both ends of every range, whatever the caller does with its options',
  exactModel: 'tryTake and available match an exact model of a bucket that starts full and refills continuously',
  windowBound: 'in every window, accepted tokens never exceed capacity + rate × window, and a request the model allows is never refused',
  refusedTakesNothing: 'a refused request takes nothing, and exactly zero tokens refuse a request for 1',
  badN: 'a request for more than the capacity, zero, a negative or NaN tokens is a RangeError naming n',
  badOptions: 'bad options get a RangeError naming capacity or refillPerSecond',
  // Task 2
  exactWait: 'timeUntilAvailable is the exact wait: after it tryTake succeeds, a millisecond sooner it does not',
  waitExtremes: 'the wait is right at the ends of the ranges: high rates, tiny rates and capacities near Number.MAX_VALUE',
  waitApi: 'timeUntilAvailable is 0 when the tokens are there, takes nothing, and rejects a bad n',
  // Task 3
  keyedExact: 'a keyed limiter answers exactly like one independent bucket per key, however it forgets',
  memory: 'memory stays bounded: buckets that refilled to full are forgotten as operations go on',
  busyOldestKeys: 'refilled buckets are forgotten even when the oldest keys stay busy',
  anyKey: 'keys are any strings, including __proto__, constructor, the empty string and lone surrogates',
  wholeLimiterApi: 'the whole limiter API matches one model bucket per key, whatever the caller does with its options, and size only looks',
  onlyFullForgotten: 'a bucket is never forgotten before it is full: not when nearly full, not when idle for long',
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
    clauses: ['TB-1.5', 'TB-1.8'],
    mustFail: [graded.exactModel, graded.refusedTakesNothing, graded.noDrift],
  },
  {
    file: 'exceeds-capacity.ts',
    mistake: 'adds what was earned without capping the tokens at the capacity',
    clauses: ['TB-1.5', 'TB-0.5', 'TB-4.2'],
    mustFail: [graded.exactModel, graded.windowBound, graded.hugeJump],
  },
  {
    file: 'backward-clock-mints.ts',
    mistake: 'follows a backward clock step with latest = now, so the same time is counted again when the clock returns',
    clauses: ['TB-4.1'],
    mustFail: [graded.backwardClock],
  },
  {
    file: 'integer-truncation.ts',
    mistake: 'adds Math.floor(earned) whole tokens per call and moves latest on, losing every fraction',
    clauses: ['TB-1.5', 'TB-0.6'],
    mustFail: [graded.exactModel, graded.noDrift, graded.refusedTakesNothing],
  },
  {
    file: 'failed-take-consumes.ts',
    mistake: 'subtracts n (clamped at 0) even when the request is refused',
    clauses: ['TB-1.8'],
    mustFail: [graded.refusedTakesNothing, graded.exactModel, graded.noDrift],
  },
  {
    file: 'sub-millisecond-rounds-up.ts',
    mistake: 'rounds elapsed time up to whole milliseconds, so every sub-millisecond call earns a whole millisecond',
    clauses: ['TB-1.5', 'TB-0.6'],
    mustFail: [graded.exactModel, graded.noDrift],
  },
  {
    file: 'time-until-floors.ts',
    mistake: 'timeUntilAvailable rounds the wait down (Math.floor), a millisecond too early whenever it is not whole',
    clauses: ['TB-2.1'],
    mustFail: [graded.exactWait],
  },
  {
    file: 'no-n-check.ts',
    mistake: 'never checks n: a request larger than the capacity returns false instead of throwing a RangeError',
    clauses: ['TB-1.10', 'TB-2.4'],
    mustFail: [graded.badN, graded.waitApi],
  },
  {
    file: 'trusts-every-reading.ts',
    mistake: 'uses every clock reading as it is: one NaN makes the tokens NaN for good (every request allowed), one Infinity fills the bucket and stops refill',
    clauses: ['TB-4.4', 'TB-4.6'],
    mustFail: [graded.nonFiniteReading],
  },
  {
    file: 'available-below-zero.ts',
    mistake: 'subtracts n without Math.max(0, …), so a take inside the band leaves available() at −5.6e−17',
    clauses: ['TB-1.6'],
    mustFail: [graded.wholeApi],
  },
  {
    file: 'detached-clock-read.ts',
    mistake: 'keeps options.clock.now in a field and calls it detached from the clock, so a clock that reads its own fields gives NaN',
    clauses: ['TB-0.2'],
    mustFail: [graded.wholeApi],
  },
  {
    file: 'reads-options-later.ts',
    mistake: 'keeps the caller’s options object and reads capacity, rate and clock from it on every call',
    clauses: ['TB-1.4'],
    mustFail: [graded.wholeApi],
  },
  {
    file: 'n-check-tolerance.ts',
    mistake: 'checks n <= capacity + 1e-9, so a request one unit in the last place above the capacity is answered, not rejected',
    clauses: ['TB-1.10'],
    mustFail: [graded.wholeApi],
  },
  {
    file: 'wide-band.ts',
    mistake: 'decides with a band of 10⁻⁷ tokens instead of 10⁻⁹',
    clauses: ['TB-0.3'],
    mustFail: [graded.wholeApi],
  },
  {
    file: 'wait-epsilon-in-ms.ts',
    mistake: 'timeUntilAvailable is Math.ceil(missing × 1000 / rate − 1e-9): too short at high rates, −0 for a wait below 10⁻⁹ ms, Infinity for a capacity near Number.MAX_VALUE',
    clauses: ['TB-2.1', 'TB-2.2', 'TB-2.5'],
    mustFail: [graded.waitExtremes],
  },
  {
    file: 'lazy-first-reading.ts',
    mistake: 'reads the clock first at first use, not at creation, so a step back between the two pays for the same stretch twice',
    clauses: ['TB-4.5'],
    mustFail: [graded.backwardClock],
  },
  // Task 3: each replaces keyed-limiter.ts (beside the reference token-bucket.ts).
  {
    file: 'evicts-non-full.ts',
    as: LIMITER,
    mistake: 'keeps the buckets in a 64-entry LRU that evicts the least recently used bucket even when it is not full',
    clauses: ['TB-3.6'],
    mustFail: [graded.keyedExact, graded.memory],
  },
  {
    file: 'never-evicts.ts',
    as: LIMITER,
    mistake: 'never forgets a bucket, so memory grows with every distinct key',
    clauses: ['TB-3.9'],
    mustFail: [graded.memory, graded.busyOldestKeys],
  },
  {
    file: 'sweeps-from-front.ts',
    as: LIMITER,
    mistake: 'checks the first two buckets of the Map on every operation instead of moving a cursor on, so buckets behind busy oldest keys are never forgotten',
    clauses: ['TB-3.9'],
    mustFail: [graded.busyOldestKeys],
  },
  {
    file: 'keyed-reads-options-later.ts',
    as: LIMITER,
    mistake: 'keeps the caller’s options object, so buckets made after the caller changes it get another capacity, rate or clock',
    clauses: ['TB-3.4'],
    mustFail: [graded.wholeLimiterApi],
  },
  {
    file: 'utf8-keys.ts',
    as: LIMITER,
    mistake: 'keys the Map by the key’s UTF-8 bytes, so lone surrogates and U+FFFD share one bucket',
    clauses: ['TB-3.5'],
    mustFail: [graded.anyKey],
  },
  {
    file: 'evicts-nearly-full.ts',
    as: LIMITER,
    mistake: 'forgets a bucket within 0.001 token of full',
    clauses: ['TB-3.6'],
    mustFail: [graded.onlyFullForgotten],
  },
  {
    file: 'size-sweeps.ts',
    as: LIMITER,
    mistake: 'runs the eviction sweep when size is read, so two reads in a row disagree',
    clauses: ['TB-3.7'],
    mustFail: [graded.wholeLimiterApi],
  },
];
