/**
 * Task 1: a grow-only counter and a counter that goes both ways, state-based.
 * Reference solution.
 */
import type { GCounterState, PNCounterState, ReplicaId } from './types';

function checkAmount(n: number, what: string): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${what}: n must be a safe integer ≥ 0, got ${n}`);
}

function checkCounts(state: GCounterState, what: string): void {
  for (const [replica, count] of state) {
    if (!Number.isSafeInteger(count) || count <= 0) {
      throw new RangeError(`${what}: the count of replica ${JSON.stringify(replica)} must be a positive safe integer, got ${count}`);
    }
  }
}

/** Each replica counts its own increments; the value is the sum, and merge keeps each replica's largest count. */
export class GCounter {
  readonly #id: ReplicaId;
  readonly #counts = new Map<ReplicaId, number>();

  constructor(id: ReplicaId) {
    this.#id = id;
  }

  increment(n = 1): void {
    checkAmount(n, 'GCounter.increment');
    if (n === 0) return;
    const total = (this.#counts.get(this.#id) ?? 0) + n;
    if (!Number.isSafeInteger(total)) throw new RangeError(`GCounter.increment: the total of replica ${JSON.stringify(this.#id)} would pass Number.MAX_SAFE_INTEGER`);
    this.#counts.set(this.#id, total);
  }

  value(): number {
    let sum = 0;
    for (const count of this.#counts.values()) sum += count;
    return sum;
  }

  state(): GCounterState {
    return new Map(this.#counts);
  }

  merge(other: GCounterState): void {
    checkCounts(other, 'GCounter.merge');
    for (const [replica, count] of other) {
      if (count > (this.#counts.get(replica) ?? 0)) this.#counts.set(replica, count);
    }
  }
}

/** Two G-counters: the value is what was added less what was taken away. */
export class PNCounter {
  readonly #p: GCounter;
  readonly #n: GCounter;

  constructor(id: ReplicaId) {
    this.#p = new GCounter(id);
    this.#n = new GCounter(id);
  }

  increment(n = 1): void {
    checkAmount(n, 'PNCounter.increment');
    this.#p.increment(n);
  }

  decrement(n = 1): void {
    checkAmount(n, 'PNCounter.decrement');
    this.#n.increment(n);
  }

  value(): number {
    return this.#p.value() - this.#n.value();
  }

  state(): PNCounterState {
    return { p: this.#p.state(), n: this.#n.state() };
  }

  merge(other: PNCounterState): void {
    // Both halves are checked before either changes, so a refused state changes nothing.
    checkCounts(other.p, 'PNCounter.merge (p)');
    checkCounts(other.n, 'PNCounter.merge (n)');
    this.#p.merge(other.p);
    this.#n.merge(other.n);
  }
}
