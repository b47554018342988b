/**
 * CRDTs, task 1 — counters.
 *
 * [CRDT-0.1] out-of-range arguments and ill-formed states are RangeErrors,
 * checked before anything changes. [CRDT-0.2] nothing mutable is shared with
 * callers. [CRDT-0.4] replica ids are any string (Maps, never plain objects).
 */
import type { GCounterState, PNCounterState, ReplicaId } from './types';

function checkAmount(what: string, n: unknown): asserts n is number {
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0) {
    throw new RangeError(`${what}: n must be a safe integer >= 0, got ${String(n)}`);
  }
}

/** Checks that `state` is a well-formed G-counter state: a Map of string → positive safe integer. */
function checkGState(what: string, state: unknown): asserts state is GCounterState {
  if (!(state instanceof Map)) throw new RangeError(`${what}: a G-counter state must be a Map`);
  for (const [replica, total] of state as Map<unknown, unknown>) {
    if (typeof replica !== 'string') throw new RangeError(`${what}: replica id ${String(replica)} is not a string`);
    if (typeof total !== 'number' || !Number.isSafeInteger(total) || total <= 0) {
      throw new RangeError(`${what}: total ${String(total)} of replica ${JSON.stringify(replica)} is not a positive safe integer`);
    }
  }
}

export class GCounter {
  readonly #id: ReplicaId;
  readonly #totals = new Map<ReplicaId, number>();

  constructor(id: ReplicaId) {
    this.#id = id;
  }

  increment(n = 1): void {
    checkAmount('GCounter.increment', n);
    if (n === 0) return;
    const current = this.#totals.get(this.#id) ?? 0;
    if (current > Number.MAX_SAFE_INTEGER - n) {
      throw new RangeError(`GCounter.increment: total ${current} + ${n} would pass Number.MAX_SAFE_INTEGER`);
    }
    this.#totals.set(this.#id, current + n);
  }

  value(): number {
    let sum = 0;
    for (const total of this.#totals.values()) sum += total;
    return sum;
  }

  state(): GCounterState {
    return new Map(this.#totals);
  }

  merge(other: GCounterState): void {
    checkGState('GCounter.merge', other);
    this.mergeChecked(other);
  }

  /** Merges a state already checked: no checks, no throws. */
  mergeChecked(other: GCounterState): void {
    for (const [replica, total] of other) {
      if (total > (this.#totals.get(replica) ?? 0)) this.#totals.set(replica, total);
    }
  }
}

export class PNCounter {
  readonly #p: GCounter;
  readonly #n: GCounter;

  constructor(id: ReplicaId) {
    this.#p = new GCounter(id);
    this.#n = new GCounter(id);
  }

  increment(n = 1): void {
    this.#p.increment(n);
  }

  decrement(n = 1): void {
    this.#n.increment(n);
  }

  value(): number {
    return this.#p.value() - this.#n.value();
  }

  state(): PNCounterState {
    return { p: this.#p.state(), n: this.#n.state() };
  }

  merge(other: PNCounterState): void {
    if (typeof other !== 'object' || other === null) throw new RangeError('PNCounter.merge: state must be an object { p, n }');
    checkGState('PNCounter.merge (p)', other.p);
    checkGState('PNCounter.merge (n)', other.n);
    this.#p.mergeChecked(other.p);
    this.#n.mergeChecked(other.n);
  }
}
