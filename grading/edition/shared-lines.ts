/**
 * Lines of the reference that shipped files have too, on purpose, each
 * reviewed: the leak check (leaks.ts) does not count them. They say nothing
 * the edition does not already say: a call of the API under test, a signature,
 * a textbook idiom, or the line a hidden suite's oracle computes the contract
 * with (the suites ship with the edition, oracles included).
 *
 * When the edition refuses a line that is shared on purpose, add it here with
 * where it is and why it reveals nothing; grading/test/edition.test.ts fails
 * on an entry the reference or the shipped files no longer have.
 */
export interface SharedLine {
  /** The line, trimmed, as both have it. */
  readonly line: string;
  /** Where the shipped copy is, and why sharing it reveals nothing. */
  readonly why: string;
}

export const SHARED_LINES: readonly SharedLine[] = [
  {
    line: 'const filter = new BloomFilter(bits, hashes);',
    why: 'the Bloom filter suites build the filter under test this way; the constructor is the stub\'s',
  },
  {
    line: 'step(_from: NodeId, message: Stamped): void {',
    why: 'grading/suites/vector-clock/causal-node.test.ts: a probe node implementing the stub\'s signature',
  },
  {
    line: 'for (let level = 1; level < options.levels - 1; level++) {',
    why: 'grading/suites/lsm-compaction/policy.test.ts: the oracle of the leveled policy walks the same levels the README names',
  },
  {
    line: 'const all = keyRange([...inputs, ...below]);',
    why: 'grading/suites/lsm-compaction/policy.test.ts: the oracle of dropTombstones takes the key range the README defines',
  },
  {
    line: '[heap[i], heap[parent]] = [heap[parent]!, heap[i]!];',
    why: "harness/sim/event-queue.ts: the simulator's own binary heap, a textbook sift-up swap",
  },
];
