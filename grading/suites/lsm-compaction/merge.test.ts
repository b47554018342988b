/**
 * Task 1 — the merge. Properties of `mergeRuns` against an oracle that needs
 * no cleverness: for each key, the entry with the highest seq. The runs come
 * in random order, so the newest version can be in any of them.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { compareKeys } from '../../../exercises/lsm-compaction/format';
import { lsmSuite, run, type Entry } from './support';

const suite = lsmSuite();

/**
 * Keys of the random runs: the empty string, names a plain object would
 * mistake for its own, lone surrogates, code-unit order against code-point
 * order (U+1F600 before U+FFFD), and k00 … k19.
 */
const KEY_POOL = ['', '__proto__', 'constructor', 'toString', 'A', 'Z', 'a', 'é', '\uD800', '\uDC00', '\u{1F600}', '\uFFFD', ...Array.from({ length: 19 }, (_, i) => `k${String(i).padStart(2, '0')}`)];

/**
 * Random runs: each sorted by key with one entry per key; seqs unique across
 * all runs and unrelated to run order, from 0 up or up to
 * Number.MAX_SAFE_INTEGER; some writes copied into a second run (the same
 * write twice); some runs empty.
 */
const runsArb = fc
  .array(
    fc.record({
      key: fc.integer({ min: 0, max: KEY_POOL.length - 1 }),
      run: fc.integer({ min: 0, max: 5 }),
      tombstone: fc.boolean(),
      value: fc.oneof({ weight: 6, arbitrary: fc.string({ maxLength: 3 }) }, { weight: 1, arbitrary: fc.constant('') }),
      copyTo: fc.option(fc.integer({ min: 0, max: 5 }), { freq: 8 }),
    }),
    { maxLength: 80 },
  )
  .chain((writes) => fc.tuple(fc.constant(writes), fc.shuffledSubarray(writes.map((_, i) => i + 1), { minLength: writes.length, maxLength: writes.length }), fc.constantFrom(1, 0, Number.MAX_SAFE_INTEGER - writes.length)))
  .map(([writes, seqs, base]) => {
    const runs: Map<string, Entry>[] = Array.from({ length: 6 }, () => new Map());
    writes.forEach((w, i) => {
      const key = KEY_POOL[w.key]!;
      const entry: Entry = { key, seq: base === 1 ? seqs[i]! : base + seqs[i]! - (base === 0 ? 1 : 0), value: w.tombstone ? null : w.value === '' ? '' : `v${w.value}` };
      runs[w.run]!.set(key, entry);
      // The same write in a second run (as if a table were read twice): still one version.
      if (w.copyTo !== null && !runs[w.copyTo]!.has(key)) runs[w.copyTo]!.set(key, { ...entry });
    });
    return runs.map((r) => [...r.values()].sort((a, b) => compareKeys(a.key, b.key))).filter((r, i) => r.length > 0 || i % 2 === 0);
  });

/** For each key, its newest entry, in key order. */
function newest(runs: readonly (readonly Entry[])[]): Entry[] {
  const best = new Map<string, Entry>();
  for (const r of runs) for (const e of r) if ((best.get(e.key)?.seq ?? -1) < e.seq) best.set(e.key, e);
  return [...best.values()].sort((a, b) => compareKeys(a.key, b.key));
}

/** The first index where two merges differ, and what each holds there. */
const firstDifference = (got: readonly Entry[], want: readonly Entry[]): string => {
  let i = 0;
  while (i < got.length && i < want.length && JSON.stringify(got[i]) === JSON.stringify(want[i])) i++;
  return `entry ${i}: got ${JSON.stringify(got[i])}, expected ${JSON.stringify(want[i])}`;
};

const show = (entries: readonly Entry[]): string => entries.map((e) => `${e.key}@${e.seq}=${e.value === null ? '⊥' : JSON.stringify(e.value)}`).join(' ');

function merged(runs: readonly (readonly Entry[])[], drop: boolean): Entry[] {
  const out = run('mergeRuns', () => suite.impl().mergeRuns(runs, drop));
  if (!Array.isArray(out)) throw new Error(`mergeRuns returned ${typeof out}, not an array of entries`);
  return out;
}

suite.task(1, () => {
  suite.test(
    {
      points: 5,
      category: 'correctness',
      name: 'the merge is sorted by key, holds one entry per key, and every key of the inputs that is still live',
      clauses: ['LSM-1.3', 'LSM-1.12', 'LSM-0.6'],
      hint: 'A heap of cursors, one per run, ordered by key: pop the smallest, emit it once, and skip every other entry with the same key (LevelDB table/merger.cc, MergingIterator; RocksDB wiki "Compaction").',
    },
    (t) => {
      t.check(
        fc.property(runsArb, fc.boolean(), (runs, drop) => {
          const out = merged(runs, drop);
          const keys = out.map((e) => e.key);
          for (let i = 1; i < keys.length; i++) {
            if (!(keys[i - 1]! < keys[i]!)) throw new Error(`output not sorted with one entry per key: ${keys[i - 1]} then ${keys[i]} (dropTombstones ${drop})\noutput: ${show(out)}`);
          }
          const expected = newest(runs).filter((e) => !drop || e.value !== null).map((e) => e.key);
          expect(keys, `keys of the merge (dropTombstones ${drop})`).toEqual(expected);
        }),
      );
    },
  );

  suite.test(
    {
      points: 5,
      category: 'correctness',
      name: 'the newest version of a key (the highest seq) wins, whatever the order of the runs',
      clauses: ['LSM-1.2', 'LSM-1.4'],
      hint: 'Order the heap by key, then by seq descending, so the first entry you pop for a key is its newest. Do not assume the first run is the newest: the contract says the runs come in no particular order.',
    },
    (t) => {
      t.check(
        fc.property(runsArb, fc.boolean(), (runs, drop) => {
          const out = new Map(merged(runs, drop).map((e) => [e.key, e]));
          for (const e of newest(runs)) {
            if (e.value === null) continue;
            const got = out.get(e.key);
            if (got?.seq !== e.seq || got.value !== e.value) {
              throw new Error(`${e.key}: the newest version is seq ${e.seq} = ${JSON.stringify(e.value)}, the merge kept ${got === undefined ? 'nothing' : `seq ${got.seq} = ${JSON.stringify(got.value)}`}\nruns: ${runs.map(show).join(' | ')}`);
            }
          }
        }),
      );
      // Seqs over the whole range of LSM-1.12, 2³¹ and 2³² included, compare as numbers, not as 32-bit integers.
      const seqs = [0, 1, 2 ** 31 - 1, 2 ** 31, 2 ** 32 - 1, 2 ** 32, 2 ** 32 + 1, Number.MAX_SAFE_INTEGER - 1, Number.MAX_SAFE_INTEGER];
      for (let i = 1; i < seqs.length; i++) {
        const runs = [[{ key: 'k', seq: seqs[i - 1]!, value: 'older' }], [{ key: 'k', seq: seqs[i]!, value: 'newer' }]];
        for (const order of [runs, [...runs].reverse()]) {
          expect(merged(order, false).map((e) => e.value), `the merge of ${order.map(show).join(' | ')}`).toEqual(['newer']);
        }
      }
    },
  );

  suite.test(
    {
      points: 4,
      category: 'correctness',
      name: 'without dropTombstones, a key whose newest version is a tombstone keeps that tombstone, and nothing older',
      clauses: ['LSM-1.7'],
      hint: 'A tombstone shadows every older version of its key, including ones in levels this merge never sees. Until nothing older can lie below, it must be written out like any other newest version (LevelDB doc/impl.md, "Compactions": deletion markers are dropped only at the base level for the key).',
    },
    (t) => {
      t.check(
        fc.property(runsArb, (runs) => {
          const out = new Map(merged(runs, false).map((e) => [e.key, e]));
          for (const e of newest(runs)) {
            if (e.value !== null) continue;
            const got = out.get(e.key);
            if (got?.seq !== e.seq || got.value !== null) {
              throw new Error(`${e.key}: the newest version is the tombstone at seq ${e.seq}; the merge kept ${got === undefined ? 'nothing (the tombstone was dropped)' : `seq ${got.seq} = ${JSON.stringify(got.value)}`}\nruns: ${runs.map(show).join(' | ')}`);
            }
          }
        }),
      );
    },
  );

  suite.test(
    {
      points: 5,
      category: 'correctness',
      name: 'with dropTombstones, a deleted key disappears altogether: no older version of it comes back',
      clauses: ['LSM-1.6'],
      hint: 'Decide what survives per key after choosing its newest version: if that is a tombstone, emit nothing for the key. Filtering tombstones out of the runs before merging lets the older value win instead.',
    },
    (t) => {
      // One run alone is merged too: its tombstones go as well.
      const alone: Entry[] = [
        { key: 'a', seq: 3, value: null },
        { key: 'b', seq: 1, value: 'b1' },
        { key: 'c', seq: 2, value: null },
      ];
      expect(merged([alone], true), `one run, dropTombstones: ${show(alone)}`).toEqual([{ key: 'b', seq: 1, value: 'b1' }]);
      t.check(
        fc.property(fc.oneof(runsArb, runsArb.map((runs) => [runs.flat().sort((a, b) => compareKeys(a.key, b.key) || b.seq - a.seq).filter((e, i, all) => i === 0 || all[i - 1]!.key !== e.key)])), (runs) => {
          const out = new Map(merged(runs, true).map((e) => [e.key, e]));
          for (const e of newest(runs)) {
            if (e.value !== null) continue;
            const got = out.get(e.key);
            if (got !== undefined) {
              throw new Error(`${e.key} was deleted at seq ${e.seq}, yet the merge kept seq ${got.seq} = ${JSON.stringify(got.value)}\nruns: ${runs.map(show).join(' | ')}`);
            }
          }
        }),
      );
    },
  );

  suite.test(
    {
      points: 3,
      category: 'correctness',
      name: 'an empty string is a value, not a tombstone: only null deletes',
      clauses: ['LSM-1.5'],
      hint: 'Test `entry.value === null`, not `!entry.value`: "" is falsy in JavaScript.',
    },
    () => {
      const runs: Entry[][] = [
        [{ key: 'a', seq: 3, value: '' }],
        [
          { key: 'a', seq: 1, value: 'old' },
          { key: 'b', seq: 2, value: '' },
        ],
      ];
      for (const drop of [false, true]) {
        expect(merged(runs, drop), `dropTombstones ${drop}`).toEqual([
          { key: 'a', seq: 3, value: '' },
          { key: 'b', seq: 2, value: '' },
        ]);
      }
    },
  );

  suite.test(
    {
      points: 3,
      category: 'correctness',
      name: 'keys compare by UTF-16 code unit, as compareKeys does, not by locale: "Z" before "a", "é" after "z", lone surrogates included',
      clauses: ['LSM-1.1'],
      hint: 'Use compareKeys from format.ts (or `<`). localeCompare sorts "a" before "Z" and puts accented letters beside their base letter, and the tree binary-searches its tables in code-unit order.',
    },
    () => {
      const keys = ['', 'A', 'Z', '_', '__proto__', 'a', 'b', 'z', 'é', '日本', '\uD800', '\uDBFF', '\uDC00', '\u{1F600}', '\uFFFD'];
      const sorted = [...keys].sort(compareKeys);
      const runs: Entry[][] = [
        sorted.filter((_, i) => i % 2 === 0).map((key, i) => ({ key, seq: 100 + i, value: `x${key}` })),
        sorted.filter((_, i) => i % 2 === 1).map((key, i) => ({ key, seq: 200 + i, value: `y${key}` })),
      ];
      expect(merged(runs, false).map((e) => e.key)).toEqual(sorted);
    },
  );

  suite.test(
    {
      points: 2,
      category: 'api',
      name: 'the runs are not modified, and no runs or only empty runs merge to nothing',
      clauses: ['LSM-1.8', 'LSM-1.9'],
      hint: 'Read the runs through indexes (cursors); never sort, splice or shift them in place. The engine caches the tables it reads.',
    },
    () => {
      const runs: readonly (readonly Entry[])[] = Object.freeze([
        Object.freeze([Object.freeze({ key: 'a', seq: 2, value: null }), Object.freeze({ key: 'c', seq: 5, value: 'c5' })]),
        Object.freeze([Object.freeze({ key: 'a', seq: 1, value: 'a1' }), Object.freeze({ key: 'b', seq: 4, value: 'b4' })]),
      ]);
      const before = JSON.stringify(runs);
      expect(merged(runs, true).map((e) => e.key)).toEqual(['b', 'c']);
      expect(merged(runs, false).map((e) => e.key)).toEqual(['a', 'b', 'c']);
      expect(JSON.stringify(runs), 'the runs after merging').toBe(before);
      expect(merged([], true), 'no runs').toEqual([]);
      expect(merged([[], []], false), 'two empty runs').toEqual([]);
    },
  );
  suite.test(
    {
      points: 2,
      category: 'api',
      name: 'mergeRuns returns a new array of the entries as they are: the caller may change it, and no run changes with it',
      clauses: ['LSM-1.11', 'LSM-1.4'],
      hint: 'Build the result in an array of your own, even when only one run has entries: returning a run itself (or a slice the engine keeps) hands the caller the engine’s cached table. The entries may be the runs’ own objects, each exactly as it was: no fields added, none changed.',
    },
    (t) => {
      const single = [[{ key: 'a', seq: 1, value: 'a1' }, { key: 'b', seq: 2, value: '' }]];
      const cases: (readonly (readonly Entry[])[])[] = [single, [[], ...single], [...single, []]];
      t.check(
        fc.property(fc.oneof(fc.constantFrom(...cases), runsArb), fc.boolean(), (runs, drop) => {
          const before = JSON.stringify(runs);
          const out = merged(runs, drop);
          for (const r of runs) if ((out as unknown) === r) throw new Error(`mergeRuns returned one of its runs itself, not a new array (dropTombstones ${drop})`);
          const expected = newest(runs).filter((e) => !drop || e.value !== null);
          expect(out, `the result, each entry exactly as it was in its run (dropTombstones ${drop})`).toStrictEqual(expected.map((e) => ({ key: e.key, seq: e.seq, value: e.value })));
          const again = JSON.stringify(out);
          out.reverse();
          out.push({ key: 'zz', seq: 0, value: 'mine' });
          out.splice(0, 1);
          expect(JSON.stringify(runs), 'the runs, after the caller changed the array mergeRuns returned').toBe(before);
          expect(JSON.stringify(merged(runs, drop)), 'merging the same runs again').toBe(again);
        }),
        { numRuns: 100 },
      );
    },
  );

  suite.test(
    {
      points: 1,
      category: 'correctness',
      name: 'many runs and long runs merge as a few short ones do: 1 000 runs, and a run of 130 000 entries',
      clauses: ['LSM-1.13'],
      hint: 'No recursion per entry, and no spread of a whole run into a call (`push(...run)`, `Math.max(...seqs)`): JavaScript limits the arguments of a call and the depth of the stack, and a major compaction merges whole levels.',
      deadlineMs: 10_000,
    },
    (t) => {
      const rng = t.rng;
      // 1 000 runs of 0 to 10 entries each over 3 000 keys, seqs unique and in no order.
      const seqs = Array.from({ length: 10_000 }, (_, i) => i + 1);
      for (let i = seqs.length - 1; i > 0; i--) {
        const j = rng.int(0, i);
        [seqs[i], seqs[j]] = [seqs[j]!, seqs[i]!];
      }
      let s = 0;
      const many: Entry[][] = Array.from({ length: 1000 }, () => {
        const keys = new Set<number>();
        for (let n = rng.int(0, 10); n > 0; n--) keys.add(rng.int(0, 2999));
        return [...keys].sort((a, b) => a - b).map((k) => ({ key: `k${String(k).padStart(5, '0')}`, seq: seqs[s++]!, value: rng.int(0, 4) === 0 ? null : `v${s}` }));
      });
      for (const drop of [false, true]) {
        const want = newest(many).filter((e) => !drop || e.value !== null);
        const got = merged(many, drop);
        if (JSON.stringify(got) !== JSON.stringify(want)) throw new Error(`1 000 runs (dropTombstones ${drop}): the merge holds ${got.length} entries, the newest version of each key makes ${want.length}; first difference at ${firstDifference(got, want)}`);
      }
      // A long run (more entries than a call takes arguments) and a newer one over every tenth key, some deleted: the expected merge is known without sorting.
      const N = 130_000;
      const name = (i: number): string => `k${i + 1_000_000}`;
      const older = Array.from({ length: N }, (_, i): Entry => ({ key: name(i), seq: i + 1, value: `o${i}` }));
      const newer = Array.from({ length: N / 10 }, (_, j): Entry => ({ key: name(10 * j), seq: N + j + 1, value: j % 2 === 0 ? null : `n${j}` }));
      const want: Entry[] = [];
      for (let i = 0; i < N; i++) {
        if (i % 10 !== 0) want.push(older[i]!);
        else if ((i / 10) % 2 === 1) want.push(newer[i / 10]!);
      }
      const got = merged([newer, older], true);
      let same = got.length === want.length;
      for (let i = 0; same && i < want.length; i++) same = got[i]!.key === want[i]!.key && got[i]!.seq === want[i]!.seq && got[i]!.value === want[i]!.value;
      if (!same) {
        throw new Error(`two runs of ${N} and ${N / 10} entries (dropTombstones true): the merge holds ${got.length} entries, it should hold ${want.length}; first difference at ${firstDifference(got, want)}`);
      }
      const alone = merged([older], false);
      expect(alone.length, `one run of ${N} entries merges to itself`).toBe(N);
    },
  );
});
