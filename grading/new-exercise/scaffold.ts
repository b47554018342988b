/**
 * A new exercise, laid out: `planScaffold` renders every file it needs and
 * every edit of a shared file, in memory, from the current checkout;
 * `writeScaffold` writes them; `removeDraft` takes a draft out again. What
 * the files hold is draft.ts; what they look like is templates.ts and
 * readme-template.ts; the shared files' edits are edits.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { catalog, type ExerciseSpec } from '../catalog';
import { ROOT } from '../paths';
import { draftContent, type DraftContent } from './draft';
import { CATALOG, HINTS_INDEX, TSCONFIG, withCatalogEntry, withHintsIndex, withTsconfigPaths, withoutCatalogEntry, withoutHintsIndex, withoutTsconfigPaths } from './edits';
import { PLACEHOLDER, ScaffoldError, exerciseNames } from './names';
import { readmeFile } from './readme-template';
import {
  hintsFile,
  ledgerFile,
  packageFile,
  referenceFile,
  stubFile,
  suiteTestFile,
  supportFile,
  variantPatch,
  variantsFile,
  visibleTestFile,
} from './templates';

export interface ScaffoldOptions {
  readonly slug: string;
  readonly title?: string;
  readonly prefix?: string;
}

export interface Scaffold {
  /** The catalog entry, a draft. */
  readonly spec: ExerciseSpec;
  readonly content: DraftContent;
  /** New files, by path relative to the checkout. */
  readonly files: ReadonlyMap<string, string>;
  /** Shared files with the exercise added: their whole new text, by path relative to the checkout. */
  readonly edits: ReadonlyMap<string, string>;
}

/** What `npm run stress -- --write-costs` writes; a draft's entries go with it. */
const COSTS = 'grading/reference-costs.json';

/** Where an exercise's own files and folders live, relative to the checkout: what removeDraft deletes. */
export const ownedPaths = (slug: string): string[] => [
  `exercises/${slug}`,
  `solutions/${slug}`,
  `grading/suites/${slug}`,
  `grading/hints/${slug}.ts`,
  `grading/mutation/equivalent/${slug}.json`,
];

/** Renders a new exercise, writing nothing. Throws a ScaffoldError for input it refuses. */
export function planScaffold(options: ScaffoldOptions, root: string = ROOT, known: readonly ExerciseSpec[] = catalog): Scaffold {
  const names = exerciseNames(options, known);
  const { slug } = names;
  const leftovers = ownedPaths(slug).filter((p) => fs.existsSync(path.join(root, p)));
  if (leftovers.length > 0) {
    throw new ScaffoldError(`${slug} is not in the catalog, but ${leftovers.join(', ')} already exist${leftovers.length === 1 ? 's' : ''}: remove the leftovers first`);
  }
  const content = draftContent(names);
  const spec: ExerciseSpec = {
    slug,
    clausePrefix: names.prefix,
    title: names.title,
    summary: `${PLACEHOLDER} one line: what the learner builds.`,
    entry: content.file,
    learnerFiles: [content.file],
    providedFiles: [],
    tasks: content.tasks,
    draft: true,
  };
  const suite = `grading/suites/${slug}`;
  const files = new Map<string, string>([
    [`exercises/${slug}/README.md`, readmeFile(content, spec)],
    [`exercises/${slug}/${content.file}`, stubFile(content)],
    [`exercises/${slug}/${slug}.test.ts`, visibleTestFile(content)],
    [`exercises/${slug}/package.json`, packageFile(content)],
    [`solutions/${slug}/${content.file}`, referenceFile(content)],
    [`${suite}/ledger.ts`, ledgerFile(content)],
    [`${suite}/support.ts`, supportFile(content)],
    [`${suite}/placeholder.test.ts`, suiteTestFile(content)],
    [`${suite}/broken/variants.ts`, variantsFile(content)],
    [`${suite}/broken/${content.variant.name}.patch`, variantPatch(content)],
    [`grading/hints/${slug}.ts`, hintsFile(content)],
    [`grading/mutation/equivalent/${slug}.json`, '[]\n'],
  ]);
  const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');
  const tsconfig = read(TSCONFIG);
  if (tsconfig.includes(`"@impl/${slug}"`)) throw new ScaffoldError(`${TSCONFIG} already maps @impl/${slug}: remove the leftover paths first`);
  const edits = new Map<string, string>([
    [CATALOG, withCatalogEntry(read(CATALOG), spec)],
    [TSCONFIG, withTsconfigPaths(tsconfig, spec)],
    [HINTS_INDEX, withHintsIndex(read(HINTS_INDEX), names)],
  ]);
  return { spec, content, files, edits };
}

/** Writes a planned exercise into the checkout at `root`. */
export function writeScaffold(scaffold: Scaffold, root: string = ROOT): void {
  for (const [file, text] of scaffold.files) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text, { flag: 'wx' });
  }
  for (const [file, text] of scaffold.edits) fs.writeFileSync(path.join(root, file), text);
}

/**
 * Takes a draft out of the checkout: its folders and files, its catalog entry, its paths and its hints, and any
 * reference costs measured for it. Refuses an exercise that is not a draft. Returns what it removed.
 */
export function removeDraft(slug: string, root: string = ROOT, known: readonly ExerciseSpec[] = catalog): string[] {
  const spec = known.find((e) => e.slug === slug);
  if (spec === undefined) throw new ScaffoldError(`${slug} is not in grading/catalog.ts; exercises: ${known.map((e) => e.slug).join(', ')}`);
  if (spec.draft !== true) throw new ScaffoldError(`${slug} is not a draft; only a draft is removed this way (take a shipped exercise out by hand, in a commit of its own)`);
  const removed: string[] = [];
  const edit = (file: string, change: (text: string) => string) => {
    const before = fs.readFileSync(path.join(root, file), 'utf8');
    const after = change(before);
    if (after !== before) {
      fs.writeFileSync(path.join(root, file), after);
      removed.push(`${file} (its lines)`);
    }
  };
  edit(CATALOG, (text) => withoutCatalogEntry(text, slug));
  edit(TSCONFIG, (text) => withoutTsconfigPaths(text, spec));
  edit(HINTS_INDEX, (text) => withoutHintsIndex(text, slug));
  if (fs.existsSync(path.join(root, COSTS))) {
    edit(COSTS, (text) => {
      const costs = JSON.parse(text) as { measured: Record<string, string>; exercises: Record<string, unknown> };
      if (!(slug in costs.measured) && !(slug in costs.exercises)) return text;
      delete costs.measured[slug];
      delete costs.exercises[slug];
      return `${JSON.stringify(costs, null, 2)}\n`;
    });
  }
  for (const owned of ownedPaths(slug)) {
    if (!fs.existsSync(path.join(root, owned))) continue;
    fs.rmSync(path.join(root, owned), { recursive: true, force: true });
    removed.push(owned);
  }
  return removed;
}
