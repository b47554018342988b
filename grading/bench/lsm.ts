/**
 * The reference LSM compaction, measured:
 * - merge throughput: entries per second through mergeRuns, for K sorted runs
 *   of N/K entries each over overlapping keys (so most keys have versions in
 *   several runs), with and without dropping tombstones;
 * - the tree as a whole: writes per second with the suite's write-amplification
 *   workload (20 000 puts over 2 000 keys, every flush and compaction run
 *   synchronously on the simulated disk), and the amplification it reports:
 *   bytes written to tables per byte of user data, tables probed per read.
 * Each scenario runs once to warm up, then RUNS timed runs; the median is
 * reported. The suite's own wall time is measured by `npm run grade`.
 *
 *   npx tsx grading/bench/lsm.ts [N=1000000] [RUNS=5]
 */
import { Rng } from '../../harness';
import { parseOrExit } from '../args';
import { commands } from '../commands';
import { entryBytes, type Entry, type LsmOptions } from '../../exercises/lsm-compaction/format';
import * as reference from '../../solutions/lsm-compaction/compaction';
import { Db, Disk, key } from '../suites/lsm-compaction/tree';

const { counts } = parseOrExit(commands.benchLsm, 'Merge throughput and write amplification of the reference LSM compaction: N entries (default 1000000), the median of RUNS runs (default 5).');
const total = counts.N!;
const runs = counts.RUNS!;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

function timed(fn: () => void): number {
  const started = performance.now();
  fn();
  return (performance.now() - started) / 1000;
}

/** K runs of N/K entries; keys drawn from a space of N/2, so about half the entries shadow another. */
function makeRuns(k: number, seed: number): Entry[][] {
  const rng = new Rng(seed);
  let seq = 0;
  return Array.from({ length: k }, () => {
    const keys = new Set<string>();
    while (keys.size < Math.floor(total / k)) keys.add(`key${String(rng.int(0, total / 2)).padStart(8, '0')}`);
    return [...keys].sort().map((key) => ({ key, seq: ++seq, value: rng.int(0, 9) === 0 ? null : `v${seq}` }));
  });
}

console.log(`merge throughput, reference mergeRuns, ${total.toLocaleString('en')} entries, median of ${runs}`);
for (const k of [2, 8, 32]) {
  const input = makeRuns(k, k);
  const entries = input.reduce((n, r) => n + r.length, 0);
  for (const drop of [false, true]) {
    let out = 0;
    reference.mergeRuns(input, drop);
    const rates = Array.from({ length: runs }, () => entries / timed(() => (out = reference.mergeRuns(input, drop).length)));
    console.log(`  ${String(k).padStart(2)} runs, dropTombstones ${String(drop).padEnd(5)}: ${(median(rates) / 1e6).toFixed(2)} M entries/s (${out.toLocaleString('en')} out)`);
  }
}

const WA_OPTIONS: LsmOptions = { memtableBytes: 1024, l0Trigger: 4, baseLevelBytes: 4096, fanout: 4, levels: 5, targetFileBytes: 1024 };
const writes = 20_000;
let summary = '';
const rates = Array.from({ length: runs + 1 }, () => {
  const db = new Db(reference, new Disk(), WA_OPTIONS);
  const rng = new Rng(20_000);
  let user = 0;
  const seconds = timed(() => {
    for (let i = 0; i < writes; i++) {
      const k = key(rng.int(0, 1999));
      const v = `value-${i}`;
      user += entryBytes({ key: k, seq: i + 1, value: v });
      db.put(k, v);
    }
  });
  const reads = 2_000;
  const probesBefore = db.tree.stats.tablesProbed;
  for (let i = 0; i < reads; i++) db.get(key(rng.int(0, 1999)));
  const { flushes, compactions, tablesProbed } = db.tree.stats;
  summary =
    `write amplification ${(db.disk.tableBytes / user).toFixed(2)} (${db.disk.tableBytes.toLocaleString('en')} table bytes for ${user.toLocaleString('en')} user bytes), ` +
    `${flushes} flushes, ${compactions} compactions, ${((tablesProbed - probesBefore) / reads).toFixed(2)} tables probed per read, ` +
    `levels ${db.version.levels.map((l) => l.length).join('/')} tables`;
  return writes / seconds;
}).slice(1);
console.log(`tree, reference, ${writes.toLocaleString('en')} puts over 2 000 keys (${JSON.stringify(WA_OPTIONS)}), median of ${runs}`);
console.log(`  ${Math.round(median(rates)).toLocaleString('en')} puts/s, flushes and compactions included`);
console.log(`  ${summary}`);
