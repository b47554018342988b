/**
 * Clocks and random sources the suite moves by hand, for tests, scenarios and
 * the benchmark alike (nothing here loads vitest).
 */
/** Draws handed out in order (then 0.5 forever), and how many were taken: the suite knows every `u`. */
export class ScriptedRandom {
  taken = 0;
  constructor(private readonly values: readonly number[] = []) {}
  next(): number {
    const value = this.taken < this.values.length ? this.values[this.taken]! : 0.5;
    this.taken++;
    return value;
  }
}

/**
 * Both clocks, moved by the test: the monotonic one from any origin, only forward; the wall clock a fixed
 * distance away plus every jump so far, so that code timing anything on it goes wrong visibly.
 */
export class HandClocks {
  #t: number;
  #wallOffset: number;
  readonly wall = { now: (): number => this.#t + this.#wallOffset };
  readonly monotonic = {
    now: (): number => {
      this.monotonicReads++;
      return this.#t;
    },
  };
  /** How many times the monotonic clock was read: a test resets it before a call and looks after. */
  monotonicReads = 0;
  constructor(origin = 0, wallOffset = 1_700_000_000_000) {
    this.#t = origin;
    this.#wallOffset = wallOffset;
  }
  get t(): number {
    return this.#t;
  }
  advance(ms: number): void {
    if (!(ms >= 0)) throw new RangeError(`suite: the monotonic clock only moves forward, not by ${ms}`);
    this.#t += ms;
  }
  jumpWall(ms: number): void {
    this.#wallOffset += ms;
  }
}

/** Monotonic origins a process might have: boot-relative, zero, negative, epoch-like. */
export const ORIGINS = [0, 12.5, -86_400_000, 1_700_000_000_000] as const;
/** Wall-clock jumps: NTP steps, an operator, a VM restored from a snapshot. */
export const WALL_JUMPS = [0, 0, 3_600_000, -3_600_000, 86_400_000, -1_000, 45_000] as const;
