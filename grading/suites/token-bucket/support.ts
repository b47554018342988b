/** What the token bucket suite shares: the learner's modules, a clock the test moves, and generators. */
import fc from 'fast-check';
import { gradedSuite } from '../../../harness/suite';
import { exerciseSpec } from '../../catalog';

export type BucketModule = typeof import('@impl/token-bucket');
export type LimiterModule = typeof import('@impl/token-bucket/keyed-limiter');

export const bucketSuite = () => gradedSuite<BucketModule>(exerciseSpec('token-bucket'), () => import('@impl/token-bucket'));
export const limiterSuite = () => gradedSuite<LimiterModule>(exerciseSpec('token-bucket'), () => import('@impl/token-bucket/keyed-limiter'));

/**
 * The suite's clock. The suite moves it by setting `t`; code under test is
 * handed `reader`, a frozen object with `now()` alone, so it can read the
 * time but never move it.
 */
export class TestClock {
  readonly reader: { now(): number };
  constructor(public t: number) {
    this.reader = Object.freeze({ now: () => this.t });
  }
}

/**
 * Options whose fields are getters: the first read of each answers capacity,
 * refillPerSecond and clock; every later read answers something else (NaN, a
 * negative rate, a clock a billion ms ahead). A bucket or limiter that reads
 * each field once, when it is made, never sees the second answers; `reads`
 * counts the reads of each field.
 */
export function shiftyOptions(capacity: number, refillPerSecond: number, clock: { now(): number }) {
  const reads = { capacity: 0, refillPerSecond: 0, clock: 0 };
  const later = Object.freeze({ now: () => clock.now() + 1e9 });
  const options = {
    get capacity() {
      return ++reads.capacity === 1 ? capacity : Number.NaN;
    },
    get refillPerSecond() {
      return ++reads.refillPerSecond === 1 ? refillPerSecond : -1;
    },
    get clock() {
      return ++reads.clock === 1 ? clock : later;
    },
  };
  return { options, reads };
}

export interface Config {
  readonly capacity: number;
  readonly refillPerSecond: number;
  readonly start: number;
}

/** Capacities and rates as APIs configure them: whole numbers, fractions, and rates like 1/3 that no double holds exactly. */
export const configArb: fc.Arbitrary<Config> = fc.record({
  capacity: fc.oneof(fc.integer({ min: 1, max: 100 }), fc.double({ min: 0.5, max: 1000, noNaN: true })),
  refillPerSecond: fc.oneof(fc.integer({ min: 1, max: 1000 }), fc.double({ min: 0.01, max: 1000, noNaN: true }), fc.constantFrom(1 / 3, 0.1, 2 / 7, 2.5)),
  start: fc.constantFrom(0, 1_700_000_000_000, -5_000),
});

/** Forward clock moves: none, sub-millisecond, a few ms, seconds. Multiples of 1/8 ms stay exact at any origin used here. */
export const forwardArb = fc.oneof(fc.constant(0), fc.constantFrom(0.125, 0.25, 0.5), fc.integer({ min: 1, max: 50 }), fc.integer({ min: 51, max: 10_000 }));

/** A request size as a share of the capacity, so it is always valid: (0, capacity]. */
export const shareArb = fc.oneof(fc.constant(1), fc.double({ min: 0.001, max: 1, noNaN: true }));
export const sizeOf = (share: number, capacity: number): number => (share === 1 ? Math.min(1, capacity) : Math.max(share * capacity, 1e-3));

/** The next double above a positive x (Infinity above Number.MAX_VALUE). */
export function nextUp(x: number): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  view.setBigUint64(0, view.getBigUint64(0) + 1n);
  return view.getFloat64(0);
}

/** The next double below a positive x. */
export function nextDown(x: number): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  view.setBigUint64(0, view.getBigUint64(0) - 1n);
  return view.getFloat64(0);
}

export { expectRangeError } from '../../../harness/suite';
