import { describe, expect, test } from 'vitest';
import { Rng, SimStorage } from '../index';
import { SimStorage as Storage } from '../sim';

const bytes = (...values: number[]) => Uint8Array.from(values);
const text = (b: Uint8Array | undefined) => (b === undefined ? undefined : Array.from(b).join(','));
const seeds = Array.from({ length: 200 }, (_, i) => i + 1);

describe('simulated storage', () => {
  test('without a crash, reads see every write, synced or not', () => {
    const s = new Storage();
    s.append('log', bytes(1, 2));
    s.append('log', bytes(3));
    s.write('meta', bytes(9));
    s.rename('meta', 'meta2');
    expect(text(s.read('log'))).toBe('1,2,3');
    expect(text(s.read('meta2'))).toBe('9');
    expect(s.list()).toEqual(['log', 'meta2']);
  });

  test('what was synced, under a name the directory knows, survives every crash', () => {
    for (const seed of seeds) {
      const s = new Storage();
      s.append('log', bytes(1, 2, 3));
      s.sync('log');
      s.syncDirectory();
      s.crash(new Rng(seed));
      expect(text(s.read('log')), `seed ${seed}`).toBe('1,2,3');
    }
  });

  test('a crash keeps a prefix of the unsynced appends: from none to all of them, never other bytes', () => {
    const kept = new Set<number>();
    for (const seed of seeds) {
      const s = new Storage();
      s.append('log', bytes(1, 2));
      s.sync('log');
      s.syncDirectory();
      s.append('log', bytes(3, 4, 5, 6));
      const report = s.crash(new Rng(seed));
      const after = Array.from(s.read('log')!);
      expect(after.slice(0, 2), `seed ${seed}`).toEqual([1, 2]);
      expect(after, `seed ${seed}`).toEqual([1, 2, 3, 4, 5, 6].slice(0, after.length));
      kept.add(after.length - 2);
      if (after.length < 6) expect(report.torn).toEqual([{ name: 'log', kept: after.length - 2, of: 4 }]);
    }
    expect([...kept].sort()).toEqual([0, 1, 2, 3, 4]);
  });

  test('a file rewritten in place since its last sync keeps its old contents, all of the new, or a prefix of the new', () => {
    const seen = new Set<string>();
    for (const seed of seeds) {
      const s = new Storage();
      s.write('manifest', bytes(1));
      s.sync('manifest');
      s.syncDirectory();
      s.write('manifest', bytes(2, 3, 4));
      const report = s.crash(new Rng(seed));
      const after = text(s.read('manifest'))!;
      expect(['1', '', '2', '2,3', '2,3,4'], `seed ${seed}`).toContain(after);
      seen.add(after);
      if (after === '1') expect(report.reverted).toEqual(['manifest']);
      else expect(report.reverted).toEqual([]);
      const kept = after === '' ? 0 : after.split(',').length;
      if (after !== '1' && kept < 3) expect(report.tornRewrites).toEqual([{ name: 'manifest', kept, of: 3 }]);
    }
    expect([...seen].sort()).toEqual(['', '1', '2', '2,3', '2,3,4']);
  });

  test('a rewritten file that was synced again survives whole', () => {
    for (const seed of seeds.slice(0, 20)) {
      const s = new Storage();
      s.write('manifest', bytes(1));
      s.sync('manifest');
      s.syncDirectory();
      s.write('manifest', bytes(2, 2));
      s.sync('manifest');
      const report = s.crash(new Rng(seed));
      expect(text(s.read('manifest')), `seed ${seed}`).toBe('2,2');
      expect(report.reverted.length + report.tornRewrites.length).toBe(0);
    }
  });

  test('a clone is a separate disk in the same state: it crashes as the original would, and changes to one leave the other alone', () => {
    const disk = () => {
      const s = new Storage();
      s.append('log', bytes(1, 2));
      s.sync('log');
      s.syncDirectory();
      s.append('log', bytes(3, 4));
      s.write('new', bytes(5));
      s.rename('new', 'renamed');
      return s;
    };
    const contents = (s: Storage) => s.list().map((name) => `${name}=${text(s.read(name))}`);
    for (const seed of seeds.slice(0, 50)) {
      const original = disk();
      const twin = original.clone();
      twin.append('log', bytes(9));
      expect(text(original.read('log'))).toBe('1,2,3,4');
      const fresh = disk();
      const reports = [fresh.crash(new Rng(seed)), original.clone().crash(new Rng(seed))];
      expect(reports[1], `seed ${seed}`).toEqual(reports[0]);
      const crashed = original.clone();
      crashed.crash(new Rng(seed));
      expect(contents(crashed), `seed ${seed}`).toEqual(contents(fresh));
      expect(contents(original)).toEqual(['log=1,2,3,4', 'renamed=5']);
    }
  });

  test('a file created since the last directory sync may vanish; after syncDirectory it never does', () => {
    const outcomes = new Set<boolean>();
    for (const seed of seeds) {
      const s = new Storage();
      s.append('new', bytes(7));
      s.sync('new');
      s.crash(new Rng(seed));
      outcomes.add(s.read('new') !== undefined);

      const t = new Storage();
      t.append('new', bytes(7));
      t.sync('new');
      t.syncDirectory();
      t.crash(new Rng(seed));
      expect(text(t.read('new')), `seed ${seed}`).toBe('7');
    }
    expect([...outcomes].sort()).toEqual([false, true]);
  });

  test('a removed file may come back until the removal is synced', () => {
    const outcomes = new Set<boolean>();
    for (const seed of seeds) {
      const s = new Storage();
      s.append('old', bytes(5));
      s.sync('old');
      s.syncDirectory();
      s.remove('old');
      s.crash(new Rng(seed));
      outcomes.add(s.read('old') !== undefined);
      if (s.read('old')) expect(text(s.read('old'))).toBe('5');
    }
    expect([...outcomes].sort()).toEqual([false, true]);
  });

  test('a rename survives a crash whole or not at all: never both names, never neither', () => {
    const outcomes = new Set<string>();
    for (const seed of seeds) {
      const s = new Storage();
      s.write('tmp', bytes(4));
      s.sync('tmp');
      s.syncDirectory();
      s.rename('tmp', 'current');
      s.crash(new Rng(seed));
      expect(s.list().length, `seed ${seed}: ${s.list().join(',')}`).toBe(1);
      outcomes.add(s.list()[0]!);
      expect(text(s.read(s.list()[0]!))).toBe('4');
    }
    expect([...outcomes].sort()).toEqual(['current', 'tmp']);
  });

  test('directory operations survive in order: a later one never without the earlier ones', () => {
    for (const seed of seeds) {
      const s = new Storage();
      s.syncDirectory();
      for (const name of ['a', 'b', 'c', 'd']) {
        s.append(name, bytes(1));
        s.sync(name);
      }
      s.crash(new Rng(seed));
      expect(['a', 'b', 'c', 'd'].slice(0, s.list().length), `seed ${seed}`).toEqual(s.list());
    }
  });

  test('the same seed loses the same bytes', () => {
    const run = (seed: number) => {
      const s = new Storage();
      s.append('log', bytes(1, 2, 3, 4, 5, 6, 7, 8));
      s.append('other', bytes(1));
      return [JSON.stringify(s.crash(new Rng(seed))), s.list().join(), text(s.read('log'))];
    };
    expect(run(42)).toEqual(run(42));
  });

  test('cost counters count the node\'s own bytes written and syncs, not the crash\'s', () => {
    const s = new Storage();
    s.append('log', bytes(1, 2, 3));
    s.write('meta', bytes(4, 5));
    s.sync('log');
    s.syncDirectory();
    s.crash(new Rng(1));
    expect(s.stats).toEqual({ syncs: 1, directorySyncs: 1, bytesWritten: 5 });
  });

  test('a durable copy holds exactly what the worst crash would leave, and leaves the disk as it was', () => {
    const s = new Storage();
    s.append('log', bytes(1, 2));
    s.sync('log');
    s.write('meta', bytes(7));
    s.sync('meta');
    s.syncDirectory();
    s.append('log', bytes(3));
    s.write('meta', bytes(8));
    s.write('fresh', bytes(9));
    s.sync('fresh');
    s.remove('meta');
    const copy = s.durableCopy();
    expect(copy.list()).toEqual(['log', 'meta']);
    expect(text(copy.read('log'))).toBe('1,2');
    expect(text(copy.read('meta'))).toBe('7');
    expect(s.list()).toEqual(['fresh', 'log']);
    expect(text(s.read('log'))).toBe('1,2,3');
    const worst = new Storage();
    worst.append('log', bytes(1, 2));
    worst.sync('log');
    worst.syncDirectory();
    worst.append('log', bytes(3));
    worst.crash({ int: (min: number) => min } as unknown as Rng);
    expect(text(worst.read('log'))).toBe(text(worst.durableCopy().read('log')));
    copy.append('log', bytes(4));
    expect(text(s.read('log'))).toBe('1,2,3');
  });

  test('the public face exports the same class', () => {
    expect(SimStorage).toBe(Storage);
  });
});
