/**
 * Task 2: a last-writer-wins register whose ties are broken by replica id.
 * Reference solution.
 */
import type { LwwState, LwwWrite, ReplicaId } from './types';

function checkTs(ts: number, what: string): void {
  if (!Number.isSafeInteger(ts) || ts < 0) throw new RangeError(`${what}: ts must be a safe integer ≥ 0, got ${ts}`);
}

/** True when write `a` beats write `b`: a greater timestamp, or an equal one and a greater replica id. */
const beats = <T>(a: LwwWrite<T>, b: LwwWrite<T>): boolean => a.ts > b.ts || (a.ts === b.ts && a.replica > b.replica);

export class LwwRegister<T> {
  readonly #id: ReplicaId;
  #held: LwwWrite<T> | undefined;

  constructor(id: ReplicaId) {
    this.#id = id;
  }

  set(value: T, ts: number): void {
    checkTs(ts, 'LwwRegister.set');
    const stamp = this.#held === undefined ? ts : Math.max(ts, this.#held.ts + 1);
    if (!Number.isSafeInteger(stamp)) throw new RangeError('LwwRegister.set: the held timestamp is Number.MAX_SAFE_INTEGER, so no later write can be stamped');
    this.#held = { ts: stamp, replica: this.#id, value };
  }

  value(): T | undefined {
    return this.#held?.value;
  }

  state(): LwwState<T> {
    return this.#held === undefined ? undefined : { ...this.#held };
  }

  merge(other: LwwState<T>): void {
    if (other === undefined) return;
    checkTs(other.ts, 'LwwRegister.merge');
    if (this.#held === undefined || beats(other, this.#held)) this.#held = { ts: other.ts, replica: other.replica, value: other.value };
  }
}
