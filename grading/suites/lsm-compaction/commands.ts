/**
 * Model-based testing with fast-check commands: random sequences of puts,
 * deletes, reads, scans, flushes, compactions and (optionally) crashes, run
 * on two trees at once (two disks, two sets of options, one learner module)
 * and against a plain Map of each tree's acknowledged writes. Every read must
 * match its Map; with `checkVersions`, every version must also be well
 * formed after every command, every compaction must return exactly the
 * version it describes, and every recovery exactly the version installed
 * last. A counterexample shrinks to the shortest sequence.
 */
import fc from 'fast-check';
import { Rng, type Storage } from '../../../harness';
import { commands as commandSequences } from '../../../harness/suite';
import { afterCrash, Db, Disk, describeCrash, describeVersion, key, Model, readMismatches, simOf, SMALL, type CrashKind, type LsmModule, type LsmOptions, type Version } from './tree';
import { compactionProblems, recording, recoveredProblems, versionProblems, type CompactionCase, type Trace } from './versions';

/** One tree of the pair, with what the checks need. */
interface Tree {
  db: Db;
  trace: Trace;
  /** Tables whose metadata was checked already (names are never reused while a disk lives). */
  known: Map<string, string>;
}

export interface Real {
  readonly impl: LsmModule;
  readonly trees: Tree[];
  readonly checkVersions: boolean;
}

export interface World {
  readonly models: Model[];
}

type Cmd = fc.Command<World, Real>;

/**
 * The options of the two trees: the suite's usual ones and others at the
 * ends of their ranges (a flush per write, a trigger of 1, a target of 1
 * byte, two levels, twelve L0 tables, one table for everything, and a tree
 * that flushes only when told and never compacts).
 */
const PRESETS: readonly LsmOptions[] = [
  SMALL,
  { memtableBytes: 40, l0Trigger: 1, baseLevelBytes: 1, fanout: 1, levels: 3, targetFileBytes: 1 },
  { memtableBytes: 1, l0Trigger: 12, baseLevelBytes: Number.MAX_SAFE_INTEGER, fanout: 10, levels: 2, targetFileBytes: Number.MAX_SAFE_INTEGER },
  { memtableBytes: 256, l0Trigger: 2, baseLevelBytes: 300, fanout: 2, levels: 6, targetFileBytes: 64 },
  { memtableBytes: Number.MAX_SAFE_INTEGER, l0Trigger: Number.MAX_SAFE_INTEGER, baseLevelBytes: Number.MAX_SAFE_INTEGER, fanout: Number.MAX_SAFE_INTEGER, levels: 8, targetFileBytes: 1 },
];
export const treesArb: fc.Arbitrary<readonly [LsmOptions, LsmOptions]> = fc.tuple(fc.constantFrom(...PRESETS), fc.constantFrom(...PRESETS));

/** Keys: the empty string, names an object would mistake for its own, non-ASCII ones, and k000 … k019. */
const KEYS = ['', '__proto__', 'constructor', 'é', '\u{1F600}', ...Array.from({ length: 19 }, (_, i) => key(i))];
const keyArb = fc.constantFrom(...KEYS);
const treeArb = fc.constantFrom(0, 1);

/** After every command: with checkVersions, the tree's version is well formed on its disk. */
function settle(r: Real, t: number, what: string): void {
  if (!r.checkVersions) return;
  const tree = r.trees[t]!;
  const problems = versionProblems(tree.db.version, tree.db.disk, tree.db.options, tree.known);
  if (problems.length > 0) throw new Error(`tree ${t}, after ${what}, the version is not well formed:\n${problems.join('\n')}\n${describeVersion(tree.db.version)}`);
}

class Put implements Cmd {
  constructor(
    readonly t: number,
    readonly k: string,
    readonly v: string,
  ) {}
  check = () => true;
  run(m: World, r: Real): void {
    r.trees[this.t]!.db.put(this.k, this.v);
    m.models[this.t]!.put(this.k, this.v);
    settle(r, this.t, this.toString());
  }
  toString = () => `tree ${this.t}: put(${JSON.stringify(this.k)}, ${JSON.stringify(this.v)})`;
}

class Delete implements Cmd {
  constructor(
    readonly t: number,
    readonly k: string,
  ) {}
  check = () => true;
  run(m: World, r: Real): void {
    r.trees[this.t]!.db.delete(this.k);
    m.models[this.t]!.delete(this.k);
    settle(r, this.t, this.toString());
  }
  toString = () => `tree ${this.t}: delete(${JSON.stringify(this.k)})`;
}

/** Many writes at once, so that a short sequence still reaches the deeper levels. */
class Burst implements Cmd {
  constructor(
    readonly t: number,
    readonly count: number,
    readonly seed: number,
  ) {}
  check = () => true;
  run(m: World, r: Real): void {
    const rng = new Rng(this.seed);
    const db = r.trees[this.t]!.db;
    const model = m.models[this.t]!;
    for (let i = 0; i < this.count; i++) {
      const k = KEYS[rng.int(0, KEYS.length - 1)]!;
      if (rng.int(0, 3) === 0) {
        db.delete(k);
        model.delete(k);
      } else {
        const v = `b${this.seed % 1000}.${i}`;
        db.put(k, v);
        model.put(k, v);
      }
    }
    settle(r, this.t, this.toString());
  }
  toString = () => `tree ${this.t}: burst(${this.count} writes, seed ${this.seed})`;
}

class Get implements Cmd {
  constructor(
    readonly t: number,
    readonly k: string,
  ) {}
  check = () => true;
  run(m: World, r: Real): void {
    const got = r.trees[this.t]!.db.get(this.k);
    const expected = m.models[this.t]!.live.get(this.k);
    if (got !== expected) throw new Error(`tree ${this.t}: get(${JSON.stringify(this.k)}) returned ${JSON.stringify(got)}; the acknowledged writes say ${JSON.stringify(expected)}`);
  }
  toString = () => `tree ${this.t}: get(${JSON.stringify(this.k)})`;
}

class Scan implements Cmd {
  constructor(
    readonly t: number,
    readonly from: string,
    readonly to: string,
  ) {}
  check = () => true;
  run(m: World, r: Real): void {
    const got = r.trees[this.t]!.db.scan(this.from, this.to);
    const expected = m.models[this.t]!.sorted(this.from, this.to);
    if (JSON.stringify(got) !== JSON.stringify(expected)) {
      throw new Error(`tree ${this.t}: scan(${JSON.stringify(this.from)}, ${JSON.stringify(this.to)}) returned ${JSON.stringify(got)}; the acknowledged writes say ${JSON.stringify(expected)}`);
    }
  }
  toString = () => `tree ${this.t}: scan(${JSON.stringify(this.from)}, ${JSON.stringify(this.to)})`;
}

class Flush implements Cmd {
  constructor(readonly t: number) {}
  check = () => true;
  run(_m: World, r: Real): void {
    r.trees[this.t]!.db.flush();
    settle(r, this.t, this.toString());
  }
  toString = () => `tree ${this.t}: flush()`;
}

class Compact implements Cmd {
  constructor(readonly t: number) {}
  check = () => true;
  run(_m: World, r: Real): void {
    r.trees[this.t]!.db.compact();
    settle(r, this.t, this.toString());
  }
  toString = () => `tree ${this.t}: compact()`;
}

class Crash implements Cmd {
  constructor(
    readonly t: number,
    readonly crash: CrashKind,
  ) {}
  check = () => true;
  run(m: World, r: Real): void {
    const old = r.trees[this.t]!;
    r.trees[this.t] = openTree(r, old.db.options, new Disk(afterCrash(simOf(old.db.disk), this.crash)), old.trace);
    const wrong = readMismatches(r.trees[this.t]!.db, m.models[this.t]!, 3);
    if (wrong.length > 0) throw new Error(`tree ${this.t}, after a crash (${describeCrash(this.crash)}) and recovery:\n${wrong.join('\n')}`);
    settle(r, this.t, this.toString());
  }
  toString = () => `tree ${this.t}: crash(${describeCrash(this.crash)})`;
}

const crashArb: fc.Arbitrary<CrashKind> = fc.oneof(
  fc.constant({ kind: 'process' } as const),
  fc.constant({ kind: 'power-worst' } as const),
  fc.integer({ min: 1, max: 1_000_000 }).map((seed) => ({ kind: 'power', seed }) as const),
);

export function commandsArb(withCrashes: boolean): fc.Arbitrary<Iterable<Cmd>> {
  const commands: fc.Arbitrary<Cmd>[] = [
    fc.tuple(treeArb, keyArb, fc.string({ maxLength: 6 })).map(([t, k, v]) => new Put(t, k, v)),
    fc.tuple(treeArb, keyArb).map(([t, k]) => new Delete(t, k)),
    fc.tuple(treeArb, fc.integer({ min: 10, max: 80 }), fc.integer({ min: 1, max: 1_000_000 })).map(([t, n, s]) => new Burst(t, n, s)),
    fc.tuple(treeArb, keyArb).map(([t, k]) => new Get(t, k)),
    fc.tuple(treeArb, keyArb, keyArb).map(([t, a, b]) => (a <= b ? new Scan(t, a, b) : new Scan(t, b, a))),
    treeArb.map((t) => new Flush(t)),
    treeArb.map((t) => new Compact(t)),
  ];
  if (withCrashes) commands.push(fc.tuple(treeArb, crashArb).map(([t, c]) => new Crash(t, c)), fc.tuple(treeArb, crashArb).map(([t, c]) => new Crash(t, c)));
  return commandSequences(commands, { maxCommands: 40, size: 'max' });
}

/**
 * A tree on `disk`. With checkVersions, its strategy checks every compaction
 * against the version it must return, and (after a crash, given the trace of
 * the tree that crashed) the version recover returns against the one
 * installed last.
 */
function openTree(r: Real, options: LsmOptions, disk: Disk, crashed?: Trace): Tree {
  if (!r.checkVersions) return { db: new Db(r.impl, disk, options), trace: { durable: null, compactions: 0 }, known: new Map() };
  const trace: Trace = { durable: null, compactions: 0 };
  const strategy = recording(r.impl, trace, options, {
    compact(c: CompactionCase, after: Version, storage: Storage) {
      const problems = compactionProblems(c, after, storage);
      if (problems.length > 0) throw new Error(`compact returned a version that is not the one its compaction describes:\n${problems.join('\n')}\nthe version before:\n${describeVersion(c.before)}\nthe version compact returned:\n${describeVersion(after)}`);
    },
    recover(version: Version | null, storage: Storage) {
      if (crashed === undefined) return;
      const problems = recoveredProblems(crashed, version, storage);
      if (problems.length > 0) throw new Error(`after a crash, ${problems.join('\n')}`);
    },
  });
  return { db: new Db(strategy, disk, options), trace, known: new Map() };
}

/** Runs one command sequence on two trees from empty disks, then checks every key and a full scan of each. */
export function runCommands(impl: LsmModule, trees: readonly [LsmOptions, LsmOptions], cmds: Iterable<Cmd>, checkVersions = false): void {
  const world: World = { models: [new Model(), new Model()] };
  const real: Real = { impl, trees: [], checkVersions };
  for (const options of trees) real.trees.push(openTree(real, options, new Disk()));
  fc.modelRun(() => ({ model: world, real }), cmds);
  real.trees.forEach((tree, t) => {
    const wrong = readMismatches(tree.db, world.models[t]!, 3);
    if (wrong.length > 0) throw new Error(`tree ${t} (${JSON.stringify(tree.db.options)}), at the end of the sequence:\n${wrong.join('\n')}`);
  });
}
