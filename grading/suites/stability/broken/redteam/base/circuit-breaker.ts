/**
 * A circuit breaker — your file (task 3).
 *
 * When a dependency fails most calls, calling it more only adds load to
 * something already down and makes every caller wait. A breaker watches the
 * outcomes; past a failure rate it *opens* and refuses calls at once; after
 * a while it lets a few probe calls through (*half-open*), and closes again
 * if they succeed (Michael Nygard, *Release It!*, ch. 5; resilience4j,
 * Polly, opossum and gobreaker implement it). README.md, task 3, has the
 * rules and the state diagram.
 */
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

function integerAtLeastOne(value: unknown, name: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new RangeError(`${name} must be an integer >= 1, got ${String(value)}`);
  }
  return value;
}

function finitePositive(value: unknown, name: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || !(value > 0)) {
    throw new RangeError(`${name} must be a finite number > 0, got ${String(value)}`);
  }
  return value;
}

interface Report {
  readonly at: number;
  readonly failed: boolean;
}

export class CircuitBreaker {
  readonly #threshold: number;
  readonly #minimumCalls: number;
  readonly #windowMs: number;
  readonly #openMs: number;
  readonly #halfOpenMaxCalls: number;
  readonly #successesToClose: number;
  readonly #clocks: Clocks;

  #state: BreakerState = 'closed';
  /** Bumped at every change of state: a permit remembers the period it was granted in. */
  #period = 0;
  #openedAt = 0;
  /** Closed: the reports in the window, oldest first. */
  #reports: Report[] = [];
  #head = 0;
  #failures = 0;
  /** Half-open: permits out, and successes reported, in this half-open period. */
  #out = 0;
  #successes = 0;

  /**
   * Task 3. [SP-3.1] A closed breaker with an empty window.
   * @throws [SP-3.12] RangeError naming the option when one is out of the range its doc comment gives.
   */
  constructor(options: BreakerOptions) {
    const threshold = options.failureRateThreshold;
    if (typeof threshold !== 'number' || !(threshold > 0 && threshold <= 1)) {
      throw new RangeError(`failureRateThreshold must be a number in (0, 1], got ${String(threshold)}`);
    }
    const minimumCalls = integerAtLeastOne(options.minimumCalls, 'minimumCalls');
    const windowMs = finitePositive(options.windowMs, 'windowMs');
    const openMs = finitePositive(options.openMs, 'openMs');
    const halfOpenMaxCalls = integerAtLeastOne(options.halfOpenMaxCalls, 'halfOpenMaxCalls');
    const successesToClose = integerAtLeastOne(options.halfOpenSuccessesToClose, 'halfOpenSuccessesToClose');
    const clocks = options.clocks;
    if (clocks == null || clocks.monotonic == null) {
      throw new RangeError('clocks must have a monotonic clock');
    }
    this.#threshold = threshold;
    this.#minimumCalls = minimumCalls;
    this.#windowMs = windowMs;
    this.#openMs = openMs;
    this.#halfOpenMaxCalls = halfOpenMaxCalls;
    this.#successesToClose = successesToClose;
    this.#clocks = clocks;
  }

  /** Task 3. The state now (README, task 3): reading it changes nothing but what time has already changed. */
  get state(): BreakerState {
    this.#advance(this.#clocks.monotonic.now());
    return this.#state;
  }

  /** Task 3. A permit for one call, or `'rejected'` (README, task 3, SP-3.1 to SP-3.11). */
  tryAcquire(): Permit | 'rejected' {
    this.#advance(this.#clocks.monotonic.now());
    if (this.#state === 'open') return 'rejected';
    if (this.#state === 'half-open') {
      if (this.#out >= this.#halfOpenMaxCalls) return 'rejected';
      this.#out += 1;
    }
    return this.#permit(this.#period, this.#state);
  }

  /** What time alone changes: an open breaker half-opens once openMs have passed. */
  #advance(now: number): void {
    if (this.#state === 'open' && now >= this.#openedAt + this.#openMs) {
      this.#enter('half-open', now);
    }
  }

  #enter(state: BreakerState, now: number): void {
    this.#state = state;
    this.#period += 1;
    this.#out = 0;
    this.#successes = 0;
    this.#reports = [];
    this.#head = 0;
    this.#failures = 0;
    if (state === 'open') this.#openedAt = now;
  }

  #permit(period: number, grantedIn: BreakerState): Permit {
    let reported = false;
    const report = (failed: boolean): void => {
      if (reported) throw new Error('this permit has already reported');
      reported = true;
      const now = this.#clocks.monotonic.now();
      this.#advance(now);
      if (period !== this.#period) return; // granted before the latest change of state
      if (grantedIn === 'closed') this.#recordClosed(now, failed);
      else this.#recordHalfOpen(now, failed);
    };
    return { success: () => report(false), failure: () => report(true) };
  }

  #recordClosed(now: number, failed: boolean): void {
    this.#reports.push({ at: now, failed });
    if (failed) this.#failures += 1;
    const from = now - this.#windowMs;
    while (this.#head < this.#reports.length && !(this.#reports[this.#head]!.at > from)) {
      if (this.#reports[this.#head]!.failed) this.#failures -= 1;
      this.#head += 1;
    }
    if (this.#head > 1024 && this.#head * 2 > this.#reports.length) {
      this.#reports = this.#reports.slice(this.#head);
      this.#head = 0;
    }
    const calls = this.#reports.length - this.#head;
    if (calls >= this.#minimumCalls && this.#failures / calls >= this.#threshold) this.#enter('open', now);
  }

  #recordHalfOpen(now: number, failed: boolean): void {
    this.#out -= 1;
    if (failed) {
      this.#enter('open', now);
      return;
    }
    this.#successes += 1;
    if (this.#successes >= this.#successesToClose) this.#enter('closed', now);
  }
}
