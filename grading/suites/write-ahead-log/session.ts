/**
 * The model-based test of the whole log: sessions of appends (of records of
 * every size, some of them views into larger buffers that the caller
 * overwrites afterwards), syncs, reads (whose results the caller spoils),
 * checkpoints anywhere in their range, and reopens after the process dies or
 * the power fails, checked against a model after every call.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { Rng, SimStorage } from '../../../harness';
import { commands, type GradedContext } from '../../../harness/suite';
import { zeroFilledAtRandom } from '../../../harness/storage';
import { parseSegmentName } from '../../../exercises/write-ahead-log/format';
import { expectRecords, openLog, record, type WalLike, type WalSuiteModule } from './support';

interface Model {
  /** Every record appended, by LSN (those a crash took back are dropped). */
  records: Uint8Array[];
  first: number;
  durable: number;
  readonly options: { readonly blockBytes: number; readonly segmentBytes: number };
}
interface Real {
  disk: SimStorage;
  wal: WalLike;
  readonly mod: WalSuiteModule;
}

const isLogFile = (name: string): boolean => parseSegmentName(name) !== undefined || name === 'CHECKPOINT' || name.endsWith('.tmp');

/** What must hold after every command: the getters, and the files (WAL-0.5). */
function expectState(m: Model, r: Real, after: string): void {
  expect({ firstLsn: r.wal.firstLsn, nextLsn: r.wal.nextLsn, durableLsn: r.wal.durableLsn }, `after ${after}: the getters`).toEqual({
    firstLsn: m.first,
    nextLsn: m.records.length,
    durableLsn: m.durable,
  });
  const strangers = r.disk.list().filter((name) => !isLogFile(name));
  expect(strangers, `after ${after}: files that are not segments, CHECKPOINT or .tmp (WAL-0.5)`).toEqual([]);
}

class Append implements fc.Command<Model, Real> {
  constructor(
    readonly size: number,
    readonly pad: number,
    readonly overwrite: boolean,
    readonly buffer: boolean,
  ) {}
  check = () => true;
  run(m: Model, r: Real): void {
    const lsn = m.records.length;
    // A Node Buffer is a Uint8Array whose slice() is a view of the same memory.
    const whole = this.buffer ? Buffer.from(record(lsn + 7, this.size + 2 * this.pad)) : record(lsn + 7, this.size + 2 * this.pad);
    whole.set(record(lsn, this.size), this.pad);
    const view = whole.subarray(this.pad, this.pad + this.size);
    const copy = new Uint8Array(view); // not view.slice(): a Buffer's is a view
    expect(r.wal.append(view), `${this.toString()}: the LSN`).toBe(lsn);
    if (this.overwrite) whole.fill(0xab);
    m.records.push(copy);
    expectState(m, r, this.toString());
  }
  toString = () => `append(${this.size} bytes${this.buffer ? ' in a Buffer' : ''}${this.pad > 0 ? `, a view at byte ${this.pad} of a larger buffer` : ''}${this.overwrite ? ', then overwritten by the caller' : ''})`;
}

class Sync implements fc.Command<Model, Real> {
  check = () => true;
  run(m: Model, r: Real): void {
    expect(r.wal.sync(), 'sync()').toBe(m.records.length);
    m.durable = m.records.length;
    expectState(m, r, 'sync()');
  }
  toString = () => 'sync()';
}

class Read implements fc.Command<Model, Real> {
  constructor(readonly pick: number) {}
  check = () => true;
  run(m: Model, r: Real): void {
    const from = m.first + (this.pick % (m.records.length - m.first + 1));
    const got = r.wal.read(from);
    expectRecords(got, m.records.slice(from), `read(${from})`, from);
    // The caller spoils what it got; the log must not care.
    for (const x of got) x.fill(0xcd);
    got.reverse();
    got.push(new Uint8Array(3));
    expectRecords(r.wal.read(from), m.records.slice(from), `read(${from}) again, after the caller overwrote, reordered and grew the last result`, from);
    expectState(m, r, `read(${from})`);
  }
  toString = () => `read(firstLsn + pick ${this.pick})`;
}

class Checkpoint implements fc.Command<Model, Real> {
  constructor(readonly pick: number) {}
  check = () => true;
  run(m: Model, r: Real): void {
    const lsn = m.first + (this.pick % (m.durable - m.first + 1));
    r.wal.checkpoint(lsn);
    m.first = lsn;
    expectState(m, r, `checkpoint(${lsn})`);
    // Segments wholly below the checkpoint are gone, and the last is never removed.
    const bases = r.disk
      .list()
      .map((name) => parseSegmentName(name))
      .filter((b) => b !== undefined)
      .sort((a, b) => a - b);
    if (m.records.length > 0) {
      expect(bases.length, `after checkpoint(${lsn}): segments left`).toBeGreaterThan(0);
      expect(bases.length > 1 && bases[1]! <= lsn, `after checkpoint(${lsn}): a segment wholly below it is still there (segments at ${bases.join(', ')})`).toBe(false);
    }
  }
  toString = () => `checkpoint(firstLsn + pick ${this.pick})`;
}

/** The process dies, or the power fails (the worst way, or a random way with zero-filled tails), and the log is opened again. */
class Reopen implements fc.Command<Model, Real> {
  constructor(readonly crash: 'process' | 'worst' | number) {}
  check = () => true;
  run(m: Model, r: Real): void {
    if (this.crash === 'worst') r.disk = r.disk.durableCopy();
    else if (typeof this.crash === 'number') {
      const rng = new Rng(this.crash);
      zeroFilledAtRandom(r.disk, r.disk.crash(rng), rng);
    }
    const { wal, report } = openLog(r.mod, r.disk, m.options, this.toString());
    r.wal = wal;
    expect(wal.firstLsn, `${this.toString()}: firstLsn, the last checkpoint that returned`).toBe(m.first);
    const next = wal.nextLsn;
    if (this.crash === 'process') expect(next, `${this.toString()}: nextLsn`).toBe(m.records.length);
    expect(next, `${this.toString()}: nextLsn, at least what sync last returned`).toBeGreaterThanOrEqual(m.durable);
    expect(next, `${this.toString()}: nextLsn, at most what was appended`).toBeLessThanOrEqual(m.records.length);
    m.records = m.records.slice(0, next);
    m.durable = next;
    expect(report.nextLsn, `${this.toString()}: report.nextLsn`).toBe(next);
    expectRecords(wal.read(m.first), m.records.slice(m.first), `${this.toString()}: the records`, m.first);
    expectState(m, r, this.toString());
  }
  toString = () => (this.crash === 'process' ? 'the process dies; open' : this.crash === 'worst' ? 'the power fails, losing everything unsynced; open' : `the power fails (crash seed ${this.crash}); open`);
}

const optionsArb = fc.oneof(
  fc.record({ blockBytes: fc.constantFrom(8, 16, 32), segmentBytes: fc.constantFrom(1, 20, 64, 200) }),
  fc.constant({ blockBytes: 32_768, segmentBytes: 2 ** 30 }),
);

/** Sessions of every call of the log, each checked against the model. */
export function checkSessions(t: GradedContext, mod: WalSuiteModule, numRuns: number): void {
  const cmds = commands<Model, Real>(
    [
      fc.tuple(fc.oneof(fc.constantFrom(0, 1, 9, 10, 25), fc.integer({ min: 0, max: 70 })), fc.constantFrom(0, 0, 3), fc.boolean(), fc.boolean()).map(([size, pad, overwrite, buffer]) => new Append(size, pad, overwrite, buffer)),
      fc.constant(new Sync()),
      fc.nat().map((pick) => new Read(pick)),
      fc.nat().map((pick) => new Checkpoint(pick)),
      fc.oneof(fc.constant<'process' | 'worst'>('process'), fc.constant<'process' | 'worst'>('worst'), fc.nat()).map((crash) => new Reopen(crash)),
    ],
    { maxCommands: 40 },
  );
  t.check(
    fc.property(optionsArb, cmds, (options, session) => {
      const disk = new SimStorage();
      const { wal } = openLog(mod, disk, options, 'open on an empty disk');
      fc.modelRun(() => ({ model: { records: [], first: 0, durable: 0, options }, real: { disk, wal, mod } }), session);
    }),
    { numRuns },
  );
}
