/**
 * Our known-wrong token buckets and keyed limiters, and the graded tests each
 * one must fail. Each is `<name>.patch` beside this file: what the mistake is
 * and where it shipped, its clause ids, then a diff over the reference solution
 * (solutions/token-bucket/) that makes it (grading/variants/patch.ts). `npm run
 * variant -- token-bucket <name>` prints the whole file a learner would have
 * written. The first tests named are the rule the mistake breaks; any others
 * are tests it also fails, each of them at seed 1.
 */
import type { BrokenVariant } from '../../../variants';

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


export const variants: readonly BrokenVariant[] = [
  // Tasks 1, 2 and 4: each replaces token-bucket.ts (the reference keyed-limiter.ts then runs on it).
  {
    name: 'refill-from-last-success',
    mistake: 'stores the refill reading only when a take succeeds, so refused takes and available() count the same elapsed time again',
    clauses: ['TB-1.5', 'TB-1.8'],
    mustFail: [graded.exactModel, graded.refusedTakesNothing, graded.noDrift],
  },
  {
    name: 'exceeds-capacity',
    mistake: 'adds what was earned without capping the tokens at the capacity',
    clauses: ['TB-1.5', 'TB-0.5', 'TB-4.2'],
    mustFail: [graded.exactModel, graded.windowBound, graded.hugeJump],
  },
  {
    name: 'backward-clock-mints',
    mistake: 'follows a backward clock step with latest = now, so the same time is counted again when the clock returns',
    clauses: ['TB-4.1'],
    mustFail: [graded.backwardClock],
  },
  {
    name: 'integer-truncation',
    mistake: 'adds Math.floor(earned) whole tokens per call and moves latest on, losing every fraction',
    clauses: ['TB-1.5', 'TB-0.6'],
    mustFail: [graded.exactModel, graded.noDrift, graded.refusedTakesNothing],
  },
  {
    name: 'failed-take-consumes',
    mistake: 'subtracts n (clamped at 0) even when the request is refused',
    clauses: ['TB-1.8'],
    mustFail: [graded.refusedTakesNothing, graded.exactModel, graded.noDrift],
  },
  {
    name: 'sub-millisecond-rounds-up',
    mistake: 'rounds elapsed time up to whole milliseconds, so every sub-millisecond call earns a whole millisecond',
    clauses: ['TB-1.5', 'TB-0.6'],
    mustFail: [graded.exactModel, graded.noDrift],
  },
  {
    name: 'time-until-floors',
    mistake: 'timeUntilAvailable rounds the wait down (Math.floor), a millisecond too early whenever it is not whole',
    clauses: ['TB-2.1'],
    mustFail: [graded.exactWait],
  },
  {
    name: 'no-n-check',
    mistake: 'never checks n: a request larger than the capacity returns false instead of throwing a RangeError',
    clauses: ['TB-1.10', 'TB-2.4'],
    mustFail: [graded.badN, graded.waitApi],
  },
  {
    name: 'trusts-every-reading',
    mistake: 'uses every clock reading as it is: one NaN makes the tokens NaN for good (every request allowed), one Infinity fills the bucket and stops refill',
    clauses: ['TB-4.4', 'TB-4.6'],
    mustFail: [graded.nonFiniteReading],
  },
  {
    name: 'available-below-zero',
    mistake: 'subtracts n without Math.max(0, …), so a take inside the band leaves available() at −5.6e−17',
    clauses: ['TB-1.6'],
    mustFail: [graded.wholeApi],
  },
  {
    name: 'detached-clock-read',
    mistake: 'keeps options.clock.now in a field and calls it detached from the clock, so a clock that reads its own fields gives NaN',
    clauses: ['TB-0.2'],
    mustFail: [graded.wholeApi],
  },
  {
    name: 'reads-options-later',
    mistake: 'keeps the caller’s options object and reads capacity, rate and clock from it on every call',
    clauses: ['TB-1.4'],
    mustFail: [graded.wholeApi],
  },
  {
    name: 'n-check-tolerance',
    mistake: 'checks n <= capacity + 1e-9, so a request one unit in the last place above the capacity is answered, not rejected',
    clauses: ['TB-1.10'],
    mustFail: [graded.wholeApi],
  },
  {
    name: 'wide-band',
    mistake: 'decides with a band of 10⁻⁷ tokens instead of 10⁻⁹',
    clauses: ['TB-0.3'],
    mustFail: [graded.wholeApi],
  },
  {
    name: 'wait-epsilon-in-ms',
    mistake: 'timeUntilAvailable is Math.ceil(missing × 1000 / rate − 1e-9): too short at high rates, −0 for a wait below 10⁻⁹ ms, Infinity for a capacity near Number.MAX_VALUE',
    clauses: ['TB-2.1', 'TB-2.2', 'TB-2.5'],
    mustFail: [graded.waitExtremes],
  },
  {
    name: 'lazy-first-reading',
    mistake: 'reads the clock first at first use, not at creation, so a step back between the two pays for the same stretch twice',
    clauses: ['TB-4.5'],
    mustFail: [graded.backwardClock],
  },
  // Task 3: each replaces keyed-limiter.ts (beside the reference token-bucket.ts).
  {
    name: 'evicts-non-full',
    mistake: 'keeps the buckets in a 64-entry LRU that evicts the least recently used bucket even when it is not full',
    clauses: ['TB-3.6'],
    mustFail: [graded.keyedExact, graded.memory],
  },
  {
    name: 'never-evicts',
    mistake: 'never forgets a bucket, so memory grows with every distinct key',
    clauses: ['TB-3.9'],
    mustFail: [graded.memory, graded.busyOldestKeys],
  },
  {
    name: 'sweeps-from-front',
    mistake: 'checks the first two buckets of the Map on every operation instead of moving a cursor on, so buckets behind busy oldest keys are never forgotten',
    clauses: ['TB-3.9'],
    mustFail: [graded.busyOldestKeys],
  },
  {
    name: 'keyed-reads-options-later',
    mistake: 'keeps the caller’s options object, so buckets made after the caller changes it get another capacity, rate or clock',
    clauses: ['TB-3.4'],
    mustFail: [graded.wholeLimiterApi],
  },
  {
    name: 'utf8-keys',
    mistake: 'keys the Map by the key’s UTF-8 bytes, so lone surrogates and U+FFFD share one bucket',
    clauses: ['TB-3.5'],
    mustFail: [graded.anyKey],
  },
  {
    name: 'evicts-nearly-full',
    mistake: 'forgets a bucket within 0.001 token of full',
    clauses: ['TB-3.6'],
    mustFail: [graded.onlyFullForgotten],
  },
  {
    name: 'size-sweeps',
    mistake: 'runs the eviction sweep when size is read, so two reads in a row disagree',
    clauses: ['TB-3.7'],
    mustFail: [graded.wholeLimiterApi],
  },
];
