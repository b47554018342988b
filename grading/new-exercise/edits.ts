/**
 * The lines a new exercise adds to files every exercise shares, and how they
 * come out again: its entry at the end of grading/catalog.ts, its
 * `@impl/<slug>` paths in tsconfig.json, and its hints in
 * grading/hints/index.ts. Each edit is a text insertion that leaves every
 * other line as it was (so a review shows only what was added), checked
 * after it is made; a file that no longer has the shape expected is refused
 * with a ScaffoldError naming it.
 */
import type { ExerciseSpec } from '../catalog';
import { ScaffoldError, quote, type ExerciseNames } from './names';

export const CATALOG = 'grading/catalog.ts';
export const TSCONFIG = 'tsconfig.json';
export const HINTS_INDEX = 'grading/hints/index.ts';

const CATALOG_START = 'export const catalog: readonly ExerciseSpec[] = [\n';

/** The catalog entry as catalog.ts writes its entries, marked as a draft. */
export function catalogEntry(spec: ExerciseSpec): string {
  const files = (names: readonly string[]) => `[${names.map(quote).join(', ')}]`;
  return [
    '  {',
    `    slug: ${quote(spec.slug)},`,
    `    clausePrefix: ${quote(spec.clausePrefix)},`,
    `    title: ${quote(spec.title)},`,
    `    summary: ${quote(spec.summary)},`,
    `    entry: ${quote(spec.entry)},`,
    `    learnerFiles: ${files(spec.learnerFiles)},`,
    `    providedFiles: ${files(spec.providedFiles)},`,
    '    tasks: [',
    ...spec.tasks.map((t) => `      { id: ${t.id}, title: ${quote(t.title)}, points: ${t.points} },`),
    '    ],',
    ...(spec.draft
      ? [`    // Laid out by \`npm run new-exercise\`; \`npm run check -- ${spec.slug}\` lists what it lacks before this line goes.`, '    draft: true,']
      : []),
    '  },',
  ].join('\n');
}

/** The catalog with the entry appended, last in curriculum order. */
export function withCatalogEntry(text: string, spec: ExerciseSpec): string {
  const start = text.indexOf(CATALOG_START);
  const end = start < 0 ? -1 : text.indexOf('\n];\n', start);
  if (end < 0) throw new ScaffoldError(`${CATALOG}: no "${CATALOG_START.trim()}" … "];" to add the entry to; add it by hand`);
  return `${text.slice(0, end)}\n${catalogEntry(spec)}${text.slice(end)}`;
}

/** The entry of `slug` in catalog.ts, from its `  {` to its `  },`, or undefined. */
export function catalogEntryText(text: string, slug: string): { start: number; end: number } | undefined {
  const slugLine = text.indexOf(`\n    slug: ${quote(slug)},\n`);
  if (slugLine < 0) return undefined;
  const start = text.lastIndexOf('\n  {\n', slugLine);
  const close = text.indexOf('\n  },\n', slugLine);
  if (start < 0 || close < 0) return undefined;
  return { start, end: close + '\n  },'.length };
}

export function withoutCatalogEntry(text: string, slug: string): string {
  const at = catalogEntryText(text, slug);
  if (at === undefined) throw new ScaffoldError(`${CATALOG}: no entry for ${slug} in the layout new-exercise writes; remove it by hand`);
  return text.slice(0, at.start) + text.slice(at.end);
}

const pathLines = (spec: ExerciseSpec): string[] => [
  `      "@impl/${spec.slug}": ["exercises/${spec.slug}/${spec.entry}"],`,
  `      "@impl/${spec.slug}/*": ["exercises/${spec.slug}/*"]`,
];

interface TsConfig {
  compilerOptions: { paths: Record<string, string[]> };
}

/** tsconfig.json with the exercise's two paths after the others. */
export function withTsconfigPaths(text: string, spec: ExerciseSpec): string {
  const lines = text.split('\n');
  const open = lines.findIndex((line) => /^ {4}"paths": \{$/.test(line));
  const close = open < 0 ? -1 : lines.findIndex((line, i) => i > open && /^ {4}\}/.test(line));
  if (close < 0 || close === open + 1) throw new ScaffoldError(`${TSCONFIG}: no "paths" object laid out one alias a line; add @impl/${spec.slug} by hand`);
  const last = close - 1;
  lines[last] = lines[last]!.replace(/,?$/, ',');
  lines.splice(close, 0, ...pathLines(spec));
  const out = lines.join('\n');
  const paths = (JSON.parse(out) as TsConfig).compilerOptions.paths;
  if (paths[`@impl/${spec.slug}`]?.[0] !== `exercises/${spec.slug}/${spec.entry}`) throw new ScaffoldError(`${TSCONFIG}: adding @impl/${spec.slug} went wrong; add it by hand`);
  return out;
}

export function withoutTsconfigPaths(text: string, spec: Pick<ExerciseSpec, 'slug'>): string {
  const mine = (line: string) => line.includes(`"@impl/${spec.slug}"`) || line.includes(`"@impl/${spec.slug}/*"`);
  const lines = text.split('\n');
  const kept = lines.filter((line) => !mine(line));
  if (kept.length === lines.length) return text;
  // The entry before the closing brace of "paths" loses its comma.
  const close = kept.findIndex((line, i) => /^ {4}\}/.test(line) && kept.slice(0, i).some((l) => /^ {4}"paths": \{$/.test(l)));
  if (close > 0) kept[close - 1] = kept[close - 1]!.replace(/,$/, '');
  const out = kept.join('\n');
  JSON.parse(out);
  return out;
}

/** The identifier the hint index imports an exercise's hints as: `demoThing`, or `demoThingHints` if that is taken. */
export function hintsIdentifier(text: string, names: Pick<ExerciseNames, 'camel'>): string {
  const taken = new RegExp(`\\b${names.camel}\\b`).test(text) || RESERVED.has(names.camel);
  return taken ? `${names.camel}Hints` : names.camel;
}

const RESERVED = new Set(
  'await break case catch class const continue debugger default delete do else enum export extends false finally for function if implements import in instanceof interface let new null package private protected public return static super switch this throw true try typeof var void while with yield'.split(
    ' ',
  ),
);

const HINT_IMPORT = /^import \{ hints as \w+ \} from '\.\/[\w-]+';$/;
const BY_SLUG_START = /^const bySlug: .* = \{$/;

/** grading/hints/index.ts importing the exercise's hints and listing them under its slug. */
export function withHintsIndex(text: string, names: Pick<ExerciseNames, 'slug' | 'camel'>): string {
  const id = hintsIdentifier(text, names);
  const lines = text.split('\n');
  const lastImport = lines.reduce((at, line, i) => (HINT_IMPORT.test(line) ? i : at), -1);
  const open = lines.findIndex((line) => BY_SLUG_START.test(line));
  const close = open < 0 ? -1 : lines.findIndex((line, i) => i > open && line === '};');
  if (lastImport < 0 || close < 0) throw new ScaffoldError(`${HINTS_INDEX}: no "import { hints as … }" lines or no "const bySlug … = {" … "};" to add ${names.slug} to; add it by hand`);
  const key = /^[a-z][a-zA-Z0-9]*$/.test(names.slug) && names.slug === id ? `  ${id},` : `  ${quote(names.slug)}: ${id},`;
  lines.splice(close, 0, key);
  lines.splice(lastImport + 1, 0, `import { hints as ${id} } from './${names.slug}';`);
  return lines.join('\n');
}

export function withoutHintsIndex(text: string, slug: string): string {
  const importLine = new RegExp(`^import \\{ hints as (\\w+) \\} from '\\./${slug}';$`);
  const id = text.split('\n').map((line) => importLine.exec(line)?.[1]).find((m) => m !== undefined);
  if (id === undefined) return text;
  const entry = (line: string) => line === `  ${quote(slug)}: ${id},` || line === `  ${id},`;
  return text
    .split('\n')
    .filter((line) => !importLine.test(line) && !entry(line))
    .join('\n');
}
