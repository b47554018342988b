/**
 * A corpus of hostile submissions (grading/test/fixtures/hostile/README.md).
 * Each is graded to the end, in bounded time, into a well-formed report, and
 * earns no point it did not earn; a loop or crash in one test costs that test
 * alone.
 *
 * Most fixtures are one Bloom filter, wrong on purpose (`wrong-filter.ts`, the
 * control: right sizing, a filter that remembers nothing), plus one
 * misbehaviour. The control earns exactly HONEST; a fixture may earn those
 * points at most, and only where its misbehaviour does not reach.
 */
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { exerciseSpec } from '../catalog';
import { grade } from '../grade';
import { stageFile } from '../impl';
import type { ExerciseResult } from '../model';
import { ROOT } from '../paths';
import { stageVariantById, withoutDurations } from './support';

const HOSTILE = 'grading/test/fixtures/hostile';
/** A backstop only: every case here ends well within it, or a defence has regressed. */
const ATTEMPT_LIMIT_MS = 60_000;

const T = {
  bits: 'optimalParameters gives exactly ⌈−n·ln p / (ln 2)²⌉ bits, at least 1, and a RangeError naming bits above 2³² − 1',
  hashes: 'optimalParameters picks hashes = round(bits / n · ln 2) within [1, 255] in a new object each call, and forCapacity uses those parameters',
  rate: 'expectedFalsePositiveRate is (1 − e^(−k·n/m))^k to within 10⁻⁹, over the whole of every range, and 0 for 0 items',
  badArgs: 'bad sizing arguments get a RangeError that names the argument',
  noFalseNegatives: 'every added key is reported present (no false negatives)',
  indexes: 'indexes(key) are (h1 + i·h2) mod bits over murmur3 of the key’s UTF-8 bytes',
  fpRate: 'the false-positive rate at design capacity is within 20 % of (1 − e^(−kn/m))^k',
  utf8: 'a string and its UTF-8 bytes are the same key, a lone surrogate being U+FFFD',
  empty: 'an empty filter has no key, however often it is asked',
  exactBits: 'has(key) is true exactly when all k bits of the key are set',
  hashTwice: 'add, has and indexes hash each key exactly twice, whatever k is',
  ctorArgs: 'the constructor rejects bad bits and hashes with a RangeError that names the argument, and accepts both ends of each range',
  addHasModel: 'add, has, indexes and the shape agree with a model filter over a whole session, with every kind of key, both ends of both ranges, and keys and results reused by the caller',
  union: 'a union has every key of both filters, and is their bitwise OR',
  intersection: 'an intersection has every key present in both filters, and is their bitwise AND',
  shapes: 'combining filters of different shapes throws a RangeError naming both shapes',
  unchanged: 'union and intersect leave both operands unchanged',
  combineModel: 'union and intersect results are new filters that share nothing with their operands, over any session of adds and combinations',
  roundTrip: 'fromBytes(toBytes(f)) answers has() exactly as f does, also from a view into a larger buffer',
  format: 'toBytes writes the FLBF version 1 format byte for byte',
  sameBytes: 'the same keys give the same bytes, in any order and after a round trip',
  copies: 'toBytes returns a copy, and fromBytes copies its input',
  malformed: 'fromBytes rejects malformed bytes with a RangeError',
  bytesModel: 'toBytes, fromBytes, add and has agree with a model over a whole session, with every array on the caller’s side reused by the caller',
} as const;
const ALL: readonly string[] = Object.values(T);

/** What the control earns: the sizing tests, and four that a filter remembering nothing passes. */
const HONEST: readonly string[] = [T.bits, T.hashes, T.rate, T.badArgs, T.empty, T.ctorArgs, T.unchanged, T.malformed];
const HONEST_POINTS = 32;
/** The tests in which the control's has() is called. */
const CALL_HAS: readonly string[] = [T.noFalseNegatives, T.fpRate, T.utf8, T.empty, T.exactBits, T.union, T.intersection, T.unchanged];

/** Gradings at once: each is a vitest run of its own, and the other test files of this project run beside them. */
const PARALLEL_GRADES = 3;
let running = 0;
const waiting: (() => void)[] = [];

/** Grades a fixture file in place of the exercise's entry, or a known-wrong variant (`{ variant: id }`). */
async function gradeFixture(fixture: string | { readonly variant: string }, slug = 'bloom-filter'): Promise<ExerciseResult> {
  if (running >= PARALLEL_GRADES) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  const spec = exerciseSpec(slug);
  const staged = typeof fixture === 'string' ? stageFile(spec, path.resolve(ROOT, fixture)) : await stageVariantById(slug, fixture.variant);
  try {
    // Raft's and LSM's suites run whole clusters and crash sweeps: a grade of either takes half a minute alone.
    const run = await grade({ specs: [spec], staged, impl: 'submission', seed: 1, attemptLimitMs: slug === 'bloom-filter' ? ATTEMPT_LIMIT_MS : 2 * ATTEMPT_LIMIT_MS });
    return run.exercises[0]!;
  } finally {
    staged.cleanup();
    running--;
    waiting.shift()?.();
  }
}

const hostile = (file: string) => gradeFixture(`${HOSTILE}/${file}`);
const passedNames = (result: ExerciseResult): string[] => result.tests.filter((t) => t.status === 'passed').map((t) => t.name).sort();
const without = (names: readonly string[], ...gone: readonly string[]): string[] => names.filter((n) => !gone.includes(n)).sort();
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

/** Every test of the suite listed once, every status and score consistent, nothing unprintable, JSON-clean. */
function expectWellFormed(result: ExerciseResult, names: readonly string[] = ALL): void {
  expect(result.tests.map((t) => t.name).sort()).toEqual([...names].sort());
  for (const t of result.tests) {
    expect(['passed', 'failed', 'timeout', 'error'], t.name).toContain(t.status);
    expect(t.points, t.name).toBe(t.status === 'passed' ? t.maxPoints : 0);
    if (t.status === 'passed') expect(t.message, t.name).toBe('');
    else expect(t.message.length, t.name).toBeGreaterThan(0);
    expect(t.message, t.name).not.toMatch(CONTROL_CHARACTERS);
  }
  expect(result.score).toBe(result.tests.reduce((sum, t) => sum + t.points, 0));
  expect(result.score).toBe(result.tasks.reduce((sum, t) => sum + t.score, 0));
  expect(result.maxScore).toBe(100);
  expect(JSON.parse(JSON.stringify(result))).toEqual(result);
}

/** The result is well-formed, `changed` tests have the status and message given, and every other test has the control's outcome. */
function expectOnly(result: ExerciseResult, changed: Record<string, readonly [status: string, message: RegExp]>): void {
  expectWellFormed(result);
  for (const [name, [status, message]] of Object.entries(changed)) {
    const t = result.tests.find((x) => x.name === name)!;
    expect(t.status, name).toBe(status);
    expect(t.message, name).toMatch(message);
  }
  expect(passedNames(result)).toEqual(without(HONEST, ...Object.keys(changed)));
}

function expectAll(result: ExerciseResult, status: string, message: RegExp): void {
  expectWellFormed(result);
  for (const t of result.tests) {
    expect(t.status, t.name).toBe(status);
    expect(t.message, t.name).toMatch(message);
  }
  expect(result.score).toBe(0);
}

const tampered = (...what: string[]) => new RegExp(`^your code changed ${what.map((w) => `.*${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`).join('')}.* during this test; a test during which a built-in, the harness or a test library is patched earns nothing`);
const tamperedAtLoad = (...what: string[]) => new RegExp(`^your code failed to load, so no test of this exercise can run: your code changed ${what.map((w) => `.*${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`).join('')}.* as it loaded`);

describe.concurrent('hostile submissions', () => {
  test('the control, a wrong filter with right sizing, earns its sizing tests and the four a filter that remembers nothing passes', async () => {
    const result = await hostile('wrong-filter.ts');
    expectWellFormed(result);
    expect(passedNames(result)).toEqual([...HONEST].sort());
    expect(result.score).toBe(HONEST_POINTS);
    expect(result.notes).toEqual([]);
  });

  describe('code that never finishes', () => {
    test('a module that awaits a promise that never settles fails every test with “did not finish loading”', async () => {
      expectAll(await hostile('never-settles-at-load.ts'), 'failed', /^your code failed to load, so no test of this exercise can run: it did not finish loading within 15 s: its top-level code waits for something that never happens/);
    });

    test('a module that loops forever as it loads times out every test, each saying why', async () => {
      expectAll(await hostile('loops-at-load.ts'), 'timeout', /^your code did not finish loading: its top-level code kept the test worker busy for 5 s of CPU time without a break/);
    });

    test('an endless chain of microtasks started in a call times out the tests that start it, and the rest keep their results', async () => {
      const leftBehind = /^after this test's body returned, work the code under test had scheduled kept the test worker busy for 5 s of CPU time \(an endless chain of microtasks/;
      expectOnly(await hostile('microtask-flood.ts'), { [T.rate]: ['timeout', leftBehind], [T.badArgs]: ['timeout', leftBehind] });
    });

    test('a timer callback that never returns costs the tests that scheduled it, and the rest keep their results', async () => {
      const leftBehind = /^after this test's body returned, work the code under test had scheduled kept the test worker busy for 5 s of CPU time .*a timer callback that never returns/;
      expectOnly(await hostile('timer-loop.ts'), { [T.rate]: ['timeout', leftBehind], [T.badArgs]: ['timeout', leftBehind] });
    });

    test('a method that returns a promise that never settles fails its tests without waiting for it', async () => {
      expectOnly(await hostile('returns-pending-promise.ts'), {
        [T.rate]: ['failed', /= \[object Promise\], expected 0 for no items/],
        [T.badArgs]: ['failed', /should throw a RangeError: expected undefined to be an instance of RangeError/],
      });
    });

    test('unbounded recursion fails the tests that reach it with a stack overflow, and the rest keep their results', async () => {
      expectOnly(await hostile('recurses-forever.ts'), {
        [T.rate]: ['failed', /^RangeError: Maximum call stack size exceeded/],
        [T.badArgs]: ['failed', /expected 'Maximum call stack size exceeded' to contain 'bits'/],
      });
    });
  });

  describe('code that ends its process', () => {
    test.each([0, 1])('process.exit(%i) in a call fails that test, and the rest keep their results', async (code) => {
      expectOnly(await hostile(`exits-${code}.ts`), {
        [T.rate]: ['failed', new RegExp(`^process\\.exit unexpectedly called with "${code}"`)],
        [T.badArgs]: ['failed', /expected Error: process\.exit unexpectedly called w… to be an instance of RangeError/],
      });
    });

    test('ending the process behind vitest’s back (process.reallyExit) is an error for the test that did it, and the grade resumes', async () => {
      const result = await hostile('exits-for-real.ts');
      const died = /^the test worker exited unexpectedly \(vitest exit code \d+\) while this test was running/;
      expectOnly(result, { [T.rate]: ['error', died], [T.badArgs]: ['error', died] });
      expect(result.notes.some((n) => n.includes('resumed the suite'))).toBe(true);
    });
  });

  describe('output', () => {
    test.each(['floods-stdout.ts', 'floods-console-log.ts'])('100 MB of output per worker (%s) costs nothing and leaves the report intact', async (file) => {
      const result = await hostile(file);
      expectWellFormed(result);
      expect(passedNames(result)).toEqual([...HONEST].sort());
      expect(result.score).toBe(HONEST_POINTS);
      for (const t of result.tests) expect(t.message.length, t.name).toBeLessThanOrEqual(4_001);
    });

    test('a fake “100 passed, 0 failed” and score table, printed or thrown with terminal escapes, change nothing', async () => {
      const result = await hostile('fake-report.ts');
      expectOnly(result, { [T.indexes]: ['failed', /^bloom-filter {2}Bloom filter {3}100 \/ 100/] });
      expect(result.score).toBe(HONEST_POINTS);
      expect(result.notes).toEqual([]);
    });
  });

  describe('patching what the checkers use', () => {
    test('patching Object.is, JSON.stringify, Array.prototype.sort, Math.random and Date.now as the module loads fails every test, naming them', async () => {
      expectAll(await hostile('patches-builtins-at-load.ts'), 'failed', tamperedAtLoad('Object.is', 'Array.prototype.sort', 'Math.random', 'JSON.stringify', 'Date.now'));
    });

    test('replacing Object.is in a call (so every toBe would pass) fails every test that makes that call, and earns nothing the control does not', async () => {
      const result = await hostile('patches-object-is-in-call.ts');
      expectOnly(result, Object.fromEntries(CALL_HAS.map((name) => [name, ['failed', tampered('Object.is')] as const])));
      expect(result.score).toBeLessThan(HONEST_POINTS);
    });

    test('patching JSON.stringify, sort, includes, Math.random, Date.now and Object.prototype in a call fails every test that makes that call, the same way every time', async () => {
      const what = ['Object.prototype.interruptAfterTimeLimit (added)', 'Array.prototype.sort', 'Array.prototype.includes', 'Math.random', 'JSON.stringify', 'Date.now'];
      const [first, second] = await Promise.all([hostile('patches-builtins-in-call.ts'), hostile('patches-builtins-in-call.ts')]);
      expectOnly(first, Object.fromEntries(CALL_HAS.map((name) => [name, ['failed', tampered(...what)] as const])));
      expect(withoutDurations(second)).toEqual(withoutDurations(first));
    });

    test('attaching a hook to the running test (to rewrite its result) fails every test in which it is attached', async () => {
      const hooked = /^your code attached a hook to the running test \(onTestFinished or onTestFailed\)/;
      expectOnly(await hostile('patches-test-result.ts'), Object.fromEntries(CALL_HAS.map((name) => [name, ['failed', hooked] as const])));
    });

    test('patching the harness (PropertyChecker, Rng) is refused, so the code is graded as it is', async () => {
      const result = await hostile('patches-harness.ts');
      expectWellFormed(result);
      expect(passedNames(result)).toEqual([...HONEST].sort());
      expect(result.score).toBe(HONEST_POINTS);
    });

    test('patching vitest’s assertions as the module loads fails every test', async () => {
      expectAll(await hostile('patches-vitest.ts'), 'failed', tamperedAtLoad('chai.Assertion.prototype.toEqual', 'chai.Assertion.prototype.toBe', 'vitest custom equality testers'));
    });

    test('patching fast-check’s property prototype as the module loads fails every test', async () => {
      expectAll(await hostile('patches-fast-check.ts'), 'failed', tamperedAtLoad('fast-check Property.prototype.run'));
    });

    test('patching vm.Script.prototype.runInContext (so that no test body would run) as the module loads fails every test', async () => {
      expectAll(await hostile('patches-node-vm.ts'), 'failed', tamperedAtLoad('vm.Script.prototype.runInContext'));
    });

    test('a Raft node that hides its missing sync by patching SimStorage earns exactly what it earns without the patch', async () => {
      const [patched, plain] = await Promise.all([
        gradeFixture(`${HOSTILE}/raft-patches-storage.ts`, 'raft'),
        gradeFixture({ variant: 'log-not-synced-before-ack' }, 'raft'),
      ]);
      const names = plain.tests.map((t) => t.name);
      expectWellFormed(patched, names);
      expect(passedNames(patched)).toEqual(passedNames(plain));
      expect(patched.score).toBe(plain.score);
      const durability = ['an acknowledged entry survives a crash, and so does a truncation', 'whenever a message leaves, the term, vote and log it rests on are already durable'];
      for (const name of durability) expect(patched.tests.find((t) => t.name === name)?.status, name).toBe('failed');
    });

    test('an LSM compaction that hides its unsynced outputs by reaching into the disk it is handed earns exactly what it earns without the tricks', async () => {
      const [patched, plain] = await Promise.all([
        gradeFixture(`${HOSTILE}/lsm-patches-disk.ts`, 'lsm-compaction'),
        gradeFixture({ variant: 'outputs-not-synced' }, 'lsm-compaction'),
      ]);
      expectWellFormed(patched, plain.tests.map((t) => t.name));
      expect(passedNames(patched)).toEqual(passedNames(plain));
      expect(patched.score).toBe(plain.score);
      expect(patched.score).toBeLessThan(100);
    });
  });

  describe('reporting results itself', () => {
    test('appending passed results to the grader’s result file is refused: the worker may write only its progress file', async () => {
      const result = await hostile('forges-results-file.ts');
      // It found the grader's result file, and its writes were refused: the attempt was made, not just survived.
      expectOnly(result, { [T.indexes]: ['failed', /^forged results: results-\d+\.jsonl: ERR_ACCESS_DENIED/] });
      expect(result.tests.find((t) => t.name === T.indexes)!.message).not.toMatch(/appended/);
      expect(result.score).toBe(HONEST_POINTS);
    });

    test('reading the reference, the variants, the allow-lists, git’s objects or other students’ staged code is refused; the exercise’s own files stay readable', async () => {
      const result = await hostile('reads-secrets.ts');
      const secrets = ['solutions/bloom-filter/bloom-filter.ts', 'grading/suites/bloom-filter/broken', 'grading/mutation', '.git/HEAD', '.stryker-tmp', '.faultline/staging'];
      const reads = new RegExp(`^reads: exercises/bloom-filter/README\\.md: read \\(\\d+ bytes\\), ${secrets.map((s) => `${s.replace(/\./g, '\\.')}: ERR_ACCESS_DENIED`).join(', ')}(\\n|$)`);
      expectOnly(result, { [T.indexes]: ['failed', reads] });
      expect(result.score).toBe(HONEST_POINTS);
    });

    test('telling vitest over the worker’s channel that every test passed earns nothing: a pass counts only with the suite kit’s proof', async () => {
      const result = await hostile('forges-worker-rpc.ts');
      expectWellFormed(result);
      expect(passedNames(result)).toEqual([...HONEST].sort());
      expect(result.score).toBe(HONEST_POINTS);
      expect(result.notes).toEqual([expect.stringMatching(/^grader: \d+ test\(s\) were reported passed without the suite kit's proof \(code under test reporting results itself\); those reports were ignored$/)]);
    });

    test('the proof key is out of reach: not in the environment, not under /proc, not from the suite kit’s signer', async () => {
      const result = await hostile('forges-signed-results.ts');
      const hunt = /^key hunt: 0 key\(s\) found; environment: 0, \/proc\/self\/environ: ERR_ACCESS_DENIED, parent environ: ERR_ACCESS_DENIED, signer: taken/;
      expectOnly(result, { [T.indexes]: ['failed', hunt] });
      // Not even an unproven pass reached the grader: the fixture found no key to sign with, so it sent none.
      expect(result.notes).toEqual([]);
    });
  });

  describe('code that does not fit', () => {
    test('a file that fails to compile fails every test with the parse error and where it is, uncoloured', async () => {
      expectAll(await hostile('fails-to-compile.ts.txt'), 'failed', /^your code failed to load, so no test of this exercise can run: Transform failed with 1 error:\n\n\[PARSE_ERROR\] Expected `,` or `\)` but found `:`\n.*bloom-filter\.ts:19:83/);
    });

    test('a missing export fails only the tests that use it', async () => {
      expectOnly(await hostile('missing-export.ts'), {
        [T.rate]: ['failed', /^TypeError: expectedFalsePositiveRate is not a function/],
        [T.badArgs]: ['failed', /expected TypeError: expectedFalsePositiveRate is n… to be an instance of RangeError/],
      });
    });
  });
});
