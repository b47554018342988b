/**
 * CRDTs, task 1 — your file. Replace each `throw new NotImplementedError(...)`
 * with an implementation; keep the exports and their signatures.
 *
 * A state-based CRDT is a replica whose states form a join-semilattice:
 * `merge` is the join, so it is commutative, associative and idempotent, and
 * never goes down [CRDT-0.3]. That is why a state may be delivered late,
 * twice, or out of order and every replica still ends in the same place.
 *
 * Rules for every class of this exercise:
 * - [CRDT-0.1] An argument out of range, or a state given to `merge` that is
 *   not well-formed (types.ts), is a RangeError that says what is wrong; the
 *   replica is then exactly as it was.
 * - [CRDT-0.2] What `state()` and `value()` return, and what `merge` is
 *   given, share nothing mutable with the replica: changing one later never
 *   changes the other.
 * - [CRDT-0.4] A replica id is any string, "" and "__proto__" included.
 */
import { NotImplementedError } from '@faultline/harness';
import type { GCounterState, PNCounterState, ReplicaId } from './types';

/**
 * A grow-only counter: each replica counts its own increments.
 *
 * [CRDT-1.1] `increment(n = 1)` adds n, a safe integer ≥ 0 (0 changes
 * nothing), to this replica's own total; a total that would pass
 * Number.MAX_SAFE_INTEGER is a RangeError. `value()` is the sum of every
 * replica's total.
 *
 * [CRDT-1.2] `state()` maps each replica whose total is above 0 to that
 * total. `merge(other)` keeps, for each replica, the greater of the two
 * totals: never their sum, or a state delivered twice would count twice.
 * A total in `other` that is not a positive safe integer is refused.
 */
export class GCounter {
  constructor(id: ReplicaId) {
    throw new NotImplementedError(`new GCounter(${JSON.stringify(id)})`);
  }

  increment(n = 1): void {
    throw new NotImplementedError(`GCounter.increment(${n})`);
  }

  value(): number {
    throw new NotImplementedError('GCounter.value()');
  }

  state(): GCounterState {
    throw new NotImplementedError('GCounter.state()');
  }

  merge(other: GCounterState): void {
    throw new NotImplementedError(`GCounter.merge(${other.size} entries)`);
  }
}

/**
 * A counter that goes both ways: two G-counters, one of increments (`p`)
 * and one of decrements (`n`).
 *
 * [CRDT-1.3] `increment(n = 1)` and `decrement(n = 1)` take a safe integer
 * ≥ 0, as G-counter's increment does, and go to this replica's totals in
 * `p` and in `n`. `value()` is the sum of `p` less the sum of `n`. `merge`
 * joins `p` with `p` and `n` with `n` as a G-counter does, and refuses
 * `other` whole if either half is not well-formed.
 */
export class PNCounter {
  constructor(id: ReplicaId) {
    throw new NotImplementedError(`new PNCounter(${JSON.stringify(id)})`);
  }

  increment(n = 1): void {
    throw new NotImplementedError(`PNCounter.increment(${n})`);
  }

  decrement(n = 1): void {
    throw new NotImplementedError(`PNCounter.decrement(${n})`);
  }

  value(): number {
    throw new NotImplementedError('PNCounter.value()');
  }

  state(): PNCounterState {
    throw new NotImplementedError('PNCounter.state()');
  }

  merge(other: PNCounterState): void {
    throw new NotImplementedError(`PNCounter.merge(${other.p.size} + ${other.n.size} entries)`);
  }
}
