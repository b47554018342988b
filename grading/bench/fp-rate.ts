/**
 * Stress check of the Bloom filter's false-positive test: runs the graded
 * experiment on the reference solution for many run seeds (each derives the
 * test's own seed exactly as the suite does) and reports how close the
 * measured rate came to the tolerance; then the same for the known-wrong
 * variants the test is meant to catch.
 *
 *   npx tsx grading/bench/fp-rate.ts [SEEDS=1000]
 */
import path from 'node:path';
import { parseOrExit } from '../args';
import { commands } from '../commands';
import { Rng, deriveSeed } from '../../harness';
import { BloomFilter } from '../../solutions/bloom-filter/bloom-filter';
import { FP_TOLERANCE, measureFalsePositives, type FilterLike } from '../suites/bloom-filter/fp-experiment';

const TEST_NAME = 'the false-positive rate at design capacity is within 20 % of (1 − e^(−kn/m))^k';
const seeds = parseOrExit(commands.benchFpRate, "Sweeps the Bloom filter's false-positive test over run seeds 1..SEEDS (default 1000): the reference, then the known-wrong variants.").counts.SEEDS!;

type Create = (bits: number, hashes: number) => FilterLike;

function sweep(label: string, create: Create, count: number): void {
  let low = Infinity;
  let high = -Infinity;
  const outside: number[] = [];
  const started = performance.now();
  for (let seed = 1; seed <= count; seed++) {
    const rng = new Rng(deriveSeed(seed, `bloom-filter/${TEST_NAME}`));
    const { measured, expected } = measureFalsePositives(create, rng);
    const ratio = measured / expected;
    low = Math.min(low, ratio);
    high = Math.max(high, ratio);
    if (Math.abs(ratio - 1) > FP_TOLERANCE) outside.push(seed);
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `${label.padEnd(22)} seeds 1..${count}: measured/expected in [${low.toFixed(3)}, ${high.toFixed(3)}]; ` +
      `outside ±${FP_TOLERANCE * 100} %: ${outside.length}${outside.length ? ` (seeds ${outside.slice(0, 10).join(', ')}${outside.length > 10 ? ', …' : ''})` : ''}; ${seconds} s`,
  );
}

sweep('reference', (bits, hashes) => new BloomFilter(bits, hashes), seeds);
for (const variant of ['same-hash-k-times', 'prefix-only', 'has-any-bit', 'k-seeded-hashes']) {
  const module = (await import(path.join(import.meta.dirname, '../suites/bloom-filter/broken', `${variant}.ts`))) as { BloomFilter: new (bits: number, hashes: number) => FilterLike };
  sweep(variant, (bits, hashes) => new module.BloomFilter(bits, hashes), Math.min(seeds, 20));
}
