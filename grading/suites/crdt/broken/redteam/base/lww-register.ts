/**
 * CRDTs, task 2 (first half) — a last-writer-wins register.
 */
import type { LwwState, LwwWrite, ReplicaId } from './types';

const isSafeNat = (x: unknown): x is number => typeof x === 'number' && Number.isSafeInteger(x) && x >= 0;

export class LwwRegister<T> {
  readonly #id: ReplicaId;
  #held: LwwWrite<T> | undefined;

  constructor(id: ReplicaId) {
    this.#id = id;
  }

  set(value: T, ts: number): void {
    if (!isSafeNat(ts)) throw new RangeError(`LwwRegister.set: ts must be a safe integer >= 0, got ${String(ts)}`);
    let stamp = ts;
    if (this.#held !== undefined && this.#held.ts >= stamp) {
      if (this.#held.ts >= Number.MAX_SAFE_INTEGER) {
        throw new RangeError(`LwwRegister.set: the timestamp after ${this.#held.ts} would pass Number.MAX_SAFE_INTEGER`);
      }
      stamp = this.#held.ts + 1;
    }
    this.#held = { ts: stamp, replica: this.#id, value };
  }

  value(): T | undefined {
    return this.#held?.value;
  }

  state(): LwwState<T> {
    const held = this.#held;
    return held === undefined ? undefined : { ts: held.ts, replica: held.replica, value: held.value };
  }

  merge(other: LwwState<T>): void {
    if (other === undefined) return;
    if (typeof other !== 'object' || other === null) throw new RangeError('LwwRegister.merge: state must be a write or undefined');
    if (!isSafeNat(other.ts)) throw new RangeError(`LwwRegister.merge: ts must be a safe integer >= 0, got ${String(other.ts)}`);
    if (typeof other.replica !== 'string') throw new RangeError(`LwwRegister.merge: replica must be a string, got ${String(other.replica)}`);
    const held = this.#held;
    if (held === undefined || other.ts > held.ts || (other.ts === held.ts && other.replica > held.replica)) {
      this.#held = { ts: other.ts, replica: other.replica, value: other.value };
    }
  }
}
