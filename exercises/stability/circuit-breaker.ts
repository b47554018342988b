/**
 * A circuit breaker — your file (task 3). Replace each
 * `throw new NotImplementedError(...)`; keep the exports and signatures.
 *
 * When a dependency fails most calls, calling it more only adds load to
 * something already down and makes every caller wait. A breaker watches the
 * outcomes; past a failure rate it *opens* and refuses calls at once; after
 * a while it lets a few probe calls through (*half-open*), and closes again
 * if they succeed (Michael Nygard, *Release It!*, ch. 5; resilience4j,
 * Polly, opossum and gobreaker implement it). README.md, task 3, has the
 * rules and the state diagram.
 */
import { NotImplementedError } from '@faultline/harness';
import type { Clocks } from './types';

export type BreakerState = 'closed' | 'open' | 'half-open';

export interface BreakerOptions {
  /** Opens at this failure rate or above: a number in (0, 1]. */
  readonly failureRateThreshold: number;
  /** Never opens on fewer reports than this in the window: an integer ≥ 1. */
  readonly minimumCalls: number;
  /** The window of reports the closed breaker weighs, in ms of the monotonic clock: a finite number > 0. */
  readonly windowMs: number;
  /** How long it stays open, in ms of the monotonic clock: a finite number > 0. */
  readonly openMs: number;
  /** Permits out at once while half-open: an integer ≥ 1. */
  readonly halfOpenMaxCalls: number;
  /** Successes while half-open that close it: an integer ≥ 1. */
  readonly halfOpenSuccessesToClose: number;
  readonly clocks: Clocks;
}

/** The right to make one call, and the duty to say how it went: exactly once, `success()` or `failure()`. */
export interface Permit {
  success(): void;
  failure(): void;
}

export class CircuitBreaker {
  /**
   * Task 3. [SP-3.1] A closed breaker with an empty window.
   * @throws [SP-3.12] RangeError naming the option when one is out of the range its doc comment gives.
   */
  constructor(options: BreakerOptions) {
    throw new NotImplementedError('new CircuitBreaker(options)');
  }

  /** Task 3. The state now (README, task 3): reading it changes nothing but what time has already changed. */
  get state(): BreakerState {
    throw new NotImplementedError('CircuitBreaker.state');
  }

  /** Task 3. A permit for one call, or `'rejected'` (README, task 3, SP-3.1 to SP-3.11). */
  tryAcquire(): Permit | 'rejected' {
    throw new NotImplementedError('CircuitBreaker.tryAcquire');
  }
}
