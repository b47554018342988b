/**
 * Task 4 — when the disk says no. A workload runs once for each sync or
 * syncDirectory call it makes, with that call failing with EIO
 * (harness/storage, FailingStorage: the failed sync's data never becomes
 * durable, and later syncs of the file report success and do nothing, as
 * Linux does). The log must throw that error, refuse every write after it,
 * never claim more durability, and keep serving reads.
 */
import { expect } from 'vitest';
import { SimStorage } from '../../../harness';
import { FailingStorage } from '../../../harness/storage';
import { CountingStorage, describeError, expectRecords, openLog, record, walSuite, type WalLike, type WalSuiteModule } from './support';

const suite = walSuite();

/** One run with the `failAt`-th sync failing: what the log did, up to the failure and after it. */
interface FailedRun {
  readonly failAt: number;
  readonly blockBytes: number;
  readonly segmentBytes: number;
  readonly what: string;
  readonly disk: SimStorage;
  readonly counting: CountingStorage;
  readonly storage: FailingStorage;
  readonly wal: WalLike | undefined;
  /** Every record whose append returned, by LSN. */
  readonly appended: Uint8Array[];
  /** The call that threw, what it threw, and the getters just before it. */
  readonly failed: { readonly call: string; readonly thrown: unknown; readonly before: { firstLsn: number; nextLsn: number; durableLsn: number } } | undefined;
}

const STEPS: readonly (readonly ['append', number] | readonly ['sync'] | readonly ['checkpoint'])[] = [
  ['append', 5],
  ['append', 0],
  ['sync'],
  ['append', 20],
  ['append', 9],
  ['sync'],
  ['checkpoint'],
  ['append', 3],
  ['append', 30],
  ['sync'],
  ['append', 1],
  ['sync'],
];

function failedRun(mod: WalSuiteModule, failAt: number, blockBytes: number, segmentBytes: number): FailedRun {
  const disk = new SimStorage();
  const storage = new FailingStorage(disk, { failAt });
  const counting = new CountingStorage(storage);
  const appended: Uint8Array[] = [];
  const what = `blockBytes ${blockBytes}, segmentBytes ${segmentBytes}, the sync call number ${failAt} failing with EIO`;
  let wal: WalLike | undefined;
  let failed: FailedRun['failed'];
  const base = { failAt, blockBytes, segmentBytes, what, disk, counting, storage, appended };
  try {
    wal = mod.Wal.open(counting, { blockBytes, segmentBytes }).wal;
  } catch (thrown) {
    if (thrown instanceof Error && thrown.name === 'NotImplementedError') throw thrown;
    return { ...base, wal: undefined, failed: { call: 'Wal.open', thrown, before: { firstLsn: 0, nextLsn: 0, durableLsn: 0 } } };
  }
  for (const step of STEPS) {
    const before = { firstLsn: wal.firstLsn, nextLsn: wal.nextLsn, durableLsn: wal.durableLsn };
    const call = step[0] === 'append' ? `append(${step[1]} bytes)` : step[0] === 'sync' ? 'sync()' : `checkpoint(${before.durableLsn})`;
    try {
      if (step[0] === 'append') {
        const r = record(appended.length, step[1]);
        wal.append(r);
        appended.push(r);
      } else if (step[0] === 'sync') wal.sync();
      else wal.checkpoint(wal.durableLsn);
    } catch (thrown) {
      if (thrown instanceof Error && thrown.name === 'NotImplementedError') throw thrown;
      failed = { call, thrown, before };
      break;
    }
  }
  return { ...base, wal, failed };
}

/** Every run of the workload with one of its sync calls failing, for two shapes of log. */
function everyFailure(mod: WalSuiteModule): FailedRun[] {
  const runs: FailedRun[] = [];
  for (const [blockBytes, segmentBytes] of [
    [16, 24],
    [32_768, 1],
  ] as const) {
    for (let failAt = 1; ; failAt++) {
      const run = failedRun(mod, failAt, blockBytes, segmentBytes);
      if (run.storage.failure === undefined) break;
      runs.push(run);
    }
  }
  expect(runs.length, 'runs with a failing sync: the workload syncs').toBeGreaterThan(6);
  return runs;
}

suite.task(4, () => {
  suite.test(
    {
      points: 8,
      category: 'faults',
      name: 'a failed sync is thrown as it is, and afterwards every append, sync and checkpoint throws WalFailedError with it as the cause, touching no storage',
      hint: 'README, WAL-4.1: catch the storage error only to remember it, rethrow the very same object; from then on refuse every write before touching the disk.',
      clauses: ['WAL-4.1', 'WAL-2.8'],
    },
    (t) => {
      const mod = suite.impl();
      void t;
      for (const run of everyFailure(mod)) {
        const error = run.storage.failure!.error;
        if (run.failed === undefined) expect.fail(`${run.what}: ${run.storage.failure!.call} failed, yet every call of the workload returned normally: the error was swallowed`);
        expect(run.failed.thrown === error, `${run.what}: ${run.failed.call} should throw the storage's error itself, but threw ${describeError(run.failed.thrown)}`).toBe(true);
        if (run.wal === undefined) continue;
        const wal = run.wal;
        const attempts: [string, () => unknown][] = [
          ['append(3 bytes)', () => wal.append(record(99, 3))],
          ['sync()', () => wal.sync()],
          ['checkpoint(firstLsn)', () => wal.checkpoint(wal.firstLsn)],
          ['append of something that is not a record', () => wal.append('x' as unknown as Uint8Array)],
          ['sync() again', () => wal.sync()],
        ];
        for (const [call, attempt] of attempts) {
          const calls = run.counting.calls.length;
          let thrown: unknown;
          try {
            attempt();
          } catch (e) {
            thrown = e;
          }
          if (!(thrown instanceof mod.format.WalFailedError)) {
            expect.fail(`${run.what}: after ${run.failed.call} failed, ${call} should throw WalFailedError, but ${thrown === undefined ? 'returned' : `threw ${describeError(thrown)}`}`);
          }
          expect(thrown.cause === error, `${run.what}: the WalFailedError of ${call} should have the storage's error as its cause`).toBe(true);
          expect(run.counting.calls.slice(calls), `${run.what}: storage calls made by ${call} after the failure`).toEqual([]);
        }
      }
    },
  );

  suite.test(
    {
      points: 9,
      category: 'faults',
      name: 'after a failed sync the log never claims more durability, and a power failure keeps every record it did claim',
      hint: 'README, WAL-4.2: do not retry the sync — after EIO the kernel may have dropped the pages, and a second fsync succeeds with the data gone (fsyncgate). durableLsn stays where it was.',
      clauses: ['WAL-4.2', 'WAL-4.1', 'WAL-2.7'],
    },
    (t) => {
      const mod = suite.impl();
      void t;
      for (const run of everyFailure(mod)) {
        if (run.wal === undefined) continue;
        const wal = run.wal;
        // What the log claims: if it swallowed the failure, whatever durableLsn it reports now.
        let claimed = wal.durableLsn;
        if (run.failed !== undefined) {
          const { before } = run.failed;
          expect(wal.durableLsn, `${run.what}: durableLsn after ${run.failed.call} failed`).toBe(before.durableLsn);
          try {
            wal.sync();
          } catch {
            // Refused, as it must be.
          }
          expect(wal.durableLsn, `${run.what}: durableLsn after ${run.failed.call} failed and sync() was tried again`).toBe(before.durableLsn);
          claimed = before.durableLsn;
        }
        const recovered = openLog(mod, run.disk.durableCopy(), { blockBytes: run.blockBytes, segmentBytes: run.segmentBytes }, `${run.what}; then a power failure`);
        const next = recovered.wal.nextLsn;
        if (next < claimed) {
          expect.fail(`${run.what}: the log said records below ${claimed} were durable, and after a power failure only ${next} came back`);
        }
        expectRecords(recovered.wal.read(recovered.wal.firstLsn), run.appended.slice(recovered.wal.firstLsn, next), `${run.what}; then a power failure: the records`, recovered.wal.firstLsn);
      }
    },
  );

  suite.test(
    {
      points: 3,
      category: 'correctness',
      name: 'after a failure, read and the getters still answer, and a failed append used no LSN',
      hint: 'README, WAL-4.1 and WAL-4.3: the log refuses writes, not reads; the records appended before the failure, synced or not, are still readable.',
      clauses: ['WAL-4.3', 'WAL-4.1'],
    },
    (t) => {
      const mod = suite.impl();
      void t;
      for (const run of everyFailure(mod)) {
        if (run.failed === undefined || run.wal === undefined) continue;
        const wal = run.wal;
        const { before } = run.failed;
        expect({ firstLsn: wal.firstLsn, nextLsn: wal.nextLsn }, `${run.what}: the getters after ${run.failed.call} failed`).toEqual({ firstLsn: before.firstLsn, nextLsn: before.nextLsn });
        expectRecords(wal.read(wal.firstLsn), run.appended.slice(wal.firstLsn), `${run.what}: read(firstLsn) after ${run.failed.call} failed`, wal.firstLsn);
      }
    },
  );
});
