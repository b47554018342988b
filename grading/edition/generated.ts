/**
 * The files of a learner edition that are not copies: each is written from
 * its committed counterpart, cut down to the edition's exercises and to the
 * commands that work without the maintainers' files.
 *
 * Every function is pure: committed text in, edition text out.
 */
import ts from 'typescript';

/** What the README and the package need to know of one exercise (the catalog's fields). */
export interface EditionExercise {
  readonly slug: string;
  readonly title: string;
  readonly summary: string;
  /** The files the learner edits, and the only ones the instructor grades. */
  readonly learnerFiles: readonly string[];
  readonly tasks: readonly { readonly id: number; readonly title: string; readonly points: number }[];
}

/**
 * The root scripts a learner runs, kept when the committed package.json has them. The others build, measure or
 * test the grader itself and need files an edition leaves out.
 */
export const LEARNER_SCRIPTS = ['grade', 'watch', 'progress', 'hint', 'next', 'reset', 'ui', 'typecheck'] as const;

/**
 * The edition's root `npm test`: a grade of every exercise in it against the learner's code, at the default
 * seed; the same report an exercise's `npm test` ends with, one exercise after another, and the last line
 * `N passed, M failed`.
 */
export const EDITION_TEST_SCRIPT = 'tsx grading/cli.ts';

interface PackageJson {
  description?: string;
  scripts?: Record<string, string>;
  [key: string]: unknown;
}

/**
 * The edition's package.json: the committed one with the same dependencies (so the committed package-lock.json
 * still matches and `npm ci` works), its scripts cut down to LEARNER_SCRIPTS, and `test` grading the learner.
 */
export function editionPackageJson(committed: string): string {
  const pkg = JSON.parse(committed) as PackageJson;
  const scripts = pkg.scripts ?? {};
  const kept = Object.fromEntries(LEARNER_SCRIPTS.filter((name) => scripts[name] !== undefined).map((name) => [name, scripts[name]!]));
  pkg.description = `${pkg.description ?? 'faultline'} Learner edition: npm test grades every exercise in it.`;
  pkg.scripts = { test: EDITION_TEST_SCRIPT, ...kept };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

/** The files a package.json script names (`tsx grading/hint.ts`, `--config vitest.ui.config.ts`), relative to its folder. */
export function scriptFiles(script: string): string[] {
  const files = script
    .split(/\s+/)
    .filter((word) => /\.(ts|mts|js|mjs)$/.test(word))
    .map((word) => word.replace(/^['"]|['"]$/g, ''));
  // vitest without --config loads vitest.config.ts from its root
  return /\bvitest\b/.test(script) && !script.includes('--config') ? [...files, 'vitest.config.ts'] : files;
}

/** The string value of a `slug: '…'` property of an object literal, if it has one. */
function slugOf(element: ts.Expression): string | undefined {
  if (!ts.isObjectLiteralExpression(element)) return undefined;
  for (const property of element.properties) {
    if (ts.isPropertyAssignment(property) && property.name.getText() === 'slug' && ts.isStringLiteral(property.initializer)) return property.initializer.text;
  }
  return undefined;
}

/**
 * The committed grading/catalog.ts with the `catalog` array holding only `slugs`' entries, each as committed:
 * so the vitest config, the grade CLI, progress, next and the reports of the edition all see its exercises
 * and no other. Throws when the file has no `catalog` array literal or a slug has no entry in it.
 */
export function editionCatalog(committed: string, slugs: readonly string[], note: string): string {
  const source = ts.createSourceFile('catalog.ts', committed, ts.ScriptTarget.Latest, true);
  let array: ts.ArrayLiteralExpression | undefined;
  const find = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && node.name.getText(source) === 'catalog' && node.initializer !== undefined && ts.isArrayLiteralExpression(node.initializer)) array = node.initializer;
    else ts.forEachChild(node, find);
  };
  find(source);
  if (array === undefined) throw new Error('edition: grading/catalog.ts has no `export const catalog = [...]` array literal to cut down');
  const elements = [...array.elements];
  const found = elements.map((element) => slugOf(element));
  const missing = slugs.filter((slug) => !found.includes(slug));
  if (missing.length > 0) throw new Error(`edition: grading/catalog.ts has no entry with slug ${missing.join(', ')}`);
  // Cut the others out from the end, each with the comma after it, so the offsets before it stay right.
  let text = committed;
  for (let i = elements.length - 1; i >= 0; i--) {
    if (slugs.includes(found[i]!)) continue;
    const start = elements[i]!.getFullStart();
    const next = elements[i + 1];
    const end = next !== undefined ? next.getFullStart() : array.elements.hasTrailingComma ? committed.indexOf(',', elements[i]!.end) + 1 : elements[i]!.end;
    text = text.slice(0, start) + text.slice(end);
  }
  return `// ${note}\n${text}`;
}

/** The committed grading/stubs.json with the pins of `slugs` only. */
export function editionStubs(committed: string, slugs: readonly string[]): string {
  const pins = JSON.parse(committed) as Record<string, unknown>;
  return `${JSON.stringify(Object.fromEntries(Object.entries(pins).filter(([slug]) => slugs.includes(slug))), null, 2)}\n`;
}

interface TsConfig {
  compilerOptions?: { paths?: Record<string, string[]>; [key: string]: unknown };
  include?: string[];
  [key: string]: unknown;
}

/**
 * The committed tsconfig.json with the `@impl/<slug>` aliases of `slugs` only, and `include` without the folders
 * the edition leaves out (`exists` says what it has).
 */
export function editionTsconfig(committed: string, slugs: readonly string[], exists: (path: string) => boolean): string {
  const config = JSON.parse(committed) as TsConfig;
  const paths = config.compilerOptions?.paths;
  if (paths !== undefined) {
    config.compilerOptions!.paths = Object.fromEntries(
      Object.entries(paths).filter(([alias]) => {
        const impl = /^@impl\/([^/]+)(\/\*)?$/.exec(alias);
        return impl === null || slugs.includes(impl[1]!);
      }),
    );
  }
  if (config.include !== undefined) config.include = config.include.filter(exists);
  return `${JSON.stringify(config, null, 2)}\n`;
}

const MARKER = /\{\{([A-Z_]+)\}\}/g;

/**
 * The students' README from the template (grading/edition/README.md): `{{NAME}}` markers replaced by `values`.
 * Throws on a marker without a value, so the template and this code cannot drift apart silently.
 */
export function fillTemplate(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(MARKER, (marker, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`edition: the README template has ${marker}, which nothing fills; known: ${Object.keys(values).join(', ')}`);
    return value;
  });
}

/** The README's exercise table: one row per exercise, in curriculum order. */
export function exerciseTable(exercises: readonly EditionExercise[]): string {
  const rows = exercises.map((e, i) => {
    const points = e.tasks.reduce((sum, t) => sum + t.points, 0);
    const files = e.learnerFiles.map((file) => `\`${file}\``).join(', ');
    return `| ${i + 1} | [${e.title}](exercises/${e.slug}/README.md) | \`exercises/${e.slug}\` | ${files} | ${e.tasks.map((t) => t.title.toLowerCase()).join(' · ')} | ${points} |`;
  });
  return ['| # | exercise | folder | you edit | tasks | points |', '|---:|---|---|---|---|---:|', ...rows].join('\n');
}
