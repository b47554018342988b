/**
 * Code nobody trusts costs only its own tests: a synchronous infinite loop,
 * code far slower than it should be, an unbounded allocation, and non-Error
 * throws each fail the tests that reach them, the grade still finishes, and
 * every other test keeps its result. These run beside the rest of the repo's
 * tests: a busy machine changes none of these verdicts, since deadlines count
 * the CPU time the code used (harness/deadline.ts).
 */
import { describe, expect, test } from 'vitest';
import { gradeFile, testNamed } from './support';

const FIXTURES = 'grading/test/fixtures/bloom-filter';
const BITS = 'optimalParameters gives exactly ⌈−n·ln p / (ln 2)²⌉ bits, at least 1, and a RangeError naming bits above 2³² − 1';
const RATE = 'expectedFalsePositiveRate is (1 − e^(−k·n/m))^k to within 10⁻⁹, over the whole of every range, and 0 for 0 items';
const BAD_ARGS = 'bad sizing arguments get a RangeError that names the argument';
const FPR = 'the false-positive rate at design capacity is within 20 % of (1 − e^(−kn/m))^k';

describe.concurrent('untrusted code', () => {
  test('a synchronous infinite loop times out its own tests and nothing else', async () => {
    const result = await gradeFile('bloom-filter', `${FIXTURES}/loops-forever.ts`);
    expect(testNamed(result, BITS).status).toBe('passed');
    for (const name of [RATE, BAD_ARGS]) {
      expect(testNamed(result, name).status, name).toBe('timeout');
      expect(testNamed(result, name).message, name).toMatch(/^deadline: /);
    }
    expect(result.tests.filter((t) => t.status === 'timeout')).toHaveLength(2);
    expect(result.score).toBe(testNamed(result, BITS).maxPoints);
  });

  test('code that grows thousands of times slower on a big workload fails, on its CPU budget, the test that reaches it, and passes the rest', async () => {
    // Past a filter's first 10 000 calls its indexes() does the reference's work 5 000 times over; only the
    // false-positive test (110 000 calls) goes that far, and it would need hours of CPU, so the verdict has a wide
    // margin on any machine. (A fixed 50-fold slowdown once fitted the 5 s budget on a faster machine.)
    const result = await gradeFile('bloom-filter', `${FIXTURES}/slow-on-big-workloads.ts`);
    const slow = testNamed(result, FPR);
    expect(slow.status).toBe('timeout');
    expect(slow.message).toMatch(/^deadline: the code under test used more than 5000 ms of CPU time, this test's budget/);
    expect(slow.cpuMs).toBeGreaterThanOrEqual(5000);
    expect(result.tests.filter((t) => t.status !== 'passed').map((t) => t.name)).toEqual([FPR]);
  });

  test('an unbounded allocation crashes its worker, costs its own tests, and the rest still run', async () => {
    const result = await gradeFile('bloom-filter', `${FIXTURES}/allocates-forever.ts`);
    expect(testNamed(result, BITS).status).toBe('passed');
    const rate = testNamed(result, RATE);
    expect(rate.status).toBe('error');
    expect(rate.message).toMatch(/out of memory/);
    expect(result.tests).toHaveLength(24);
    expect(result.tests.filter((t) => t.status === 'passed').map((t) => t.name)).toEqual([BITS]);
    expect(result.notes.some((n) => n.includes('resumed'))).toBe(true);
    expect(result.score).toBe(testNamed(result, BITS).maxPoints);
  });

  test('throwing a string, undefined or a hostile object fails the test with a readable message', async () => {
    const result = await gradeFile('bloom-filter', `${FIXTURES}/throws-non-errors.ts`);
    expect(testNamed(result, BITS).status).toBe('passed');
    expect(testNamed(result, RATE).message).toContain('threw the string "a string, not an Error"');
    const hostile = testNamed(result, 'every added key is reported present (no false negatives)');
    expect(hostile.status).toBe('failed');
    expect(hostile.message).toMatch(/threw (an object \(\[object Object\]\)|undefined)/);
    expect(result.score).toBe(testNamed(result, BITS).maxPoints);
  });

  test('importing the reference solution fails to load and earns nothing', async () => {
    const result = await gradeFile('bloom-filter', `${FIXTURES}/imports-the-solution.ts`);
    expect(result.score).toBe(0);
    expect(result.tests).toHaveLength(24);
    for (const t of result.tests) expect(t.message, t.name).toMatch(/your code failed to load.*may not import/);
  });
});
