/**
 * The GitHub Actions workflows of a course graded by faultline, filled in from
 * the templates in templates/ (README.md beside this file says where each goes):
 *
 * - one student workflow per exercise, `<slug>.yml`: feedback on every push in
 *   the student's repository, with no secret, worth the exercise's points;
 * - three instructor workflows, `instructor/<name>.yml`, for the instructor's
 *   private copy of faultline: collect the commits, grade them in a sandbox, and
 *   (optionally) post each student's grade.
 *
 * The committed copies are this module's output (generate.ts writes them; a test
 * holds them equal), so they follow the catalog: a new exercise, task or point
 * changes them on the next `npx tsx grading/github-classroom/generate.ts`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { exerciseSpec, maxPoints, shipped } from '../catalog';
import { CLASSROOM_REPORTER } from '../reports/classroom';

const HERE = path.dirname(fileURLToPath(import.meta.url));

/** The instructor's workflows, in the order they run. */
export const INSTRUCTOR_WORKFLOWS = ['collect', 'grade', 'publish'] as const;
export type InstructorWorkflow = (typeof INSTRUCTOR_WORKFLOWS)[number];

const MARKER = /\{\{([A-Z_]+)\}\}/g;

/** `template` with every `{{NAME}}` replaced by `values[NAME]`; a marker without a value is an error, so the two cannot drift apart. */
function fill(name: string, values: Readonly<Record<string, string>>): string {
  const template = fs.readFileSync(path.join(HERE, 'templates', `${name}.yml`), 'utf8');
  return template.replace(MARKER, (marker, key: string) => {
    const value = values[key];
    if (value === undefined) throw new Error(`github-classroom: templates/${name}.yml has ${marker}, which nothing fills; known: ${Object.keys(values).join(', ')}`);
    return value;
  });
}

/**
 * The student workflow for one exercise: the text of `.github/workflows/classroom.yml`
 * in the assignment's starter repository. It grades only `slug`, so the points it
 * reports are out of that exercise's points in the catalog. Throws for a slug the
 * catalog does not have.
 */
export function classroomWorkflow(slug: string): string {
  const spec = exerciseSpec(slug);
  return fill('student', {
    SLUG: spec.slug,
    TITLE: spec.title,
    POINTS: String(maxPoints(spec)),
    TASKS: spec.tasks.map((task) => `#   ${task.id}. ${task.title}: ${task.points}`).join('\n'),
    REPORTER: CLASSROOM_REPORTER,
  });
}

/** One instructor workflow; `collect` offers the shipped exercises to choose from. */
export function instructorWorkflow(name: InstructorWorkflow): string {
  return fill(name, { SLUG_OPTIONS: shipped().map((spec) => `          - ${spec.slug}`).join('\n') });
}

/** The folder the committed copies live in, relative to the repository's top. */
export const GENERATED_DIR = 'grading/github-classroom';

/** Every generated file: its path relative to the repository's top, and its text. */
export function generatedFiles(): Map<string, string> {
  const files = new Map<string, string>();
  for (const spec of shipped()) files.set(`${GENERATED_DIR}/${spec.slug}.yml`, classroomWorkflow(spec.slug));
  for (const name of INSTRUCTOR_WORKFLOWS) files.set(`${GENERATED_DIR}/instructor/${name}.yml`, instructorWorkflow(name));
  return files;
}
