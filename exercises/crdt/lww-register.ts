/**
 * CRDTs, task 2 (first half) — your file. The rules at the top of
 * counters.ts hold here too.
 *
 * A last-writer-wins register holds one write. Of two concurrent writes the
 * one with the greater (timestamp, replica id) pair wins: the replica id
 * breaks ties, so two replicas that saw the same writes hold the same one,
 * whatever order they saw them in.
 */
import { NotImplementedError } from '@faultline/harness';
import type { LwwState, ReplicaId } from './types';

export class LwwRegister<T> {
  constructor(id: ReplicaId) {
    throw new NotImplementedError(`new LwwRegister(${JSON.stringify(id)})`);
  }

  /**
   * [CRDT-2.1] Writes `value`. `ts` is a safe integer ≥ 0. The write's
   * timestamp is the greater of `ts` and the held write's timestamp plus
   * one (just `ts` before any write), so a write beats every write its
   * replica had seen (a wall clock that runs behind cannot lose it); a
   * timestamp past Number.MAX_SAFE_INTEGER is a RangeError. The write is
   * stamped with this replica's id.
   */
  set(value: T, ts: number): void {
    throw new NotImplementedError(`LwwRegister.set(…, ${ts})`);
  }

  /** [CRDT-2.1] The held write's value; undefined before any write. */
  value(): T | undefined {
    throw new NotImplementedError('LwwRegister.value()');
  }

  /** [CRDT-2.2] The held write as a new object, or undefined. Values themselves are never copied: treat them as immutable. */
  state(): LwwState<T> {
    throw new NotImplementedError('LwwRegister.state()');
  }

  /**
   * [CRDT-2.2] Keeps whichever of the held write and `other` has the greater
   * (ts, replica) pair: timestamps as numbers, then replica ids as JavaScript
   * compares strings (`<`). An equal pair is the same write: keep the held
   * one. `undefined` changes nothing; a `ts` that is not a safe integer ≥ 0
   * is refused.
   */
  merge(other: LwwState<T>): void {
    throw new NotImplementedError(`LwwRegister.merge(${other === undefined ? 'undefined' : other.ts})`);
  }
}
