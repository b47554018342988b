/**
 * The client history recorder: a suite calls `invoke` when a client issues a
 * call and `ok`, `fail` or `info` when it learns how the call ended, with the
 * simulator's virtual time. The checkers read `operations()`.
 *
 * Contract:
 * - ids are 0, 1, 2, … in invoke order;
 * - each operation completes at most once, at a time no earlier than its call;
 * - `fail` means the call certainly did not take effect. A call that timed out,
 *   or whose node crashed, or that got fewer acks than it needed, may still
 *   take effect: record it as `info`, never as `fail`;
 * - an operation still open when `operations()` is read counts as `info`.
 *
 * Misuse (completing twice, an unknown id, a time before the call, a time
 * that is not a finite number) throws a RangeError prefixed `history:`: it is
 * a bug in the suite, not in the code under test.
 */
import type { OpStatus, Operation } from './types';

interface Slot<I, O> {
  readonly client: string;
  readonly key: string;
  readonly input: I;
  readonly call: number;
  status: OpStatus | 'open';
  output?: O;
  ret: number;
}

export class History<I, O> {
  readonly #slots: Slot<I, O>[] = [];

  /** Records a call issued at `time` (virtual ms) and returns its id. */
  invoke(client: string, key: string, input: I, time: number): number {
    if (!Number.isFinite(time)) throw new RangeError(`history: a call's time must be a finite number of virtual ms, got ${time}`);
    this.#slots.push({ client, key, input, call: time, status: 'open', ret: Infinity });
    return this.#slots.length - 1;
  }

  /** The call returned `output` at `time`. */
  ok(id: number, output: O, time: number): void {
    const slot = this.#open(id, time, 'ok');
    slot.status = 'ok';
    slot.output = output;
    slot.ret = time;
  }

  /** The call certainly did not take effect (it was refused before doing anything). */
  fail(id: number, time: number): void {
    const slot = this.#open(id, time, 'fail');
    slot.status = 'fail';
    slot.ret = time;
  }

  /** The client stopped waiting at `time` without knowing whether the call took effect: it may take effect at any time, even later. */
  info(id: number, time: number): void {
    this.#open(id, time, 'info').status = 'info';
  }

  /** How many calls were invoked. */
  get size(): number {
    return this.#slots.length;
  }

  /** Every operation, in invoke order; one still open counts as `info` (ret Infinity). Fresh objects: the recorder keeps its own. */
  operations(): Operation<I, O>[] {
    return this.#slots.map((s, id) => {
      const status: OpStatus = s.status === 'open' ? 'info' : s.status;
      const base = { id, client: s.client, key: s.key, input: s.input, status, call: s.call, ret: status === 'info' ? Infinity : s.ret };
      return status === 'ok' ? { ...base, output: s.output as O } : base;
    });
  }

  #open(id: number, time: number, as: OpStatus): Slot<I, O> {
    const slot = Number.isInteger(id) ? this.#slots[id] : undefined;
    if (slot === undefined) {
      throw new RangeError(`history: ${as}(${id}) names no invoked operation (ids run from 0 to ${this.#slots.length - 1}); pass the id invoke() returned`);
    }
    if (slot.status !== 'open') {
      throw new RangeError(`history: operation ${id} completed twice: it is already ${slot.status}, now ${as}. Each call completes once`);
    }
    if (!Number.isFinite(time)) throw new RangeError(`history: ${as}(${id}) at ${time}: a time must be a finite number of virtual ms`);
    if (time < slot.call) throw new RangeError(`history: operation ${id} completes (${as}) at ${time} ms, before its call at ${slot.call} ms`);
    return slot;
  }
}

// Frozen, like every harness class learner code can import: a patched method must not change what a checker sees.
Object.freeze(History.prototype);
Object.freeze(History);
