/**
 * How fast the reference write-ahead log appends and recovers on the
 * simulated disk, and how much the suite's crash sweep covers.
 *
 * Appends: RECORDS records of 100 bytes, with a sync every 1, 10 and 100
 * records, in 32 KiB blocks and 64 KiB segments. SimStorage copies a file on
 * every append and every sync (it keeps each file as one array), so small
 * segments keep that copy small; still, the figures are the simulated disk's
 * as much as the log's: compare them with each other, not with a real disk. Recovery: open on the disk the appends left, in MB/s
 * of segment bytes. Each runs once to warm up, then RUNS times; the median
 * is reported.
 *
 * Coverage: the crash points and crash outcomes of the suite's sweeps, on the
 * reference, at seed 1 — the same workloads the suite runs.
 *
 *   npx tsx grading/bench/write-ahead-log.ts [RECORDS=100000] [RUNS=5]
 */
import { SimStorage } from '../../harness';
import { crashOutcomes, recordCrashPoints } from '../../harness/storage';
import { Wal } from '../../solutions/write-ahead-log/wal';
import { parseOrExit } from '../args';
import { commands } from '../commands';

const { counts } = parseOrExit(
  commands.benchWriteAheadLog,
  'Appends per second of the reference log with a sync every 1, 10 and 100 records, RECORDS per run (default 100000), recovery in MB/s, the median of RUNS runs (default 5); then the crash points and outcomes a sweep covers.',
);
const records = counts.RECORDS!;
const runs = counts.RUNS!;

function median(measure: () => number): { median: number; min: number; max: number } {
  measure();
  const values = Array.from({ length: runs }, measure).sort((a, b) => a - b);
  return { median: values[Math.floor(values.length / 2)]!, min: values[0]!, max: values[values.length - 1]! };
}
const k = (x: number): string => (x >= 1e6 ? `${(x / 1e6).toFixed(2)} M` : `${(x / 1e3).toFixed(1)} k`);

const payload = new Uint8Array(100).fill(7);
const options = { blockBytes: 32_768, segmentBytes: 64 * 1024 };
let lastDisk = new SimStorage();

console.log(`${records} records of 100 bytes per run, ${runs} runs after one warm-up (Node ${process.version})`);
for (const every of [1, 10, 100]) {
  const r = median(() => {
    const disk = new SimStorage();
    const { wal } = Wal.open(disk, options);
    const started = performance.now();
    for (let i = 0; i < records; i++) {
      wal.append(payload);
      if ((i + 1) % every === 0) wal.sync();
    }
    wal.sync();
    lastDisk = disk;
    return records / ((performance.now() - started) / 1000);
  });
  console.log(`appends, a sync every ${every} record${every === 1 ? '' : 's'}`.padEnd(40), `median ${k(r.median)} appends/s (min ${k(r.min)}, max ${k(r.max)})`);
}
const bytes = lastDisk.list().reduce((sum, name) => sum + lastDisk.read(name)!.length, 0);
const recovery = median(() => {
  const disk = lastDisk.clone();
  const started = performance.now();
  Wal.open(disk, options);
  return bytes / 1e6 / ((performance.now() - started) / 1000);
});
console.log(`recovery of ${(bytes / 1e6).toFixed(1)} MB in ${lastDisk.list().length} segments`.padEnd(40), `median ${recovery.median.toFixed(1)} MB/s (min ${recovery.min.toFixed(1)}, max ${recovery.max.toFixed(1)})`);

// The sweep's coverage: the workload of the suite's crash sweep from an empty disk, at seed 1's first shape.
console.log('\ncrash sweep coverage (the suite’s workload shapes, every outcome up to 400 a point):');
for (const [blockBytes, segmentBytes, count] of [
  [16, 48, 16],
  [8, 1, 10],
  [32_768, 100, 12],
] as const) {
  const sizes = blockBytes <= 64 ? [0, 1, blockBytes - 7, blockBytes - 6, blockBytes - 8, 3, 2 * blockBytes - 13, 20] : [0, 1, 20, 3, 100, 7];
  const { points } = recordCrashPoints(
    new SimStorage(),
    (storage) => {
      const { wal } = Wal.open(storage, { blockBytes, segmentBytes });
      for (let i = 0; i < count; i++) {
        wal.append(new Uint8Array(sizes[i % sizes.length]!).fill(1));
        if (i % 3 === 2) wal.sync();
      }
      wal.sync();
    },
    () => null,
  );
  let outcomes = 0;
  const started = performance.now();
  for (const point of points) for (const _ of crashOutcomes(point.disk, { zeroFill: true, limit: 400 })) outcomes++;
  console.log(`  blockBytes ${blockBytes}, segmentBytes ${segmentBytes}, ${count} records: ${points.length} crash points, ${outcomes} crashed disks (enumerated in ${Math.round(performance.now() - started)} ms)`);
}
