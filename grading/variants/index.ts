/**
 * Every known-wrong variant of an exercise, in one shape, wherever it lives:
 *
 * - ours: `grading/suites/<slug>/broken/<name>.patch`, a patch over the
 *   reference solution, listed with the tests it must fail in
 *   `broken/variants.ts`;
 * - a blind red team's: `broken/redteam[-N]/<name>.patch`, a patch over that
 *   red team's own correct base (`broken/redteam[-N]/base/`), listed in
 *   `broken/redteam[-N]/manifest.json` (grading/redteam/BRIEF.md).
 *
 * `materialize` turns a variant into the learner files it changes, whole, as
 * a learner would have written them; `stageVariant` stages them for grading.
 * A patch that no longer applies throws a VariantPatchError naming it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { exerciseSpec, type ExerciseSpec } from '../catalog';
import { stageContents, type StagedImpl } from '../impl';
import { ROOT } from '../paths';
import { redTeamFolders } from '../redteam/folders';
import { applyVariantPatch, parseVariantPatch, renderVariantPatch, type VariantPatch } from './patch';

/** One entry of `broken/variants.ts`: a mistake of our own choosing, as a patch over the reference. */
export interface BrokenVariant {
  /** `<name>.patch` beside the manifest. */
  readonly name: string;
  readonly mistake: string;
  /** The ledger clauses (grading/suites/<slug>/ledger.ts) the mistake breaks. */
  readonly clauses: readonly string[];
  readonly mustFail: readonly string[];
}

/** One entry of a red team's `manifest.json` (grading/redteam/import.ts writes it). */
export interface RedTeamEntry {
  readonly name: string;
  /** The learner files the patch changes. */
  readonly files: readonly string[];
  /** The README or doc-comment sentence it breaks, as the red team quoted it. */
  readonly clause: string;
  readonly clauses: readonly string[];
  readonly mistake: string;
  readonly source: string | null;
  readonly mustFail: readonly string[];
}

export interface Variant {
  readonly slug: string;
  /** `broken` for ours, or the red team's folder (`redteam`, `redteam-2`, …). */
  readonly group: string;
  readonly name: string;
  /** How commands name it: `<name>` for ours, `<group>/<name>` for a red team's. */
  readonly id: string;
  /** The patch, relative to the checkout. */
  readonly patchFile: string;
  /** The folder of the learner files the patch applies over, relative to the checkout. */
  readonly baseDir: string;
  readonly mistake: string;
  readonly clauses: readonly string[];
  readonly mustFail: readonly string[];
  /** A red team's base: every learner file comes from `baseDir`, not just the changed ones. */
  readonly wholeBase: boolean;
}

export const brokenDir = (slug: string): string => path.join('grading', 'suites', slug, 'broken');

/** Our own variants of an exercise, from `broken/variants.ts` (none when it has no manifest). */
export async function ownVariants(slug: string, root = ROOT): Promise<Variant[]> {
  const manifest = path.join(root, brokenDir(slug), 'variants.ts');
  if (!fs.existsSync(manifest)) return [];
  const { variants } = (await import(manifest)) as { variants: readonly BrokenVariant[] };
  return variants.map((v) => ({
    slug,
    group: 'broken',
    name: v.name,
    id: v.name,
    patchFile: path.join(brokenDir(slug), `${v.name}.patch`),
    baseDir: path.join('solutions', slug),
    mistake: v.mistake,
    clauses: v.clauses,
    mustFail: v.mustFail,
    wholeBase: false,
  }));
}

/** The red teams of an exercise, first first, each with its variants. */
export function redTeams(slug: string, root = ROOT): { dir: string; group: string; entries: RedTeamEntry[]; variants: Variant[] }[] {
  return redTeamFolders(root, slug).map((dir) => {
    const group = path.basename(dir);
    const entries = JSON.parse(fs.readFileSync(path.join(root, dir, 'manifest.json'), 'utf8')) as RedTeamEntry[];
    return {
      dir,
      group,
      entries,
      variants: entries.map((v) => ({
        slug,
        group,
        name: v.name,
        id: `${group}/${v.name}`,
        patchFile: path.join(dir, `${v.name}.patch`),
        baseDir: path.join(dir, 'base'),
        mistake: v.mistake,
        clauses: v.clauses,
        mustFail: v.mustFail,
        wholeBase: true,
      })),
    };
  });
}

/** Every variant of an exercise: ours first, then each red team's. */
export async function allVariants(slug: string, root = ROOT): Promise<Variant[]> {
  return [...(await ownVariants(slug, root)), ...redTeams(slug, root).flatMap((team) => team.variants)];
}

/** The last paragraph of every variant's description: the ledger ids of the clauses it breaks. */
const CLAUSES = /\n\nClauses: ([^\n]*)$/;
/** A learner file's opening doc comment. */
const LEADING_DOC = /^\/\*\*\n[\s\S]*?\n \*\/\n/;

/** A doc comment holding `text`, one ` * ` line per line. */
export const docComment = (text: string): string => `/**\n${text.split('\n').map((line) => (line === '' ? ' *' : ` * ${line}`)).join('\n')}\n */\n`;

/** The text of a file's opening doc comment, or undefined when it has none. */
export function docText(file: string): string | undefined {
  const comment = LEADING_DOC.exec(file)?.[0];
  if (comment === undefined) return undefined;
  return comment.slice('/**\n'.length, -'\n */\n'.length).split('\n').map((line) => line.replace(/^ \*( |$)/, '')).join('\n');
}

/**
 * The description a variant's patch must open with. Ours: what its file's doc comment says (the mistake, why it is
 * wrong, where it shipped), then its clause ids. A red team's: its manifest entry (the mistake, the sentence it
 * breaks, its clause ids, its source).
 */
export function expectedDescription(variant: Variant, patch: VariantPatch | undefined, root = ROOT): string {
  const clauses = `Clauses: ${variant.clauses.join(', ')}`;
  if (!variant.wholeBase) {
    if (patch === undefined) throw new TypeError(`${variant.id}: our variant's description comes from its patch`);
    return `${ownStory(patch)}\n\n${clauses}`;
  }
  const team = redTeams(variant.slug, root).find((t) => t.group === variant.group)!;
  return redTeamDescription(team.entries.find((e) => e.name === variant.name)!);
}

/** A red team's variant's description, from its manifest entry. */
export const redTeamDescription = (entry: Pick<RedTeamEntry, 'mistake' | 'clause' | 'clauses' | 'source'>): string =>
  [entry.mistake, `It breaks: ${entry.clause}`, `Clauses: ${entry.clauses.join(', ')}`, ...(entry.source ? [`Seen in: ${entry.source}`] : [])].join('\n\n');

/** Our variant's story: its description without the clause ids, which becomes its file's doc comment. */
const ownStory = (patch: VariantPatch): string => patch.description.replace(CLAUSES, '');

/** Finds a variant by its id (`double-vote`, `redteam-2/apply-at-next-tick`). */
export async function findVariant(slug: string, id: string, root = ROOT): Promise<Variant | undefined> {
  return (await allVariants(slug, root)).find((v) => v.id === id);
}

export function readVariantPatch(variant: Variant, root = ROOT): VariantPatch {
  return parseVariantPatch(fs.readFileSync(path.join(root, variant.patchFile), 'utf8'), variant.patchFile);
}

/**
 * The learner files of a variant, whole: for ours, the files its patch changes; for a red team's, every learner
 * file (its base, with the patch over it). Throws a VariantPatchError naming the variant when it does not apply,
 * or names a file that is not the exercise's.
 */
export function materialize(variant: Variant, root = ROOT): Map<string, string> {
  const spec = exerciseSpec(variant.slug);
  const patch = readVariantPatch(variant, root);
  for (const name of patch.files.keys()) {
    if (!spec.learnerFiles.includes(name)) {
      throw new RangeError(`${variant.patchFile}: ${name} is not one of ${spec.slug}'s learner files (${spec.learnerFiles.join(', ')})`);
    }
  }
  const base = (name: string): string => fs.readFileSync(path.join(root, variant.baseDir, name), 'utf8');
  const changed = applyVariantPatch(patch, base, variant.patchFile);
  if (!variant.wholeBase) {
    // Our variant's file opens with its story in place of the reference's doc comment, as a learner's file would.
    const story = docComment(ownStory(patch));
    return new Map([...changed].map(([name, text]) => [name, LEADING_DOC.test(text) ? text.replace(LEADING_DOC, () => story) : story + text]));
  }
  return new Map(spec.learnerFiles.map((name) => [name, changed.get(name) ?? base(name)]));
}

/**
 * The canonical text of a variant's patch, from its learner files written whole (`files`: those it changes, or all of
 * them; a file equal to its base changes nothing). Ours: the story is the changed file's opening doc comment, and the
 * diff is over the code beneath it, under the reference's doc comment. A red team's: its manifest entry, and the diff
 * of the files as they are. What `npm run variant -- --save` writes, and what broken.test.ts expects of every patch.
 */
export function canonicalPatch(variant: Variant, files: ReadonlyMap<string, string>, root = ROOT): string {
  const base = (name: string): string => fs.readFileSync(path.join(root, variant.baseDir, name), 'utf8');
  const changes = [...files].map(([name, after]) => ({ name, before: base(name), after })).filter((c) => c.before !== c.after);
  if (variant.wholeBase) return renderVariantPatch(expectedDescription(variant, undefined, root), changes);
  const edited = changes.filter((c) => c.before.replace(LEADING_DOC, '') !== c.after.replace(LEADING_DOC, ''));
  if (edited.length !== 1) throw new RangeError(`${variant.id}: our variant changes one learner file's code; these files change ${edited.length}`);
  const change = edited[0]!;
  const story = docText(change.after);
  if (story === undefined) throw new RangeError(`${variant.id}: its ${change.name} must open with a doc comment telling the mistake and where it shipped`);
  const reference = LEADING_DOC.exec(change.before)?.[0] ?? '';
  return renderVariantPatch(`${story}\n\nClauses: ${variant.clauses.join(', ')}`, [{ ...change, after: reference + change.after.replace(LEADING_DOC, '') }]);
}

/** Stages a variant for grading: its materialised files, the reference for any other learner file. */
export function stageVariant(variant: Variant, root = ROOT): StagedImpl {
  const spec: ExerciseSpec = exerciseSpec(variant.slug);
  return stageContents(spec, Object.fromEntries(materialize(variant, root)));
}
