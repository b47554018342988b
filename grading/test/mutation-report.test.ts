/** grading/mutation/report.ts: what each of Stryker's verdicts counts as, and how the allow-list is honoured. */
import { describe, expect, test } from 'vitest';
import { renderSummary, summarise, type EquivalentMutant, type StrykerReport } from '../mutation/report';

const source = ['export function f(a: number, b: number): number {', '  if (a < b) return a;', "  throw new RangeError('b too small');", '}'].join('\n');
const at = (line: number, from: number, to: number) => ({ start: { line, column: from }, end: { line, column: to } });
const mutant = (id: string, mutatorName: string, location: ReturnType<typeof at>, replacement: string, status: string, statusReason?: string) => ({
  id,
  mutatorName,
  location,
  replacement,
  status,
  ...(statusReason === undefined ? {} : { statusReason }),
});

const report = (mutants: ReturnType<typeof mutant>[]): StrykerReport => ({ files: { 'solutions/demo/demo.ts': { source, mutants } } });
const LESS = at(2, 7, 12); // a < b
const MESSAGE = at(3, 24, 37); // 'b too small'

describe('the mutation score', () => {
  test('killed and timed-out mutants are detected; a kill by a suite deadline is a timeout; survivors and uncovered mutants are not', () => {
    const summary = summarise(
      'demo',
      report([
        mutant('1', 'EqualityOperator', LESS, 'a <= b', 'Killed', 'expected 1 to be 2'),
        mutant('2', 'ConditionalExpression', LESS, 'true', 'Killed', 'deadline: the code under test ran for more than 20000 ms without returning.'),
        mutant('3', 'ConditionalExpression', LESS, 'false', 'Timeout'),
        mutant('4', 'EqualityOperator', LESS, 'a > b', 'Survived'),
        mutant('5', 'StringLiteral', MESSAGE, '""', 'NoCoverage'),
        mutant('6', 'BlockStatement', at(1, 50, 51), '{}', 'RuntimeError'),
        mutant('7', 'BlockStatement', at(1, 50, 51), '{}', 'Ignored'),
      ]),
      [],
      12.4,
    );
    expect(summary).toMatchObject({ mutants: 6, killed: 1, timeout: 2, survived: 2, equivalent: 0, invalid: 1, seconds: 12, problems: [] });
    // (1 + 2) of 5, and 1 of 5 without timeouts
    expect(summary.score).toBe(60);
    expect(summary.scoreWithoutTimeouts).toBe(20);
    expect(summary.survivors.map((m) => [m.line, m.original, m.replacement])).toEqual([
      [2, 'a < b', 'a > b'],
      [3, "'b too small'", '""'],
    ]);
  });

  test('an allow-listed survivor is equivalent and leaves the score; a listed mutant the suite kills, or an entry that matches nothing, is a problem', () => {
    const allow: EquivalentMutant[] = [
      { file: 'demo.ts', line: 3, mutator: 'StringLiteral', original: "'b too small'", replacement: '""', reason: 'the message is free' },
      { file: 'demo.ts', mutator: 'EqualityOperator', original: 'a < b', replacement: 'a <= b', reason: 'wrongly listed' },
      { file: 'demo.ts', line: 9, mutator: 'EqualityOperator', original: 'x', replacement: 'y', reason: 'stale' },
    ];
    const summary = summarise(
      'demo',
      report([mutant('1', 'EqualityOperator', LESS, 'a <= b', 'Killed', 'expected 1 to be 2'), mutant('5', 'StringLiteral', MESSAGE, '""', 'Survived')]),
      allow,
      1,
    );
    expect(summary).toMatchObject({ mutants: 2, killed: 1, survived: 0, equivalent: 1, score: 100 });
    expect(summary.problems).toEqual([
      'allow-listed as equivalent, but killed: demo.ts:2 EqualityOperator "a < b" → "a <= b"',
      'allow-list entry matches no mutant: demo.ts:9 EqualityOperator "x" → "y"',
    ]);
    expect(renderSummary(summary)).toContain('allow-list problems:');
  });

  test('an allow-list entry pinned to a line matches only that line', () => {
    const summary = summarise('demo', report([mutant('4', 'EqualityOperator', LESS, 'a > b', 'Survived')]), [
      { file: 'demo.ts', line: 7, mutator: 'EqualityOperator', original: 'a < b', replacement: 'a > b', reason: 'wrong line' },
    ], 1);
    expect(summary.survived).toBe(1);
    expect(summary.problems).toHaveLength(1);
  });

  test('two mutants alike on one line are told apart by column', () => {
    const twice = "const x = a.indexOf('-') + a.split('-').length;";
    const both: StrykerReport = {
      files: {
        'solutions/demo/demo.ts': {
          source: twice,
          mutants: [mutant('1', 'StringLiteral', at(1, 21, 24), '""', 'Survived'), mutant('2', 'StringLiteral', at(1, 36, 39), '""', 'Killed', 'expected 2 to be 1')],
        },
      },
    };
    const entry = { file: 'demo.ts', line: 1, mutator: 'StringLiteral', original: "'-'", replacement: '""', reason: 'the first only' };
    expect(summarise('demo', both, [entry], 1).problems).toHaveLength(1);
    const pinned = summarise('demo', both, [{ ...entry, column: 21 }], 1);
    expect(pinned).toMatchObject({ equivalent: 1, killed: 1, problems: [] });
  });
});
