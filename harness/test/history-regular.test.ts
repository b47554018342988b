/** harness/history checkRegular rule by rule, with the explanations a learner reads; and histories as text and as drawings. */
import { describe, expect, test } from 'vitest';
import { checkLinearizable, checkRegular, describeHistory, historyDrawing, History, registerModel, type RegisterInput, type RegisterOutput } from '../history';

/** A recorder with shorthands: `w('n1', 'v1', 0, 10)` writes v1 from 0 to 10 ms; `r('n2', 'v1', 20, 30)` reads it. */
function recorder(key = 'k') {
  const h = new History<RegisterInput, RegisterOutput>();
  return {
    h,
    w: (client: string, value: string, call: number, ret: number, status: 'ok' | 'fail' | 'info' = 'ok') => {
      const id = h.invoke(client, key, { type: 'write', value }, call);
      if (status === 'ok') h.ok(id, { value: undefined }, ret);
      else if (status === 'fail') h.fail(id, ret);
      else h.info(id, ret);
      return id;
    },
    r: (client: string, value: string | undefined, call: number, ret: number) => {
      const id = h.invoke(client, key, { type: 'read' }, call);
      h.ok(id, { value }, ret);
      return id;
    },
  };
}

describe('checkRegular', () => {
  test('a read concurrent with a write may return the old or the new value, and a read after it the new one', () => {
    const { h, w, r } = recorder();
    w('n1', 'v1', 0, 10);
    w('n1', 'v2', 20, 40);
    r('n2', 'v1', 25, 30);
    r('n3', 'v2', 22, 28);
    r('n2', 'v2', 50, 60);
    expect(checkRegular(h.operations())).toEqual({ ok: true, violations: [] });
  });

  test('rule 1: a read of a value no write wrote, or only a failed one, is a garbage read', () => {
    const { h, w, r } = recorder();
    w('n1', 'v1', 0, 10, 'fail');
    r('n2', 'v1', 20, 30);
    r('n2', 'v9', 40, 50);
    expect(checkRegular(h.operations()).violations).toEqual([
      { read: 1, write: 0, explanation: 'history: read #1 (n2, 20 ms to 30 ms) on key "k" returned "v1", written only by write #0, which failed: a failed write certainly did not take effect, so no read may see it' },
      { read: 2, explanation: 'history: read #2 (n2, 40 ms to 50 ms) on key "k" returned "v9", which no write on key "k" wrote: a garbage read' },
    ]);
  });

  test('rule 2: a read of a value whose write was called after the read returned is a read from the future; an info write may be read any time after its call', () => {
    const { h, w, r } = recorder();
    r('n2', 'v1', 0, 10);
    w('n1', 'v1', 11, 20);
    w('n1', 'v2', 30, 35, 'info');
    r('n2', 'v2', 100, 110);
    expect(checkRegular(h.operations()).violations).toEqual([
      { read: 0, write: 1, explanation: 'history: read #0 (n2, 0 ms to 10 ms) on key "k" returned "v1", written by write #1, called at 11 ms, after the read returned: a read from the future' },
    ]);
  });

  test('rule 3: a read that misses a write entirely between the one it read and itself is stale, and names the freshest it missed', () => {
    const { h, w, r } = recorder();
    w('n1', 'v1', 0, 10);
    w('n1', 'v2', 12, 15);
    w('n2', 'v3', 16, 18);
    r('n3', 'v1', 20, 30);
    const { violations } = checkRegular(h.operations());
    expect(violations).toMatchObject([{ read: 3, write: 0, missed: 2 }]);
    expect(violations[0]!.explanation).toBe(
      'history: read #3 (n3, 20 ms to 30 ms) on key "k" returned "v1", written by write #0 (n1, 0 ms to 10 ms), but write #2 ("v3", n2, 16 ms to 18 ms) ' +
        'began after #0 completed and completed before the read began: a stale read. A regular register returns the last write completed before the read began, or one concurrent with the read.',
    );
  });

  test('rule 4: a read of nothing after a write completed is stale; before any write completed it is fine', () => {
    const { h, w, r } = recorder('');
    r('n2', undefined, 0, 5);
    w('n1', 'v1', 3, 10);
    r('n2', undefined, 10, 12);
    r('n2', undefined, 11, 12);
    expect(checkRegular(h.operations()).violations).toEqual([
      { read: 3, missed: 1, explanation: 'history: read #3 (n2, 11 ms to 12 ms) returned nothing, but write #1 ("v1", n1, 3 ms to 10 ms) completed before the read began: a stale read' },
    ]);
  });

  test('keys are checked apart, and two writes of one value on one key are refused', () => {
    const a = recorder('a');
    a.w('n1', 'v1', 0, 10);
    const b = recorder('b');
    b.w('n1', 'v1', 0, 10);
    b.r('n2', undefined, 5, 6);
    expect(checkRegular([...a.h.operations(), ...b.h.operations().map((op) => ({ ...op, id: op.id + 10 }))]).ok).toBe(true);
    a.w('n2', 'v1', 20, 30);
    expect(() => checkRegular(a.h.operations())).toThrow(/^history: writes #0 and #1 on key "a" both write "v1"; the regular check needs each value written once per key/);
  });
});

describe('histories as text and drawings', () => {
  /** The stale-read history of the timeline page: three writes and a read of the first, on key k, plus a write on key j. */
  function stale() {
    const { h, w, r } = recorder();
    w('n1', 'v1', 0, 10);
    w('n2', '<b>v2</b>', 20, 30);
    r('n3', 'v1', 40, 50);
    w('n1', 'v4', 45, 46, 'info');
    const id = h.invoke('n2', 'j', { type: 'write', value: 'j1' }, 1);
    h.fail(id, 2);
    return h.operations();
  }

  test('describeHistory prints one line per operation in call order, with its key when there are several, and marks the ones asked for', () => {
    const ops = stale();
    expect(describeHistory(ops, registerModel, [2])).toBe(
      [
        '  #0    n1  0 ms → 10 ms  ok    "k": write "v1"',
        '  #4    n2  1 ms → 2 ms  fail  "j": write "j1"',
        '  #1    n2  20 ms → 30 ms  ok    "k": write "<b>v2</b>"',
        '▶ #2    n3  40 ms → 50 ms  ok    "k": read → "v1"',
        '  #3    n1  45 ms → …  info  "k": write "v4"',
      ].join('\n'),
    );
  });

  test('describeHistory keeps a long history to 40 lines around the marked operations', () => {
    const { h, w } = recorder();
    for (let i = 0; i < 200; i++) w('n1', `v${i}`, i * 10, i * 10 + 5);
    const text = describeHistory(h.operations(), registerModel, [100]).split('\n');
    expect(text).toHaveLength(42);
    expect(text[0]).toBe('  … 80 earlier operations');
    expect(text.at(-1)).toBe('  … 80 later operations');
    expect(text.some((line) => line.startsWith('▶ #100'))).toBe(true);
    expect(describeHistory(h.operations()).split('\n').at(-1)).toContain('#199');
  });

  test('historyDrawing of a violation draws its key alone, the stuck operations highlighted and the longest order numbered', () => {
    const ops = stale();
    const result = checkLinearizable(ops, registerModel);
    expect(result.verdict).toBe('violation');
    const drawing = historyDrawing(ops, result, registerModel);
    expect(drawing).toEqual({
      operations: [
        { id: 0, client: 'n1', label: 'write "v1"', call: 0, ret: 10, status: 'ok' },
        { id: 1, client: 'n2', label: 'write "<b>v2</b>"', call: 20, ret: 30, status: 'ok' },
        { id: 2, client: 'n3', label: 'read → "v1"', call: 40, ret: 50, status: 'ok' },
        { id: 3, client: 'n1', label: 'write "v4"', call: 45, ret: Infinity, status: 'info' },
      ],
      highlight: [2],
      order: [0, 1],
    });
  });

  test('historyDrawing of regular violations highlights each read with the writes it names; without a result, every key and nothing red', () => {
    const ops = stale();
    expect(historyDrawing(ops, checkRegular(ops)).highlight).toEqual([2, 0, 1]);
    const plain = historyDrawing(ops);
    expect(plain.highlight).toEqual([]);
    expect(plain.order).toBeUndefined();
    expect(plain.operations.map((op) => op.label)).toContain('j: {"type":"write","value":"j1"}');
  });
});
