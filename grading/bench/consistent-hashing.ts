/**
 * How fast the reference placements look keys up, and the balance figures
 * the suite's statistical bounds were calibrated on.
 *
 * Speed: owner lookups per second on a ring of 100 nodes × 256 virtual nodes,
 * on rendezvous hashing over 100 nodes (one hash per node per lookup), and of
 * jumpHash over 100 and 2³¹ − 1 buckets. Keys are built before the timed loop;
 * each scenario runs once to warm up, then RUNS timed runs of LOOKUPS calls
 * (a hundredth of that for rendezvous, which is 100 hashes a lookup); the
 * median is reported.
 *
 * Balance: the figures the suite checks, on the suite's own fixed keys, so
 * that each bound in grading/suites/consistent-hashing/ can be traced here.
 *
 *   npx tsx grading/bench/consistent-hashing.ts [LOOKUPS=1000000] [RUNS=5]
 */
import { jumpHash } from '../../solutions/consistent-hashing/jump-hash';
import { Rendezvous } from '../../solutions/consistent-hashing/rendezvous';
import { Ring } from '../../solutions/consistent-hashing/ring';
import { parseOrExit } from '../args';
import { commands } from '../commands';
import { OracleRing, chiSquare, hash32, loads, maxOverMean, sampleKeys } from '../suites/consistent-hashing/support';

const { counts } = parseOrExit(
  commands.benchConsistentHashing,
  'Lookups per second of the reference ring, rendezvous hashing and jump hash, LOOKUPS per run (default 1000000), the median of RUNS runs (default 5); then the balance figures behind the suite’s bounds.',
);
const lookups = counts.LOOKUPS!;
const runs = counts.RUNS!;

function median(rate: () => number): { median: number; min: number; max: number } {
  rate(); // warm-up: let the JIT settle before timing
  const rates = Array.from({ length: runs }, rate).sort((a, b) => a - b);
  return { median: rates[Math.floor(rates.length / 2)]!, min: rates[0]!, max: rates[rates.length - 1]! };
}

function timed(count: number, op: (i: number) => unknown): number {
  const started = performance.now();
  for (let i = 0; i < count; i++) op(i);
  return count / ((performance.now() - started) / 1000);
}

const rate = (x: number): string => (x >= 1e6 ? `${(x / 1e6).toFixed(2)} M` : `${(x / 1e3).toFixed(1)} k`);
const format = (r: { median: number; min: number; max: number }): string => `median ${rate(r.median)} lookups/s (min ${rate(r.min)}, max ${rate(r.max)})`;

const hundred = Array.from({ length: 100 }, (_, i) => `node-${i}`);
const keys = sampleKeys(lookups, 'bench:');
const bigKeys = Array.from({ length: lookups }, (_, i) => BigInt.asUintN(64, BigInt(i + 1) * 0x9e3779b97f4a7c15n));

console.log(`${lookups} lookups per run, ${runs} runs after one warm-up (Node ${process.version})`);
const ring = new Ring({ vnodes: 256 });
const built = performance.now();
for (const node of hundred) ring.addNode(node);
console.log(`ring, 100 nodes × 256 vnodes (built in ${Math.round(performance.now() - built)} ms)`.padEnd(52), format(median(() => timed(lookups, (i) => ring.owner(keys[i]!)))));
console.log('ring, preferenceList(key, 3)'.padEnd(52), format(median(() => timed(lookups, (i) => ring.preferenceList(keys[i]!, 3)))));
const hrw = new Rendezvous();
for (const node of hundred) hrw.addNode(node);
const fewer = Math.max(1, Math.floor(lookups / 100));
console.log('rendezvous, 100 nodes'.padEnd(52), format(median(() => timed(fewer, (i) => hrw.owner(keys[i]!)))));
console.log('jumpHash, 100 buckets'.padEnd(52), format(median(() => timed(lookups, (i) => jumpHash(bigKeys[i]!, 100)))));
console.log('jumpHash, 2³¹ − 1 buckets'.padEnd(52), format(median(() => timed(lookups, (i) => jumpHash(bigKeys[i]!, 2 ** 31 - 1)))));

console.log('\nbalance, on the suite’s fixed keys:');
const ten = Array.from({ length: 10 }, (_, i) => `node-${i}`);
const balanceKeys = sampleKeys(50_000, 'balance:');
for (const vnodes of [1, 16, 64, 160, 256]) {
  const r = new Ring({ vnodes });
  for (const node of ten) r.addNode(node);
  console.log(`  ring, 10 nodes × ${vnodes} vnodes, 50 000 keys: max/mean load ${maxOverMean(loads(ten, balanceKeys, (k) => r.owner(k))).toFixed(3)}`);
}
const weighted = new Ring({ vnodes: 256 });
[1, 2, 3, 4].forEach((w, i) => weighted.addNode(`node-${i}`, w));
const shares = loads(['node-0', 'node-1', 'node-2', 'node-3'], balanceKeys, (k) => weighted.owner(k));
console.log(`  ring, weights 1–4 × 256 vnodes: share / expected ${[1, 2, 3, 4].map((w, i) => (shares.get(`node-${i}`)! / balanceKeys.length / (w / 10)).toFixed(3)).join(', ')} (the suite allows ±15 %)`);

const shareKeys = sampleKeys(40_000, 'share:');
const hrwWeighted = new Rendezvous();
[1, 2, 3, 4].forEach((w, i) => hrwWeighted.addNode(`node-${i}`, w));
const observed = [...loads(['node-0', 'node-1', 'node-2', 'node-3'], shareKeys, (k) => hrwWeighted.owner(k)).values()];
console.log(`  rendezvous, weights 1–4, 40 000 keys: ${observed.join(', ')}; χ² ${chiSquare(observed, [1, 2, 3, 4]).toFixed(2)} (the suite allows < 16.27)`);
const hrwEven = new Rendezvous();
const oneToken = new OracleRing(1, hash32);
for (const node of ten) {
  hrwEven.addNode(node);
  oneToken.add(node);
}
console.log(
  `  10 equal nodes, 40 000 keys: max/mean rendezvous ${maxOverMean(loads(ten, shareKeys, (k) => hrwEven.owner(k))).toFixed(3)}, ` +
    `ring of one token per node ${maxOverMean(loads(ten, shareKeys, (k) => oneToken.owner(k))).toFixed(3)} (the suite wants rendezvous below both 1.1 and the ring)`,
);

const moveKeys = Array.from({ length: 20_000 }, (_, i) => BigInt.asUintN(64, BigInt(i + 1) * 0x9e3779b97f4a7c15n));
for (const n of [1, 2, 9, 99]) {
  const moved = moveKeys.filter((k) => jumpHash(k, n) !== jumpHash(k, n + 1)).length;
  const p = 1 / (n + 1);
  const sd = Math.sqrt(moveKeys.length * p * (1 - p));
  console.log(`  jumpHash ${n} → ${n + 1} buckets: ${moved} of 20 000 keys moved, expected ${Math.round(moveKeys.length * p)}; ${(Math.abs(moved - moveKeys.length * p) / sd).toFixed(2)} standard deviations (the suite allows 4)`);
}
const buckets = new Array<number>(10).fill(0);
for (let i = 0; i < 20_000; i++) buckets[jumpHash(BigInt(i), 10)]!++;
console.log(`  jumpHash, keys 0 … 19 999 over 10 buckets: χ² ${chiSquare(buckets, new Array<number>(10).fill(1)).toFixed(2)} (the suite allows < 27.88)`);
