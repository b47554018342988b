/**
 * The regular-register check, for histories of `registerModel` whose writes
 * each write a value no other write on the same key writes.
 *
 * Lamport defined the regular register for one writer ("On interprocess
 * communication", Distributed Computing 1(2), 1986): a read that overlaps no
 * write returns the last value written; a read that overlaps writes returns
 * that value or one of theirs. Unlike an atomic register, two reads in a row
 * may see a new value then an old one (new/old inversion): a regular register
 * lets each read decide alone.
 *
 * With several writers "the last value written" is not defined, so this check
 * uses the weaker, real-time reading of research/next-exercises.md §2: for
 * each ok read r of value v, on its key,
 *   1. v is undefined (never written), or some write that did not fail wrote
 *      it (else: a garbage read);
 *   2. that write w was called no later than r returned, `w.call <= r.ret`
 *      (else: a read from the future);
 *   3. no ok write w' lies strictly between them: entirely after w
 *      (`w.ret < w'.call`) and entirely before r (`w'.ret < r.call`) (else: a
 *      stale read, r missed w');
 *   4. if v is undefined, no ok write returned before r was called.
 * An `info` write may take effect at any time: it can be read from, and it is
 * never "completed" for rules 3 and 4. A `fail` write did not happen.
 * Intervals are closed: equal times overlap.
 */
import { describeTime } from './describe';
import type { RegisterInput, RegisterOutput } from './models';
import type { Operation, RegularViolation } from './types';

type RegisterOp = Operation<RegisterInput, RegisterOutput>;

const quote = (value: string | undefined): string => (value === undefined ? 'nothing' : JSON.stringify(value));
const on = (key: string): string => (key === '' ? '' : ` on key ${JSON.stringify(key)}`);
const span = (op: RegisterOp): string => `${op.client}, ${describeTime(op.call)} to ${op.status === 'info' ? 'never returned' : describeTime(op.ret)}`;

/** The read of one key's write that explains `r`, or why none can; undefined when `r` is fine. */
function checkRead(
  r: RegisterOp,
  writes: ReadonlyMap<string, RegisterOp>,
  okWrites: readonly RegisterOp[],
  suffixMinRet: readonly number[],
): RegularViolation | undefined {
  const value = r.output!.value;
  const read = `read #${r.id} (${span(r)})${on(r.key)} returned ${quote(value)}`;
  // The freshest ok write that returned before `before` and was called after `after`, if any.
  const freshest = (after: number, before: number): RegisterOp | undefined =>
    okWrites.reduce<RegisterOp | undefined>((best, w) => (w.call > after && w.ret < before && (best === undefined || w.ret > best.ret) ? w : best), undefined);
  if (value === undefined) {
    if (!(suffixMinRet[0]! < r.call)) return undefined;
    const missed = freshest(-Infinity, r.call)!;
    const what = `write #${missed.id} (${quote((missed.input as { value: string }).value)}, ${span(missed)})`;
    return { read: r.id, missed: missed.id, explanation: `history: ${read}, but ${what} completed before the read began: a stale read` };
  }
  const w = writes.get(value);
  if (w === undefined) return { read: r.id, explanation: `history: ${read}, which no write${on(r.key)} wrote: a garbage read` };
  if (w.status === 'fail') {
    const why = 'a failed write certainly did not take effect, so no read may see it';
    return { read: r.id, write: w.id, explanation: `history: ${read}, written only by write #${w.id}, which failed: ${why}` };
  }
  if (w.call > r.ret) {
    const explanation = `history: ${read}, written by write #${w.id}, called at ${describeTime(w.call)}, after the read returned: a read from the future`;
    return { read: r.id, write: w.id, explanation };
  }
  if (w.status !== 'ok') return undefined;
  // Rule 3: an ok write called after w returned and returned before r was called (okWrites sorted by call).
  let lo = 0;
  let hi = okWrites.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (okWrites[mid]!.call > w.ret) hi = mid;
    else lo = mid + 1;
  }
  if (!(suffixMinRet[lo]! < r.call)) return undefined;
  const missed = freshest(w.ret, r.call)!;
  return {
    read: r.id,
    write: w.id,
    missed: missed.id,
    explanation:
      `history: ${read}, written by write #${w.id} (${span(w)}), ` +
      `but write #${missed.id} (${quote((missed.input as { value: string }).value)}, ${span(missed)}) ` +
      `began after #${w.id} completed and completed before the read began: a stale read. A regular register returns the last write completed ` +
      'before the read began, or one concurrent with the read.',
  };
}

/**
 * Checks every ok read of `ops` against the four rules above, key by key. Violations come in read id order.
 * Throws a RangeError (`history:`) when two writes on one key write the same value: the workload must use unique values.
 */
export function checkRegular(ops: readonly RegisterOp[]): { readonly ok: boolean; readonly violations: readonly RegularViolation[] } {
  const byKey = new Map<string, RegisterOp[]>();
  for (const op of ops) {
    if (op.status === 'ok' && op.input.type === 'read' && op.output === undefined) {
      throw new RangeError(`history: read #${op.id} is ok but has no output; record it with History.ok(id, output, time)`);
    }
    const list = byKey.get(op.key);
    if (list === undefined) byKey.set(op.key, [op]);
    else list.push(op);
  }
  const violations: RegularViolation[] = [];
  for (const keyOps of byKey.values()) {
    const writes = new Map<string, RegisterOp>();
    for (const op of keyOps) {
      if (op.input.type !== 'write') continue;
      const twin = writes.get(op.input.value);
      if (twin !== undefined) {
        throw new RangeError(
          `history: writes #${twin.id} and #${op.id}${on(op.key)} both write ${quote(op.input.value)}; the regular check needs each value written once per key`,
        );
      }
      writes.set(op.input.value, op);
    }
    const okWrites = keyOps.filter((op) => op.input.type === 'write' && op.status === 'ok').sort((a, b) => a.call - b.call || a.id - b.id);
    const suffixMinRet = new Array<number>(okWrites.length + 1).fill(Infinity);
    for (let i = okWrites.length - 1; i >= 0; i--) suffixMinRet[i] = Math.min(okWrites[i]!.ret, suffixMinRet[i + 1]!);
    for (const r of keyOps) {
      if (r.input.type !== 'read' || r.status !== 'ok') continue;
      const violation = checkRead(r, writes, okWrites, suffixMinRet);
      if (violation !== undefined) violations.push(violation);
    }
  }
  violations.sort((a, b) => a.read - b.read);
  return { ok: violations.length === 0, violations };
}
