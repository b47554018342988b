/**
 * The names a new exercise is made of, and the rules they must follow: the
 * slug (its folders, its vitest project, `@impl/<slug>`), its title, its
 * clause prefix (`DT` gives `[DT-1.1]`), and the identifiers the scaffold
 * derives from them. Every refusal says what is wrong and what to do.
 */
import type { ExerciseSpec } from '../catalog';

/** Marks every placeholder the scaffold writes; `npm run check` counts what is left. */
export const PLACEHOLDER = 'TODO(draft)';

/** Thrown for input the scaffold refuses: a bad slug, title or prefix, or one already taken. */
export class ScaffoldError extends Error {
  override readonly name = 'ScaffoldError';
}

const SLUG = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
const PREFIX = /^[A-Z]{2,8}$/;
const MAX_SLUG = 40;
const MAX_TITLE = 60;

/** Names a vitest project, or a file beside the hint data, already has. */
const RESERVED_SLUGS = new Set(['self', 'index', 'types', 'readme']);

export interface ExerciseNames {
  readonly slug: string;
  readonly title: string;
  readonly prefix: string;
  /** `demoThing`: the suite helper is `demoThingSuite`. */
  readonly camel: string;
  /** `DemoThing`: the module type is `DemoThingModule`. */
  readonly pascal: string;
}

/** `demo-thing` → `Demo thing`. */
export const titleFromSlug = (slug: string): string => slug.charAt(0).toUpperCase() + slug.slice(1).replace(/-/g, ' ');

/**
 * The clause prefix a slug suggests: the initials of a slug of several words (`write-ahead-log` → `WAL`), the first
 * four letters of one word (`raft` → `RAFT`, `gossip` → `GOSS`). `--prefix` chooses another.
 */
export function prefixFromSlug(slug: string): string {
  const words = slug.split('-').map((word) => word.replace(/[^a-z]/g, '')).filter((word) => word !== '');
  const prefix = words.length === 1 ? words[0]!.slice(0, 4) : words.map((word) => word[0]).join('');
  return prefix.toUpperCase();
}

const camelOf = (slug: string): string => slug.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/**
 * Checks a new exercise's names against the rules and against the catalog, and derives the rest. Throws a
 * ScaffoldError saying what is wrong and what to do.
 */
export function exerciseNames(options: { slug: string; title?: string; prefix?: string }, known: readonly ExerciseSpec[]): ExerciseNames {
  const { slug } = options;
  if (!SLUG.test(slug)) {
    throw new ScaffoldError(
      `"${slug}" is not a slug: lower-case words of letters and digits joined by single hyphens, starting with a letter (like consistent-hashing)`,
    );
  }
  if (slug.length > MAX_SLUG) throw new ScaffoldError(`"${slug}" is ${slug.length} characters long; a slug has at most ${MAX_SLUG}`);
  if (RESERVED_SLUGS.has(slug)) throw new ScaffoldError(`"${slug}" is taken by the repository itself (a vitest project or a file of grading/hints); choose another slug`);
  const same = known.find((spec) => spec.slug === slug);
  if (same) throw new ScaffoldError(`${slug} is already in grading/catalog.ts${same.draft ? `, as a draft: npm run check -- ${slug} lists what it lacks` : ''}`);

  const title = options.title ?? titleFromSlug(slug);
  if (title.trim() === '' || title !== title.trim()) throw new ScaffoldError(`--title "${title}": a title is a few words without spaces around them`);
  if (title.length > MAX_TITLE) throw new ScaffoldError(`--title is ${title.length} characters long; a title has at most ${MAX_TITLE}`);
  // `|` would split the README's tables; control characters and backslashes have no place in a heading.
  if (/[|\\`\u0000-\u001f\u007f]/.test(title)) throw new ScaffoldError(`--title "${title}" may not hold |, \\, \` or control characters`);
  const sameTitle = known.find((spec) => spec.title.toLowerCase() === title.toLowerCase());
  if (sameTitle) throw new ScaffoldError(`the title "${title}" is ${sameTitle.slug}'s already; choose another with --title`);

  const prefix = options.prefix ?? prefixFromSlug(slug);
  if (!PREFIX.test(prefix)) {
    throw new ScaffoldError(
      options.prefix === undefined
        ? `the clause prefix "${prefix}" that ${slug} suggests is not 2 to 8 capital letters; choose one with --prefix`
        : `--prefix "${prefix}": a clause prefix is 2 to 8 capital letters (clause ids read like BF-2.3)`,
    );
  }
  const clash = known.find((spec) => spec.clausePrefix === prefix);
  if (clash) {
    throw new ScaffoldError(
      `the clause prefix ${prefix}${options.prefix === undefined ? ', from the slug,' : ''} is ${clash.slug}'s already (its clauses read [${prefix}-1.1]); choose another with --prefix`,
    );
  }

  const camel = camelOf(slug);
  return { slug, title, prefix, camel, pascal: camel.charAt(0).toUpperCase() + camel.slice(1) };
}

/** A TypeScript string literal in single quotes, as the repo writes them. */
export const quote = (text: string): string => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
