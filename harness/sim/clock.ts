/**
 * A node's clock, and how it lies.
 *
 * Fault model: local time = virtual time × (1 + drift) + skew + jumps, where
 * - skew (ms) is a fixed offset, set by a `clock-skew` fault;
 * - drift (parts per million) makes the clock run fast (> 0) or slow (< 0),
 *   set by a `clock-drift` fault, measured from the moment it is set;
 * - jumps (ms, either sign) are sudden steps, as NTP makes: a `clock-jump`
 *   fault adds one, so time can go backwards.
 * Default: no skew, no drift, no jumps (local time equals virtual time).
 */
import type { NodeClock } from './types';

export class SimClock implements NodeClock {
  #offset = 0;
  #driftPpm = 0;
  #driftSince = 0;

  constructor(private readonly virtualNow: () => number) {
    // A node gets this very object as ctx.clock: it must not be able to undo a clock fault by replacing jump() on it.
    Object.freeze(this);
  }

  now(): number {
    const t = this.virtualNow();
    return t + this.#offset + ((t - this.#driftSince) * this.#driftPpm) / 1e6;
  }

  /** Steps the clock by `ms` (negative goes back). */
  jump(ms: number): void {
    this.#offset += ms;
  }

  /** Sets the fixed offset from virtual time to `ms`, keeping jumps and drift so far. */
  skew(ms: number): void {
    this.#offset = ms;
  }

  /** From now on, runs `ppm` parts per million fast (or slow, if negative). */
  drift(ppm: number): void {
    const t = this.virtualNow();
    this.#offset += ((t - this.#driftSince) * this.#driftPpm) / 1e6;
    this.#driftPpm = ppm;
    this.#driftSince = t;
  }
}

// Frozen, like every harness class learner code can import: a patched method must not change what a checker sees.
Object.freeze(SimClock.prototype);
Object.freeze(SimClock);
