/**
 * The files of a new exercise, as text, written from its draft content
 * (draft.ts): the stub and its visible tests, package.json, the reference,
 * the suite with its ledger, one known-wrong variant, the hints and the
 * mutation allow-list. Each follows the shape of the existing exercises, so
 * the one to copy from is the Bloom filter's same file.
 */
import { renderVariantPatch } from '../variants/patch';
import { PLACEHOLDER, quote } from './names';
import type { DraftContent } from './draft';

const list = (items: readonly string[]): string => `[${items.map(quote).join(', ')}]`;

/** The stub: the contract in doc comments, every body throwing NotImplementedError. */
export function stubFile(d: DraftContent): string {
  const { title, prefix } = d.names;
  return `/**
 * ${title} — your file. Replace each \`throw new NotImplementedError(...)\`
 * with an implementation; keep the exports and their signatures.
 *
 * ${PLACEHOLDER} what you build, in two or three sentences, and where real
 * systems use it. README.md has the tasks, the contract and hints.
 *
 * [${prefix}-0.1] ${PLACEHOLDER} a rule of the whole exercise (errors, purity,
 * ownership, units), or delete it here, in the README and in the ledger.
 */
import { NotImplementedError } from '@faultline/harness';

/**
 * Task 1. ${PLACEHOLDER} the contract of this function, one clause id in
 * brackets before each rule. The placeholder:
 *
 * [${prefix}-1.1] Returns \`value\` unchanged.
 */
export function ${d.fn}(value: number): number {
  throw new NotImplementedError(\`${d.fn}(\${value})\`);
}
`;
}

/** The reference: the same exports, doing the trivial thing the placeholder contract asks. */
export function referenceFile(d: DraftContent): string {
  const { slug, title } = d.names;
  return `/**
 * ${title}: reference solution. Same exports and contracts as
 * exercises/${slug}/${d.file}; read the stub for the contracts.
 *
 * ${PLACEHOLDER} the real reference; this one passes the placeholder suite.
 */

export function ${d.fn}(value: number): number {
  return value;
}
`;
}

/** The placeholder variant's file: the reference with one mistake (the patch is made from it). */
export const variantCode = (d: DraftContent): string => referenceFile(d).replace('  return value;\n', '  return value + 1;\n');

/** The variant as `<name>.patch`, in the canonical form `npm run variant -- --save` writes (grading/variants/patch.ts). */
export const variantPatch = (d: DraftContent): string =>
  renderVariantPatch(`${d.variant.story}\n\nClauses: ${d.variant.clauses.join(', ')}`, [{ name: d.file, before: referenceFile(d), after: variantCode(d) }]);

export function visibleTestFile(d: DraftContent): string {
  const { slug } = d.names;
  return `/**
 * Visible tests: a few worked examples of the contract, to read before you
 * start. They earn no points; the hidden suite (grading/suites/${slug})
 * does, and \`npm test\` runs both. \`@impl/${slug}\` is your ${d.file}.
 *
 * ${PLACEHOLDER} a few readable worked examples, one behaviour sentence each.
 */
import { describe, expect, test } from 'vitest';
import { ${d.fn} } from '@impl/${slug}';

describe('task 1: ${PLACEHOLDER}', () => {
  test('${d.fn} gives back what it was given', () => {
    expect(${d.fn}(7)).toBe(7);
  });
});
`;
}

/** Exactly the scripts grading/test/catalog.test.ts requires. */
export function packageFile(d: DraftContent): string {
  const { slug, title } = d.names;
  const pkg = {
    name: `faultline-${slug}`,
    private: true,
    type: 'module',
    description: `faultline exercise: ${title}. npm test runs the visible tests and the hidden graded suite against ${d.file}.`,
    scripts: {
      test: `vitest run --root ../.. --project ${slug}`,
      watch: `vitest watch --root ../.. --project ${slug}`,
      ui: `vitest watch --ui --root ../.. --config vitest.ui.config.ts --project ${slug}`,
      hint: `tsx ../../grading/hint.ts ${slug}`,
      next: `tsx ../../grading/next.ts ${slug}`,
      reset: `tsx ../../grading/reset.ts ${slug}`,
    },
  };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

export function ledgerFile(d: DraftContent): string {
  const { slug, title } = d.names;
  const clauses = d.clauses.map((c) =>
    c.ungraded === undefined
      ? `  { id: ${quote(c.id)}, summary: ${quote(c.summary)} },`
      : `  {\n    id: ${quote(c.id)},\n    summary: ${quote(c.summary)},\n    ungraded: ${quote(c.ungraded)},\n  },`,
  );
  return `/**
 * ${title}'s contract ledger: every clause of its README and stub doc
 * comments, by id (harness/suite/ledger.ts). The README has each in full.
 */
import { defineLedger } from '../../../harness/suite';

export const ledger = defineLedger(${quote(slug)}, [
${clauses.join('\n')}
]);
`;
}

export function supportFile(d: DraftContent): string {
  const { slug, title, camel, pascal } = d.names;
  return `/**
 * What the ${title.toLowerCase()} suite shares: the learner's module, loaded safely.
 *
 * ${PLACEHOLDER} a dumb, obviously correct oracle of the contract (mini-lsm
 * checks against a BTreeMap), and arbitraries for every input the signatures
 * allow, both ends of every range included.
 */
import { gradedSuite } from '../../../harness/suite';
import { exerciseSpec } from '../../catalog';

export type ${pascal}Module = typeof import('@impl/${slug}');

/** One graded suite per test file; each loads the learner's module in its own beforeAll. */
export const ${camel}Suite = () => gradedSuite<${pascal}Module>(exerciseSpec(${quote(slug)}), () => import('@impl/${slug}'));
`;
}

/** The suite's one test file: task 1's placeholder test. */
export function suiteTestFile(d: DraftContent): string {
  const { camel } = d.names;
  const tests = d.tests.map(
    (t) => `  suite.test(
    {
      points: ${t.points},
      category: ${quote(t.category)},
      name: ${quote(t.name)},
      hint: ${quote(t.hint)},
      clauses: ${list(t.clauses)},
    },
    (t) => {
      const { ${d.fn} } = suite.impl();
      t.check(
        fc.property(fc.integer(), (value) => {
          expect(${d.fn}(value), \`${d.fn}(\${value})\`).toBe(value);
        }),
      );
    },
  );`,
  );
  return `/**
 * Task 1. ${PLACEHOLDER} one file per task or concept: tests that are
 * sentences, each naming the clauses it checks; a model-based test of the
 * whole public API (fc.commands); for a protocol, the simulator with every
 * fault that matters; for storage, a crash at every storage call.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { ${camel}Suite } from './support';

const suite = ${camel}Suite();

suite.task(1, () => {
${tests.join('\n')}
});
`;
}

export function variantsFile(d: DraftContent): string {
  const { slug, title } = d.names;
  const v = d.variant;
  return `/**
 * Our known-wrong ${title.toLowerCase()} implementations, and the graded tests
 * each one must fail. Each is \`<name>.patch\` beside this file: what the
 * mistake is and where it shipped, its clause ids, then a diff over the
 * reference solution (solutions/${slug}/) that makes it
 * (grading/variants/patch.ts). \`npm run variant -- ${slug} <name>\` prints
 * the whole file a learner would have written.
 *
 * ${PLACEHOLDER} at least twelve classic mistakes, each traced to a real
 * source. A new one: its entry here; then solutions/${slug}/${d.file} copied
 * to /tmp/v/exercises/${slug}/, the mistake made and its story told in the
 * file's opening doc comment; then \`npm run variant -- ${slug} <name> --save /tmp/v\`.
 */
import type { BrokenVariant } from '../../../variants';

/** The graded tests named below, spelled exactly as in the suite. */
const graded = {
  placeholder: ${quote(d.tests[0]!.name)},
} as const;

export const variants: readonly BrokenVariant[] = [
  {
    name: ${quote(v.name)},
    mistake: ${quote(v.mistake)},
    mustFail: [graded.placeholder],
    clauses: ${list(v.clauses)},
  },
];
`;
}

export function hintsFile(d: DraftContent): string {
  const tasks = Object.entries(d.hints).map(([task, stages]) => {
    const lines = stages.map((s) =>
      [
        '    {',
        `      text: ${quote(s.text)},`,
        ...(s.readme === undefined ? [] : [`      readme: ${quote(s.readme)},`]),
        ...(s.paper === undefined ? [] : [`      paper: ${quote(s.paper)},`]),
        '    },',
      ].join('\n'),
    );
    return `  ${task}: [\n${lines.join('\n')}\n  ],`;
  });
  return `/**
 * Staged hints for ${d.names.title.toLowerCase()} (grading/hints/types.ts says how they are used).
 * ${PLACEHOLDER} two to four stages per task, from a nudge to nearly the answer.
 */
import type { ExerciseHints } from './types';

export const hints: ExerciseHints = {
${tasks.join('\n')}
};
`;
}
