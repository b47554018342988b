/**
 * Visible tests: a few worked examples of the contract, to read before you
 * start. They earn no points; the hidden suite (grading/suites/lsm-compaction)
 * does, and `npm test` runs both. `@impl/lsm-compaction` is your
 * compaction.ts; `@impl/lsm-compaction/engine` and `@impl/lsm-compaction/format`
 * are the provided engine.ts and format.ts.
 *
 * The first tests call mergeRuns and pickCompaction by hand; the last run a
 * whole tree on a simulated disk, and crash it.
 */
import { describe, expect, test } from 'vitest';
import { mergeRuns, pickCompaction } from '@impl/lsm-compaction';
import * as compaction from '@impl/lsm-compaction';
import { LsmTree, emptyVersion } from '@impl/lsm-compaction/engine';
import { DEFAULT_OPTIONS, compareKeys, logFileName, tableFileName, type Entry, type LsmOptions, type TableMeta, type Version } from '@impl/lsm-compaction/format';
import { Rng, SimStorage } from '@faultline/harness';

/** Small enough that a few hundred writes flush often and fill L1 and L2. */
const SMALL: LsmOptions = { memtableBytes: 200, l0Trigger: 3, baseLevelBytes: 600, fanout: 3, levels: 4, targetFileBytes: 200 };

const put = (key: string, seq: number, value: string): Entry => ({ key, seq, value });
const del = (key: string, seq: number): Entry => ({ key, seq, value: null });

/** What the manifest would say about a table, without the table: pickCompaction reads only this. */
const meta = (n: number, smallest: string, largest: string): TableMeta => ({ file: tableFileName(n), smallest, largest, bytes: 100, entries: 10, maxSeq: n });

/**
 * Random puts and deletes (one in four) on 40 keys, applied to the tree and to
 * a Map, the model; `after` runs after each write, once it is acknowledged.
 */
function workload(tree: LsmTree, writes: number, name = 'w', model = new Map<string, string>(), after: () => void = () => {}): Map<string, string> {
  const rng = Rng.stream(1, `visible/lsm-compaction/${name}`);
  for (let i = 0; i < writes; i++) {
    const key = `k${String(rng.int(0, 39)).padStart(2, '0')}`;
    if (rng.int(0, 3) === 0) {
      tree.delete(key);
      model.delete(key);
    } else {
      tree.put(key, `${name}${i}`);
      model.set(key, `${name}${i}`);
    }
    after();
  }
  return model;
}

/** The model's live keys, in key order: what `scan()` must return. */
const sorted = (model: Map<string, string>): [string, string][] => [...model].sort(([a], [b]) => compareKeys(a, b));

describe('task 1: merging runs', () => {
  test('the newest version of each key wins, whatever the order of the runs', () => {
    const older = [put('a', 1, 'a1'), put('b', 2, 'b1'), put('d', 3, 'd1')];
    const newer = [put('a', 5, 'a2'), put('c', 6, 'c1'), del('d', 7)];
    const expected = [put('a', 5, 'a2'), put('b', 2, 'b1'), put('c', 6, 'c1'), del('d', 7)];
    expect(mergeRuns([older, newer], false)).toEqual(expected);
    expect(mergeRuns([newer, older], false)).toEqual(expected); // the seq decides, not the position
  });

  test('a tombstone is kept while tombstones may not be dropped, and takes every older version with it when they may', () => {
    const runs = [[put('k', 2, 'old')], [del('k', 4)], [put('k', 1, 'older'), put('z', 3, 'z')]];
    // An older 'k' may lie in a level this merge did not see: the tombstone must stay to hide it.
    expect(mergeRuns(runs, false)).toEqual([del('k', 4), put('z', 3, 'z')]);
    // Nothing lies deeper: the key is gone, and no older value resurfaces.
    expect(mergeRuns(runs, true)).toEqual([put('z', 3, 'z')]);
  });
});

describe('task 2: leveled compaction', () => {
  test('an empty tree, or one whose L0 is below the trigger, needs no compaction', () => {
    const empty = emptyVersion(DEFAULT_OPTIONS);
    expect(pickCompaction(empty, DEFAULT_OPTIONS)).toBeNull();
    const threeTables: Version = { ...empty, levels: [[meta(4, 'a', 'c'), meta(3, 'b', 'd'), meta(2, 'a', 'b')], [], [], []] };
    expect(pickCompaction(threeTables, DEFAULT_OPTIONS)).toBeNull(); // 3 of l0Trigger 4
  });

  test('at the L0 trigger, all of L0 goes down with every L1 table its range meets', () => {
    const l0 = [meta(9, 'c', 'e'), meta(8, 'b', 'd'), meta(7, 'c', 'd'), meta(6, 'b', 'e')]; // newest first: b..e
    const l1 = [meta(2, 'a', 'c'), meta(3, 'd', 'f'), meta(4, 'x', 'z')];
    const l2 = [meta(5, 'f', 'h')];
    const version: Version = { levels: [l0, l1, l2, []], nextFile: 10, lastSeq: 100, log: logFileName(1) };
    expect(pickCompaction(version, DEFAULT_OPTIONS)).toEqual({
      level: 0,
      inputs: l0,
      overlapping: [l1[0], l1[1]], // a..c and d..f meet b..e; x..z does not
      // Inputs and overlapping together span a..f, and L2's f..h meets it: a tombstone for 'f' may hide an older 'f' there.
      dropTombstones: false,
    });
  });
});

describe('the whole tree', () => {
  test('a small tree reads back every write after puts and deletes that flush and compact many times', () => {
    const tree = LsmTree.open(new SimStorage(), compaction, SMALL);
    const model = workload(tree, 400);
    expect(tree.stats.compactions).toBeGreaterThan(0);
    for (let k = 0; k < 40; k++) {
      const key = `k${String(k).padStart(2, '0')}`;
      expect(tree.get(key), key).toBe(model.get(key));
    }
    expect(tree.scan()).toEqual(sorted(model));
  });

  test('every acknowledged write survives the worst crash', () => {
    const storage = new SimStorage();
    const tree = LsmTree.open(storage, compaction, SMALL);
    const model = new Map<string, string>();
    workload(tree, 300, 'w', model, () => {
      // The worst crash now: every unsynced byte and every directory change since the last syncDirectory is lost.
      const disk = storage.durableCopy();
      const reopened = LsmTree.open(disk, compaction, SMALL);
      expect(reopened.scan()).toEqual(sorted(model));
    });
  });

  test('a crash at any storage call of a flush and the compaction it starts loses no acknowledged write', () => {
    const storage = new SimStorage();
    const crashes: SimStorage[] = [];
    let recording = false;
    // The tree's disk, which keeps what the worst crash would leave just before each call made on it.
    const disk = new Proxy(storage, {
      get(target, name) {
        const member = Reflect.get(target, name);
        if (typeof member !== 'function') return member;
        return (...args: unknown[]) => {
          if (recording) crashes.push(target.durableCopy());
          return member.apply(target, args);
        };
      },
    });
    const options = { ...SMALL, memtableBytes: 1e9 }; // flush only when told to
    const tree = LsmTree.open(disk, compaction, options);
    const model = new Map<string, string>();
    for (let round = 0; round < options.l0Trigger; round++) {
      workload(tree, 30, `r${round}-`, model);
      recording = round === options.l0Trigger - 1;
      tree.flush(); // the last one fills L0 up to the trigger, and compacts it into L1
    }
    crashes.push(storage.durableCopy());
    expect(tree.stats.compactions).toBeGreaterThan(0);
    crashes.forEach((crashed, call) => {
      expect(LsmTree.open(crashed, compaction, options).scan(), `after a crash before storage call ${call + 1} of the flush`).toEqual(sorted(model));
    });
  });
});
