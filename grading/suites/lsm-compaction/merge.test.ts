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

/** Random runs: each sorted by key with one entry per key; seqs unique across all runs and unrelated to run order. */
const runsArb = fc
  .array(fc.record({ key: fc.integer({ min: 0, max: 30 }), run: fc.integer({ min: 0, max: 5 }), tombstone: fc.boolean(), value: fc.string({ maxLength: 3 }) }), { maxLength: 80 })
  .chain((writes) => fc.tuple(fc.constant(writes), fc.shuffledSubarray(writes.map((_, i) => i + 1), { minLength: writes.length, maxLength: writes.length })))
  .map(([writes, seqs]) => {
    const runs: Map<string, Entry>[] = Array.from({ length: 6 }, () => new Map());
    writes.forEach((w, i) => {
      const key = `k${String(w.key).padStart(2, '0')}`;
      runs[w.run]!.set(key, { key, seq: seqs[i]!, value: w.tombstone ? null : `v${w.value}` });
    });
    return runs.map((r) => [...r.values()].sort((a, b) => compareKeys(a.key, b.key))).filter((r, i) => r.length > 0 || i === 0);
  });

/** For each key, its newest entry, in key order. */
function newest(runs: readonly (readonly Entry[])[]): Entry[] {
  const best = new Map<string, Entry>();
  for (const r of runs) for (const e of r) if ((best.get(e.key)?.seq ?? -1) < e.seq) best.set(e.key, e);
  return [...best.values()].sort((a, b) => compareKeys(a.key, b.key));
}

const show = (entries: readonly Entry[]): string => entries.map((e) => `${e.key}@${e.seq}=${e.value === null ? '⊥' : JSON.stringify(e.value)}`).join(' ');

function merged(runs: readonly (readonly Entry[])[], drop: boolean): Entry[] {
  const out = run('mergeRuns', () => suite.impl().mergeRuns(runs, drop));
  if (!Array.isArray(out)) throw new Error(`mergeRuns returned ${typeof out}, not an array of entries`);
  return out;
}

suite.task(1, () => {
  suite.test(
    {
      points: 6,
      category: 'correctness',
      name: 'the merge is sorted by key, holds one entry per key, and every key of the inputs that is still live',
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
      points: 6,
      category: 'correctness',
      name: 'the newest version of a key (the highest seq) wins, whatever the order of the runs',
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
    },
  );

  suite.test(
    {
      points: 5,
      category: 'correctness',
      name: 'without dropTombstones, a key whose newest version is a tombstone keeps that tombstone, and nothing older',
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
      hint: 'Decide what survives per key after choosing its newest version: if that is a tombstone, emit nothing for the key. Filtering tombstones out of the runs before merging lets the older value win instead.',
    },
    (t) => {
      t.check(
        fc.property(runsArb, (runs) => {
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
      name: 'keys compare by UTF-16 code unit, as compareKeys does, not by locale: "Z" before "a", "é" after "z"',
      hint: 'Use compareKeys from format.ts (or `<`). localeCompare sorts "a" before "Z" and puts accented letters beside their base letter, and the tree binary-searches its tables in code-unit order.',
    },
    () => {
      const keys = ['A', 'Z', '_', 'a', 'b', 'z', 'é', '日本', '\u{1F600}', '\uFFFD'];
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
});
