/**
 * Model-based testing with fast-check commands: random sequences of puts,
 * deletes, reads, scans, flushes, compactions and (optionally) crashes, run
 * against the tree and against a plain Map of the acknowledged writes. Every
 * read must match the Map; a counterexample shrinks to the shortest sequence.
 */
import fc from 'fast-check';
import { Rng } from '../../../harness';
import { afterCrash, Db, Disk, describeCrash, key, Model, readMismatches, simOf, SMALL, type CrashKind, type LsmModule } from './tree';

export interface Real {
  db: Db;
}

type Cmd = fc.Command<Model, Real>;

const KEYS = 24;
const keyArb = fc.integer({ min: 0, max: KEYS - 1 }).map(key);

class Put implements Cmd {
  constructor(
    readonly k: string,
    readonly v: string,
  ) {}
  check = () => true;
  run(m: Model, r: Real): void {
    r.db.put(this.k, this.v);
    m.put(this.k, this.v);
  }
  toString = () => `put(${this.k}, ${JSON.stringify(this.v)})`;
}

class Delete implements Cmd {
  constructor(readonly k: string) {}
  check = () => true;
  run(m: Model, r: Real): void {
    r.db.delete(this.k);
    m.delete(this.k);
  }
  toString = () => `delete(${this.k})`;
}

/** Many writes at once, so that a short sequence still reaches the deeper levels. */
class Burst implements Cmd {
  constructor(
    readonly count: number,
    readonly seed: number,
  ) {}
  check = () => true;
  run(m: Model, r: Real): void {
    const rng = new Rng(this.seed);
    for (let i = 0; i < this.count; i++) {
      const k = key(rng.int(0, KEYS - 1));
      if (rng.int(0, 3) === 0) {
        r.db.delete(k);
        m.delete(k);
      } else {
        const v = `b${this.seed % 1000}.${i}`;
        r.db.put(k, v);
        m.put(k, v);
      }
    }
  }
  toString = () => `burst(${this.count} writes, seed ${this.seed})`;
}

class Get implements Cmd {
  constructor(readonly k: string) {}
  check = () => true;
  run(m: Model, r: Real): void {
    const got = r.db.get(this.k);
    const expected = m.live.get(this.k);
    if (got !== expected) throw new Error(`get(${this.k}) returned ${JSON.stringify(got)}; the acknowledged writes say ${JSON.stringify(expected)}`);
  }
  toString = () => `get(${this.k})`;
}

class Scan implements Cmd {
  constructor(
    readonly from: string,
    readonly to: string,
  ) {}
  check = () => true;
  run(m: Model, r: Real): void {
    const got = r.db.scan(this.from, this.to);
    const expected = m.sorted(this.from, this.to);
    if (JSON.stringify(got) !== JSON.stringify(expected)) {
      throw new Error(`scan(${this.from}, ${this.to}) returned ${JSON.stringify(got)}; the acknowledged writes say ${JSON.stringify(expected)}`);
    }
  }
  toString = () => `scan(${this.from}, ${this.to})`;
}

class Flush implements Cmd {
  check = () => true;
  run(_m: Model, r: Real): void {
    r.db.flush();
  }
  toString = () => 'flush()';
}

class Compact implements Cmd {
  check = () => true;
  run(_m: Model, r: Real): void {
    r.db.compact();
  }
  toString = () => 'compact()';
}

class Crash implements Cmd {
  constructor(readonly crash: CrashKind) {}
  check = () => true;
  run(m: Model, r: Real): void {
    const disk = new Disk(afterCrash(simOf(r.db.disk), this.crash));
    r.db = new Db(r.db.impl, disk, r.db.options);
    const wrong = readMismatches(r.db, m, 3);
    if (wrong.length > 0) throw new Error(`after a crash (${describeCrash(this.crash)}) and recovery:\n${wrong.join('\n')}`);
  }
  toString = () => `crash(${describeCrash(this.crash)})`;
}

const crashArb: fc.Arbitrary<CrashKind> = fc.oneof(
  fc.constant({ kind: 'process' } as const),
  fc.constant({ kind: 'power-worst' } as const),
  fc.integer({ min: 1, max: 1_000_000 }).map((seed) => ({ kind: 'power', seed }) as const),
);

export function commandsArb(withCrashes: boolean): fc.Arbitrary<Iterable<Cmd>> {
  const commands: fc.Arbitrary<Cmd>[] = [
    fc.tuple(keyArb, fc.string({ maxLength: 6 })).map(([k, v]) => new Put(k, v)),
    keyArb.map((k) => new Delete(k)),
    fc.tuple(fc.integer({ min: 10, max: 80 }), fc.integer({ min: 1, max: 1_000_000 })).map(([n, s]) => new Burst(n, s)),
    keyArb.map((k) => new Get(k)),
    fc.tuple(keyArb, keyArb).map(([a, b]) => (a <= b ? new Scan(a, b) : new Scan(b, a))),
    fc.constant(new Flush()),
    fc.constant(new Compact()),
  ];
  if (withCrashes) commands.push(crashArb.map((c) => new Crash(c)), crashArb.map((c) => new Crash(c)));
  return fc.commands(commands, { maxCommands: 40, size: 'max' });
}

/** Runs one command sequence from an empty disk, then checks every key and a full scan. */
export function runCommands(impl: LsmModule, cmds: Iterable<Cmd>): void {
  const model = new Model();
  const real: Real = { db: new Db(impl, new Disk(), SMALL) };
  fc.modelRun(() => ({ model, real }), cmds);
  const wrong = readMismatches(real.db, model, 3);
  if (wrong.length > 0) throw new Error(`at the end of the sequence:\n${wrong.join('\n')}`);
}
