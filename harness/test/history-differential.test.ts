/**
 * harness/history checkers against dumb oracles on random small histories: checkLinearizable against a brute-force
 * search of every subset of the info operations and every order of them consistent with real time; checkRegular
 * against a literal reading of its four rules. The etcd quorum/quick_test.go pattern (research §15).
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { checkLinearizable, checkRegular, registerModel, type Operation, type OpStatus, type RegisterInput, type RegisterOutput } from '../history';

type RegisterOp = Operation<RegisterInput, RegisterOutput>;
const ret = (op: RegisterOp): number => (op.status === 'info' ? Infinity : op.ret);

/** Whether some order of `ops` (one per real-time-consistent permutation) is a run of a key-value register. */
function someOrder(ops: readonly RegisterOp[], values: Map<string, string>): boolean {
  if (ops.length === 0) return true;
  return ops.some((x) => {
    if (ops.some((y) => y !== x && ret(y) < x.call)) return false; // y must come first
    const rest = ops.filter((y) => y !== x);
    if (x.input.type === 'write') {
      const next = new Map(values).set(x.key, x.input.value);
      return someOrder(rest, next);
    }
    if (x.status === 'ok' && x.output!.value !== values.get(x.key)) return false;
    return someOrder(rest, values);
  });
}

/** The oracle: fail operations left out, each info one in or out, then every order. */
function bruteLinearizable(ops: readonly RegisterOp[]): boolean {
  const required = ops.filter((op) => op.status === 'ok');
  const optional = ops.filter((op) => op.status === 'info');
  for (let mask = 0; mask < 1 << optional.length; mask++) {
    if (someOrder([...required, ...optional.filter((_, i) => (mask >> i) & 1)], new Map())) return true;
  }
  return false;
}

/** The oracle for checkRegular: the ids of the reads that break a rule, each rule read literally. */
function bruteIrregular(ops: readonly RegisterOp[]): number[] {
  const bad: number[] = [];
  for (const r of ops) {
    if (r.input.type !== 'read' || r.status !== 'ok') continue;
    const v = r.output!.value;
    const okWrites = ops.filter((w) => w.key === r.key && w.input.type === 'write' && w.status === 'ok');
    if (v === undefined) {
      if (okWrites.some((w) => w.ret < r.call)) bad.push(r.id); // rule 4
      continue;
    }
    const w = ops.find((o) => o.key === r.key && o.input.type === 'write' && o.input.value === v && o.status !== 'fail');
    const breaks =
      w === undefined || // rule 1
      w.call > r.ret || // rule 2
      okWrites.some((w2) => ret(w) < w2.call && w2.ret < r.call); // rule 3
    if (breaks) bad.push(r.id);
  }
  return bad;
}

const spec = fc.record({
  key: fc.nat(),
  client: fc.integer({ min: 0, max: 3 }),
  write: fc.boolean(),
  call: fc.integer({ min: 0, max: 20 }),
  length: fc.integer({ min: 0, max: 10 }),
  status: fc.constantFrom<OpStatus>('ok', 'ok', 'ok', 'info', 'fail'),
  pick: fc.nat(),
});

/** Up to 8 operations on 1 or 2 keys from up to 4 clients; writes write unique values; a read returns nothing, a value written on its key, or one nobody wrote. */
const histories = fc.tuple(fc.integer({ min: 1, max: 2 }), fc.array(spec, { maxLength: 8 })).map(([keys, specs]) => {
  const key = (n: number) => ['a', 'b'][n % keys]!;
  const written = (k: string) => specs.flatMap((s, id) => (s.write && key(s.key) === k ? [`${k}${id}`] : []));
  return specs.map((s, id): RegisterOp => {
    const k = key(s.key);
    const input: RegisterInput = s.write ? { type: 'write', value: `${k}${id}` } : { type: 'read' };
    const choices = [undefined, ...written(k), 'garbage'];
    const base = { id, client: `c${s.client}`, key: k, input, status: s.status, call: s.call, ret: s.status === 'info' ? Infinity : s.call + s.length };
    return s.status === 'ok' ? { ...base, output: { value: s.write ? undefined : choices[s.pick % choices.length] } } : base;
  });
});

describe('differential', () => {
  test('checkLinearizable agrees with a brute-force search on random histories of up to 8 operations', () => {
    let violations = 0;
    fc.assert(
      fc.property(histories, (ops) => {
        const result = checkLinearizable(ops, registerModel);
        expect(result.verdict).not.toBe('unknown');
        expect(result.verdict === 'linearizable').toBe(bruteLinearizable(ops));
        if (result.verdict === 'violation') {
          violations++;
          expect(result.stuck.length).toBeGreaterThan(0);
          expect(result.stuck.every((id) => !result.longest.includes(id))).toBe(true);
        }
      }),
      { numRuns: 400, seed: 20260101 },
    );
    // Both verdicts were exercised.
    expect(violations).toBeGreaterThan(40);
    expect(violations).toBeLessThan(360);
  });

  test('checkRegular flags exactly the reads that break one of its four rules', () => {
    fc.assert(
      fc.property(histories, (ops) => {
        const { ok, violations } = checkRegular(ops);
        const expected = bruteIrregular(ops);
        expect(violations.map((v) => v.read)).toEqual(expected);
        expect(ok).toBe(expected.length === 0);
      }),
      { numRuns: 400, seed: 20260102 },
    );
  });

  test('every linearizable history is regular', () => {
    fc.assert(
      fc.property(histories, (ops) => {
        if (checkLinearizable(ops, registerModel).verdict === 'linearizable') expect(checkRegular(ops).violations).toEqual([]);
      }),
      { numRuns: 300, seed: 20260103 },
    );
  });

  test('the longest prefix a violation reports is itself linearizable, in that order', () => {
    fc.assert(
      fc.property(histories, (ops) => {
        const result = checkLinearizable(ops, registerModel);
        if (result.verdict !== 'violation') return;
        let state = registerModel.init();
        for (const id of result.longest) {
          const op = ops[id]!;
          expect(op.key).toBe(result.key);
          state = registerModel.step(state, op.input, op.status === 'ok' ? op.output : undefined)!;
          expect(state).not.toBeUndefined();
        }
        // No placed operation returned before an earlier-placed one was called.
        result.longest.forEach((id, i) => result.longest.slice(0, i).forEach((before) => expect(ret(ops[id]!) < ops[before]!.call).toBe(false)));
      }),
      { numRuns: 300, seed: 20260104 },
    );
  });
});
