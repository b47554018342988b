/** harness/history recorder: ids, completions, open calls as info, and misuse refused with a `history:` RangeError. */
import { describe, expect, test } from 'vitest';
import { History, type RegisterInput, type RegisterOutput } from '../history';

describe('History', () => {
  test('ids are 0, 1, 2, … in invoke order, and operations() lists every call in that order with how it ended', () => {
    const h = new History<RegisterInput, RegisterOutput>();
    const a = h.invoke('n1', 'k', { type: 'write', value: 'v1' }, 0);
    const b = h.invoke('n2', 'k', { type: 'read' }, 1);
    const c = h.invoke('n3', 'k', { type: 'write', value: 'v2' }, 2);
    const d = h.invoke('n1', 'j', { type: 'write', value: 'v3' }, 3);
    expect([a, b, c, d]).toEqual([0, 1, 2, 3]);
    h.ok(b, { value: 'v1' }, 5);
    h.ok(a, { value: undefined }, 4);
    h.fail(c, 6);
    expect(h.size).toBe(4);
    expect(h.operations()).toEqual([
      { id: 0, client: 'n1', key: 'k', input: { type: 'write', value: 'v1' }, output: { value: undefined }, status: 'ok', call: 0, ret: 4 },
      { id: 1, client: 'n2', key: 'k', input: { type: 'read' }, output: { value: 'v1' }, status: 'ok', call: 1, ret: 5 },
      { id: 2, client: 'n3', key: 'k', input: { type: 'write', value: 'v2' }, status: 'fail', call: 2, ret: 6 },
      { id: 3, client: 'n1', key: 'j', input: { type: 'write', value: 'v3' }, status: 'info', call: 3, ret: Infinity },
    ]);
  });

  test('an info call returns at +Infinity whenever the client gave up, and carries no output', () => {
    const h = new History<RegisterInput, RegisterOutput>();
    h.info(h.invoke('n1', '', { type: 'write', value: 'v1' }, 10), 50);
    expect(h.operations()[0]).toEqual({ id: 0, client: 'n1', key: '', input: { type: 'write', value: 'v1' }, status: 'info', call: 10, ret: Infinity });
  });

  test('operations() hands out fresh objects: editing them does not change the record', () => {
    const h = new History<RegisterInput, RegisterOutput>();
    h.ok(h.invoke('n1', '', { type: 'read' }, 0), { value: undefined }, 1);
    const first = h.operations();
    (first as { status: string }[])[0]!.status = 'fail';
    expect(h.operations()[0]!.status).toBe('ok');
  });

  test('completing twice, an unknown id, a time before the call or a time that is not a number throws a history: RangeError', () => {
    const h = new History<RegisterInput, RegisterOutput>();
    const id = h.invoke('n1', '', { type: 'read' }, 10);
    expect(() => h.ok(7, { value: undefined }, 11)).toThrow(/^history: ok\(7\) names no invoked operation/);
    expect(() => h.fail(-1, 11)).toThrow(RangeError);
    expect(() => h.info(0.5, 11)).toThrow(/names no invoked operation/);
    expect(() => h.ok(id, { value: undefined }, 9)).toThrow(/^history: operation 0 completes \(ok\) at 9 ms, before its call at 10 ms/);
    expect(() => h.fail(id, NaN)).toThrow(/finite number/);
    expect(() => h.invoke('n1', '', { type: 'read' }, Infinity)).toThrow(/^history: a call's time must be a finite number/);
    h.ok(id, { value: undefined }, 10); // equal times are fine: a call may return at once
    expect(() => h.info(id, 12)).toThrow(/^history: operation 0 completed twice: it is already ok, now info/);
    expect(() => h.ok(id, { value: undefined }, 12)).toThrow(RangeError);
  });

  test('the recorder class is frozen: learner code cannot patch what the suite records', () => {
    expect(Object.isFrozen(History.prototype)).toBe(true);
    expect(() => {
      (History.prototype as unknown as { ok: unknown }).ok = () => {};
    }).toThrow(TypeError);
  });
});
