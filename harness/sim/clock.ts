/**
 * A node's clocks, and how they lie.
 *
 * Fault model: wall time (`clock`) = virtual time × (1 + drift) + skew + jumps, where
 * - skew (ms) is a fixed offset, set by a `clock-skew` fault;
 * - drift (parts per million) makes the clock run fast (> 0) or slow (< 0),
 *   set by a `clock-drift` fault, measured from the moment it is set;
 * - jumps (ms, either sign) are sudden steps, as NTP makes: a `clock-jump`
 *   fault adds one, so time can go backwards.
 * Monotonic time (`monotonic`) = virtual time × (1 + drift): the same drift,
 * from the same moments, but no skew and no jumps, so it never goes backwards
 * (for any drift above -1e6 ppm) and never steps. It lives with the node's
 * slot, not its incarnation: it keeps counting across a crash and restart.
 * Default: no skew, no drift, no jumps (both read virtual time).
 */
import type { NodeClock } from './types';

export class SimClock implements NodeClock {
  #offset = 0;
  #driftPpm = 0;
  #driftSince = 0;
  /** What earlier drift settings have added, in ms, up to `#driftSince`: the monotonic clock's whole offset. */
  #drifted = 0;
  /** The monotonic clock's last reading: a reading never falls below it, even by a rounding error. */
  #lastMonotonic = -Infinity;

  /** The monotonic view of this clock: drifts with it, ignores its skew and jumps, never goes backwards. Frozen, and the same object for the clock's life. */
  readonly monotonic: NodeClock;

  constructor(private readonly virtualNow: () => number) {
    this.monotonic = Object.freeze({ now: () => this.#monotonicNow() });
    // A node gets this very object as ctx.clock: it must not be able to undo a clock fault by replacing jump() on it.
    Object.freeze(this);
  }

  now(): number {
    const t = this.virtualNow();
    return t + this.#offset + ((t - this.#driftSince) * this.#driftPpm) / 1e6;
  }

  /** Steps the wall clock by `ms` (negative goes back). The monotonic clock does not move. */
  jump(ms: number): void {
    this.#offset += ms;
  }

  /**
   * Sets the wall clock's fixed offset from virtual time to `ms`, replacing the jumps and earlier skews so far (and
   * the drift accrued before the current drift setting). The monotonic clock does not move.
   */
  skew(ms: number): void {
    this.#offset = ms;
  }

  /** From now on, both clocks run `ppm` parts per million fast (or slow, if negative). */
  drift(ppm: number): void {
    const t = this.virtualNow();
    const drifted = ((t - this.#driftSince) * this.#driftPpm) / 1e6;
    this.#offset += drifted;
    this.#drifted += drifted;
    this.#driftPpm = ppm;
    this.#driftSince = t;
  }

  #monotonicNow(): number {
    const t = this.virtualNow();
    this.#lastMonotonic = Math.max(this.#lastMonotonic, t + this.#drifted + ((t - this.#driftSince) * this.#driftPpm) / 1e6);
    return this.#lastMonotonic;
  }
}

// Frozen, like every harness class learner code can import: a patched method must not change what a checker sees.
Object.freeze(SimClock.prototype);
Object.freeze(SimClock);
