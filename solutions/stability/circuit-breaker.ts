/**
 * A circuit breaker — the reference (task 3). Each state period has a
 * generation number; a permit carries the generation it was granted in, so
 * a report from an earlier period is recognised and ignored (resilience4j
 * keeps the state object a permit was granted from for the same reason).
 */
import type { Clock, Clocks } from './types';

export type BreakerState = 'closed' | 'open' | 'half-open';

export interface BreakerOptions {
  readonly failureRateThreshold: number;
  readonly minimumCalls: number;
  readonly windowMs: number;
  readonly openMs: number;
  readonly halfOpenMaxCalls: number;
  readonly halfOpenSuccessesToClose: number;
  readonly clocks: Clocks;
}

export interface Permit {
  success(): void;
  failure(): void;
}

const positiveInteger = (name: string, value: number): number => {
  if (!(Number.isInteger(value) && value >= 1)) throw new RangeError(`${name} must be an integer >= 1, got ${value}`);
  return value;
};
const positiveFinite = (name: string, value: number): number => {
  if (!(Number.isFinite(value) && value > 0)) throw new RangeError(`${name} must be a finite number > 0, got ${value}`);
  return value;
};

export class CircuitBreaker {
  readonly #threshold: number;
  readonly #minimumCalls: number;
  readonly #windowMs: number;
  readonly #openMs: number;
  readonly #halfOpenMaxCalls: number;
  readonly #successesToClose: number;
  readonly #monotonic: Clock;

  #state: BreakerState = 'closed';
  /** Bumped at every change of state: a permit's report counts only in the generation that granted it. */
  #generation = 0;
  #openedAt = 0;
  /** Closed: the reports in the window, oldest first, and the failures among them. */
  #reports: { readonly at: number; readonly failed: boolean }[] = [];
  #failures = 0;
  /** Half-open: permits out, and successes so far. */
  #out = 0;
  #successes = 0;

  constructor(options: BreakerOptions) {
    const { failureRateThreshold, minimumCalls, windowMs, openMs, halfOpenMaxCalls, halfOpenSuccessesToClose, clocks } = options;
    if (!(failureRateThreshold > 0 && failureRateThreshold <= 1)) throw new RangeError(`failureRateThreshold must be in (0, 1], got ${failureRateThreshold}`);
    this.#threshold = failureRateThreshold;
    this.#minimumCalls = positiveInteger('minimumCalls', minimumCalls);
    this.#windowMs = positiveFinite('windowMs', windowMs);
    this.#openMs = positiveFinite('openMs', openMs);
    this.#halfOpenMaxCalls = positiveInteger('halfOpenMaxCalls', halfOpenMaxCalls);
    this.#successesToClose = positiveInteger('halfOpenSuccessesToClose', halfOpenSuccessesToClose);
    this.#monotonic = clocks.monotonic;
  }

  get state(): BreakerState {
    return this.#advance(this.#monotonic.now());
  }

  tryAcquire(): Permit | 'rejected' {
    const state = this.#advance(this.#monotonic.now());
    if (state === 'open') return 'rejected';
    if (state === 'half-open') {
      if (this.#out >= this.#halfOpenMaxCalls) return 'rejected';
      this.#out++;
    }
    return this.#permit(this.#generation);
  }

  /** Open turns half-open once openMs have passed: the only change time makes by itself. */
  #advance(now: number): BreakerState {
    if (this.#state === 'open' && now >= this.#openedAt + this.#openMs) this.#enter('half-open', now);
    return this.#state;
  }

  #enter(state: BreakerState, now: number): void {
    this.#state = state;
    this.#generation++;
    this.#reports = [];
    this.#failures = 0;
    this.#out = 0;
    this.#successes = 0;
    if (state === 'open') this.#openedAt = now;
  }

  #permit(generation: number): Permit {
    let reported = false;
    const report = (failed: boolean): void => {
      if (reported) throw new Error('this permit has already reported its call');
      reported = true;
      const now = this.#monotonic.now();
      this.#advance(now);
      if (generation !== this.#generation) return;
      if (this.#state === 'closed') this.#record(now, failed);
      else if (failed) this.#enter('open', now);
      else {
        this.#out--;
        if (++this.#successes >= this.#successesToClose) this.#enter('closed', now);
      }
    };
    return { success: () => report(false), failure: () => report(true) };
  }

  #record(now: number, failed: boolean): void {
    this.#reports.push({ at: now, failed });
    if (failed) this.#failures++;
    // Drop what left the window; past the end, `undefined <= x` is false.
    while (this.#reports[0]?.at! <= now - this.#windowMs) {
      if (this.#reports.shift()!.failed) this.#failures--;
    }
    const calls = this.#reports.length;
    if (calls >= this.#minimumCalls && this.#failures / calls >= this.#threshold) this.#enter('open', now);
  }
}
