/**
 * harness/history checkLinearizable on histories with known verdicts: Porcupine's published examples
 * (anishathalye/porcupine, porcupine_test.go and visualization_test.go, transcribed as our own fixtures), the classic
 * register anomalies, indeterminate operations, the step budget, determinism, and 10 000-operation histories.
 */
import { describe, expect, test } from 'vitest';
import { Rng } from '../rng';
import { checkLinearizable, checkRegular, describeHistory, registerModel, type Model, type Operation, type OpStatus, type RegisterInput, type RegisterOutput } from '../history';

type RegisterOp = Operation<RegisterInput, RegisterOutput>;
interface Shape {
  readonly key?: string;
  readonly client?: string;
  readonly status?: OpStatus;
}

/** Builds a register history: `w(10, 20, 'v1')` writes v1 from 10 to 20 ms, `r(25, 30, 'v1')` reads it; ids in order. */
function register(build: (w: (call: number, ret: number, value: string, shape?: Shape) => void, r: (call: number, ret: number, value: string | undefined, shape?: Shape) => void) => void): RegisterOp[] {
  const ops: RegisterOp[] = [];
  const add = (call: number, ret: number, input: RegisterInput, value: string | undefined, shape: Shape = {}) => {
    const status = shape.status ?? 'ok';
    const base = { id: ops.length, client: shape.client ?? `c${ops.length}`, key: shape.key ?? '', input, status, call, ret: status === 'info' ? Infinity : ret };
    ops.push(status === 'ok' ? { ...base, output: { value } } : base);
  };
  build(
    (call, ret, value, shape) => add(call, ret, { type: 'write', value }, undefined, shape),
    (call, ret, value, shape) => add(call, ret, { type: 'read' }, value, shape),
  );
  return ops;
}

const verdict = (ops: readonly RegisterOp[]) => checkLinearizable(ops, registerModel).verdict;

describe("Porcupine's register examples", () => {
  // Porcupine's registers start at 0 and write integers; ours start never written: its 0 is our undefined.
  test('TestRegisterModel, first history: a read concurrent with a write may see it, a later-returning read may not (linearizable)', () => {
    const ops = register((w, r) => {
      w(0, 100, '100');
      r(25, 75, '100');
      r(30, 60, undefined);
    });
    expect(verdict(ops)).toBe('linearizable');
  });

  test('TestRegisterModel, second history: a read after one that saw the write sees the old value (not linearizable)', () => {
    const ops = register((w, r) => {
      w(0, 100, '200');
      r(10, 30, '200');
      r(40, 90, undefined);
    });
    const result = checkLinearizable(ops, registerModel);
    expect(result).toMatchObject({ verdict: 'violation', key: '', longest: [0, 1], stuck: [2] });
  });

  test('TestZeroDuration: operations that call and return at the same instant overlap whatever else is open then', () => {
    const ok = register((w, r) => {
      w(0, 100, '100');
      r(25, 75, '100');
      r(30, 30, undefined);
      r(30, 30, undefined);
    });
    expect(verdict(ok)).toBe('linearizable');
    const bad = register((w, r) => {
      w(0, 100, '200');
      r(10, 10, '200');
      r(10, 10, '200');
      r(40, 90, undefined);
    });
    expect(verdict(bad)).toBe('violation');
  });

  test('TestVisualizationMultipleLengths: of two keys, the one whose reads disagree is reported, with the read that cannot go next', () => {
    const ops = register((w, r) => {
      r(0, 100, 'w', { key: 'x', client: 'c0' });
      w(5, 10, 'y', { key: 'x', client: 'c1' });
      w(0, 10, 'z', { key: 'x', client: 'c2' });
      r(20, 30, 'y', { key: 'x', client: 'c1' });
      w(35, 45, 'w', { key: 'x', client: 'c1' });
      r(25, 35, 'z', { key: 'x', client: 'c5' });
      r(30, 40, 'y', { key: 'x', client: 'c3' });
      r(50, 90, 'a', { key: 'y', client: 'c4' });
      w(55, 85, 'a', { key: 'y', client: 'c2' });
    });
    const result = checkLinearizable(ops, registerModel);
    expect(result.verdict).toBe('violation');
    if (result.verdict !== 'violation') return;
    expect(result.key).toBe('x');
    // Porcupine's longest partial order: z, y, the reads of y, w, the read of w; the read of z (#5) cannot follow.
    expect(result.longest).toEqual([2, 1, 3, 6, 4, 0]);
    expect(result.stuck).toEqual([5]);
    expect(checkLinearizable(ops.filter((op) => op.key === 'y'), registerModel).verdict).toBe('linearizable');
  });
});

/** A key-value store with get, put and append, one key's value per state (Porcupine's kvModel, partitioned by our keys). */
type KvInput = { readonly f: 'get' | 'put' | 'append'; readonly value: string };
const kvModel: Model<string, KvInput, string> = {
  init: () => '',
  step: (state, input, output) => (input.f === 'get' ? (output === undefined || output === state ? state : undefined) : input.f === 'put' ? input.value : state + input.value),
  hash: (state) => state,
  describeOperation: (input, output) => (input.f === 'get' ? `get → ${JSON.stringify(output)}` : `${input.f} ${JSON.stringify(input.value)}`),
  describeState: (state) => `the value is ${JSON.stringify(state)}`,
};

/** test_data/kv/c01-bad.txt (TestKv1ClientBad): one client, one call at a time, as [f, key, value or output]. */
const C01_BAD: readonly (readonly [KvInput['f'], string, string])[] = [
  ['append', '0', 'x 0 0 y'], ['get', '7', ''], ['get', '6', ''], ['get', '5', ''], ['get', '2', ''], ['append', '0', 'x 0 1 y'], ['get', '2', ''],
  ['append', '0', 'x 0 2 y'], ['append', '0', 'x 0 3 y'], ['append', '0', 'x 0 4 y'], ['append', '5', 'x 0 5 y'], ['get', '6', ''], ['append', '1', 'x 0 6 y'],
  ['get', '1', 'x 0 6 y'], ['get', '3', ''], ['append', '2', 'x 0 7 y'], ['get', '0', 'x 0 0 yx 0 1 yx 0 2 yx 0 3 yx 0 4 y'], ['append', '1', 'x 0 8 y'],
  ['append', '7', 'x 0 0 y'], ['get', '0', 'x 0 0 yx 0 1 yx 0 2 yx 0 3 yx 0 4 y'], ['get', '2', 'x 0 7 y'], ['get', '5', 'x 0 5 y'], ['get', '2', 'x 0 7 y'],
  ['append', '6', 'x 0 1 y'], ['get', '5', 'x 0 5 y'], ['put', '1', 'x 0 2 y'], ['get', '6', 'x 0 1 y'], ['append', '7', 'x 0 3 y'], ['append', '3', 'x 0 4 y'],
  ['get', '7', 'x 0 0 y'], ['append', '3', 'x 0 5 y'], ['append', '6', 'x 0 6 y'], ['append', '4', 'x 0 7 y'], ['append', '6', 'x 0 8 y'], ['append', '3', 'x 0 9 y'],
  ['get', '2', 'x 0 7 y'], ['get', '7', 'x 0 0 yx 0 3 y'], ['put', '2', 'x 0 10 y'],
];
const kvHistory = (rows: typeof C01_BAD): Operation<KvInput, string>[] =>
  rows.map(([f, key, value], id) => ({ id, client: 'p0', key, input: { f, value: f === 'get' ? '' : value }, output: f === 'get' ? value : '', status: 'ok', call: 2 * id, ret: 2 * id + 1 }));

describe("Porcupine's key-value example", () => {
  test('TestKv1ClientBad: a get on key 7 misses an append the same client made before it', () => {
    const result = checkLinearizable(kvHistory(C01_BAD), kvModel);
    expect(result).toMatchObject({ verdict: 'violation', key: '7', longest: [1, 18, 27], stuck: [29] });
    if (result.verdict !== 'violation') return;
    expect(result.explanation).toContain('history: key "7" is not linearizable');
    expect(result.explanation).toContain('#29 p0: get → "x 0 0 y" (58 ms to 59 ms): can\'t, the value is "x 0 0 yx 0 3 y"');
  });

  test('the same history with that get returning both appends is linearizable', () => {
    const fixed = C01_BAD.map((row, i) => (i === 29 ? (['get', '7', 'x 0 0 yx 0 3 y'] as const) : row));
    expect(checkLinearizable(kvHistory(fixed), kvModel).verdict).toBe('linearizable');
  });
});

describe('classic anomalies', () => {
  test('a stale read after a completed write is a violation, and the explanation names the key, the state and the read', () => {
    const ops = register((w, r) => {
      w(0, 10, 'v1', { key: 'k', client: 'n1' });
      w(20, 30, 'v2', { key: 'k', client: 'n2' });
      r(40, 50, 'v1', { key: 'k', client: 'n3' });
    });
    const result = checkLinearizable(ops, registerModel);
    expect(result).toMatchObject({ verdict: 'violation', key: 'k', longest: [0, 1], stuck: [2] });
    if (result.verdict !== 'violation') return;
    expect(result.explanation).toBe(
      [
        'history: key "k" is not linearizable: no order of its 3 operations both respects real time and explains every output.',
        'The longest order found places 2 of them: #0 write "v1", #1 write "v2".',
        'After them, the register holds "v2". Operation #2 returned at 50 ms, so whatever goes next was called by then; none of those can go next:',
        '  #2 n3: read → "v1" (40 ms to 50 ms): can\'t, the register holds "v2"',
        'Look at these operations on the timeline (in red): which value should each have seen, and why did it not?',
      ].join('\n'),
    );
    expect(checkRegular(ops).violations).toMatchObject([{ read: 2, write: 0, missed: 1 }]);
  });

  test('new/old inversion (a later read returns an older value during a slow write) is not linearizable, but is regular', () => {
    const ops = register((w, r) => {
      w(0, 10, 'v1');
      w(20, 60, 'v2');
      r(25, 30, 'v2');
      r(35, 40, 'v1');
    });
    expect(verdict(ops)).toBe('violation');
    expect(checkRegular(ops)).toEqual({ ok: true, violations: [] });
  });

  test('a lost update (an acknowledged write that every later read misses) is a violation', () => {
    const ops = register((w, r) => {
      w(0, 10, 'v1');
      w(20, 30, 'v2');
      r(40, 45, 'v1');
      r(60, 70, 'v1');
    });
    expect(verdict(ops)).toBe('violation');
  });

  test('a lost update on a counter: two acknowledged increments, then a read that sees one', () => {
    const counter: Model<number, 'inc' | 'read', number> = {
      init: () => 0,
      step: (n, input, output) => (input === 'inc' ? n + 1 : output === undefined || output === n ? n : undefined),
      hash: String,
    };
    const op = (id: number, input: 'inc' | 'read', call: number, ret: number, output = 0): Operation<'inc' | 'read', number> => ({ id, client: `c${id}`, key: '', input, output, status: 'ok', call, ret });
    expect(checkLinearizable([op(0, 'inc', 0, 10), op(1, 'inc', 0, 10), op(2, 'read', 20, 30, 1)], counter).verdict).toBe('violation');
    expect(checkLinearizable([op(0, 'inc', 0, 10), op(1, 'inc', 0, 10), op(2, 'read', 5, 30, 1)], counter).verdict).toBe('linearizable');
  });

  test('a read from the future (it returns a value whose write began after the read returned) is a violation', () => {
    const ops = register((w, r) => {
      r(0, 10, 'v1');
      w(50, 60, 'v1');
    });
    expect(verdict(ops)).toBe('violation');
    expect(checkRegular(ops).violations).toMatchObject([{ read: 0, write: 1 }]);
  });

  test('a garbage read (a value nobody wrote) is a violation', () => {
    const ops = register((w, r) => {
      w(0, 10, 'v1');
      r(20, 30, 'zz');
    });
    expect(checkLinearizable(ops, registerModel)).toMatchObject({ verdict: 'violation', stuck: [1] });
  });

  test('an info write may take effect after a later read returned: a read of nothing, then a read of its value, is linearizable', () => {
    const ops = register((w, r) => {
      w(0, 5, 'v1', { status: 'info' });
      r(10, 20, undefined);
      r(30, 40, 'v1');
    });
    expect(verdict(ops)).toBe('linearizable');
    expect(checkRegular(ops).ok).toBe(true);
  });

  test('an info write may never take effect: reads that never see it are linearizable', () => {
    const ops = register((w, r) => {
      w(0, 10, 'v1');
      w(5, 6, 'v2', { status: 'info' });
      r(20, 30, 'v1');
      r(40, 50, 'v1');
    });
    expect(verdict(ops)).toBe('linearizable');
  });

  test('an info write cannot take effect before its call', () => {
    const ops = register((w, r) => {
      r(0, 10, 'v1');
      w(20, 20, 'v1', { status: 'info' });
    });
    expect(verdict(ops)).toBe('violation');
  });

  test('a failed write did not happen: reading its value is a violation, and a read of what came before is fine', () => {
    const read = register((w, r) => {
      w(0, 10, 'v1', { status: 'fail' });
      r(20, 30, 'v1');
    });
    expect(verdict(read)).toBe('violation');
    expect(checkRegular(read).violations).toMatchObject([{ read: 1, write: 0 }]);
    const ignored = register((w, r) => {
      w(0, 10, 'v1');
      w(12, 15, 'v2', { status: 'fail' });
      r(20, 30, 'v1');
    });
    expect(verdict(ignored)).toBe('linearizable');
  });

  test('an info read constrains nothing, and an empty history is linearizable in no steps', () => {
    const ops = register((w, r) => {
      w(0, 10, 'v1');
      r(20, 30, 'zz', { status: 'info' });
    });
    expect(verdict(ops)).toBe('linearizable');
    expect(checkLinearizable([], registerModel)).toEqual({ verdict: 'linearizable', steps: 0 });
  });

  test('a malformed history is refused with a history: RangeError', () => {
    const [op] = register((w) => w(0, 10, 'v1'));
    expect(() => checkLinearizable([op!, op!], registerModel)).toThrow(/^history: two operations share the id 0/);
    expect(() => checkLinearizable([{ ...op!, ret: 5, call: 6 }], registerModel)).toThrow(/^history: operation 0 is ok but returned at 5/);
    const { output: _, ...noOutput } = op!;
    expect(() => checkLinearizable([noOutput], registerModel)).toThrow(/^history: operation 0 is ok but has no output/);
    expect(() => checkLinearizable([op!], registerModel, { maxSteps: -1 })).toThrow(/^history: maxSteps/);
  });
});

/** `writers` writes, all overlapping, then a read of a value none wrote: the search must try every order of the writes. */
function hardGarbage(writers: number): RegisterOp[] {
  return register((w, r) => {
    for (let i = 0; i < writers; i++) w(i, 100 + i, `v${i}`);
    r(200, 210, 'nobody wrote this');
  });
}

describe('the step budget', () => {
  test('a history the budget cannot decide is unknown, never linearizable, and says it is a failure', () => {
    const tight = checkLinearizable(hardGarbage(12), registerModel, { maxSteps: 100 });
    expect(tight).toMatchObject({ verdict: 'unknown', steps: 100, key: '' });
    if (tight.verdict !== 'unknown') return;
    expect(tight.explanation).toMatch(/^history: could not decide whether the history is linearizable within 100 search steps \(13 operations on it, up to 12 at once\)/);
    expect(tight.explanation).toContain('This is a failure, not a pass');
    expect(checkLinearizable(hardGarbage(12), registerModel).verdict).toBe('violation');
  });

  test('even a linearizable history is unknown when the budget runs out first; the budget counts all keys together', () => {
    const ops = register((w, r) => {
      w(0, 10, 'v1', { key: 'a' });
      r(20, 30, 'v1', { key: 'a' });
      w(0, 10, 'v2', { key: 'b' });
      r(20, 30, 'v2', { key: 'b' });
    });
    const { steps } = checkLinearizable(ops, registerModel);
    expect(checkLinearizable(ops, registerModel, { maxSteps: 0 }).verdict).toBe('unknown');
    expect(checkLinearizable(ops, registerModel, { maxSteps: steps - 1 })).toMatchObject({ verdict: 'unknown', key: 'b' });
    expect(checkLinearizable(ops, registerModel, { maxSteps: steps })).toEqual({ verdict: 'linearizable', steps });
  });
});

/**
 * A run of an atomic register: `clients` clients, each calling one operation at a time on one of `keys` keys, each
 * taking effect at one instant inside its interval; writes write unique values; some calls end indeterminate (info),
 * and such a write takes effect later or never. Linearizable by construction.
 */
function atomicRun(seed: number, size: number, clients: number, keys: number): RegisterOp[] {
  const rng = new Rng(seed);
  const planned: { op: Omit<RegisterOp, 'output'>; at: number }[] = [];
  const free = Array.from({ length: clients }, () => 0);
  for (let id = 0; id < size; id++) {
    const c = id % clients;
    const call = free[c]! + rng.int(0, 3);
    const ret = call + rng.int(1, 12);
    const info = rng.next() < 0.03;
    const key = `k${rng.int(0, keys - 1)}`;
    const input: RegisterInput = rng.next() < 0.5 ? { type: 'write', value: `${key}.${id}` } : { type: 'read' };
    const at = info ? (rng.next() < 0.5 ? Infinity : call + rng.int(0, 40)) : rng.int(call, ret);
    free[c] = info ? call + 15 : ret;
    planned.push({ op: { id, client: `c${c}`, key, input, status: info ? 'info' : 'ok', call, ret: info ? Infinity : ret }, at });
  }
  const values = new Map<string, string>();
  const outputs = new Map<number, RegisterOutput>();
  for (const { op, at } of [...planned].sort((a, b) => a.at - b.at || a.op.id - b.op.id)) {
    if (at === Infinity) break;
    if (op.input.type === 'write') values.set(op.key, op.input.value);
    outputs.set(op.id, { value: op.input.type === 'read' ? values.get(op.key) : undefined });
  }
  return planned.map(({ op }) => (op.status === 'ok' ? { ...op, output: outputs.get(op.id)! } : op));
}

describe('scale and determinism', () => {
  test('the same history gives the same result and the same step count, in whatever order its operations are listed', () => {
    const ops = atomicRun(3, 400, 6, 2);
    const bad = ops.map((op) => (op.id === 350 && op.status === 'ok' && op.input.type === 'read' ? { ...op, output: { value: 'k0.0' } } : op));
    for (const history of [ops, bad]) {
      const first = checkLinearizable(history, registerModel);
      expect(checkLinearizable(history, registerModel)).toEqual(first);
      expect(checkLinearizable([...history].reverse(), registerModel)).toEqual(first);
    }
  });

  test.each([5, 10])('10 000 operations from %i concurrent clients on 3 keys check without overflowing the stack', (clients) => {
    const ops = atomicRun(clients, 10_000, clients, 3);
    const result = checkLinearizable(ops, registerModel);
    expect(result.verdict).toBe('linearizable');
    expect(result.steps).toBeGreaterThanOrEqual(ops.filter((op) => op.status === 'ok').length);
    expect(checkRegular(ops).ok).toBe(true);
  });

  test('a 2 000-operation history on one key with a stale read near its end is a violation, found within the default budget', () => {
    const ops = atomicRun(11, 2_000, 5, 1);
    const target = ops.findIndex((op, i) => i > 1_800 && op.status === 'ok' && op.input.type === 'read');
    const first = ops.find((op) => op.input.type === 'write' && op.status === 'ok')!;
    const stale = ops.map((op, i) => (i === target ? { ...op, output: { value: (first.input as { value: string }).value } } : op));
    const result = checkLinearizable(stale, registerModel);
    expect(result).toMatchObject({ verdict: 'violation', key: 'k0', stuck: [target] });
    if (result.verdict !== 'violation') return;
    expect(describeHistory(stale, registerModel, result.stuck).split('\n').length).toBeLessThanOrEqual(42);
  });
});
