/**
 * The learner's reporter. After every run (and every re-run in watch mode) it
 * prints, for each exercise that ran: your code's load error once, if it did
 * not load; the visible tests in a line, and the first that failed; for each
 * task short of full marks its first failure in full and the others one line
 * each, with the task's staged hint (grading/hints: your own runs climb its
 * ladder); then the score per task, and the plain closing line
 * `N passed, M failed` over all tests that ran, visible ones included. What
 * your code printed is shown before the report, bounded.
 *
 * On its own (vitest.config.ts uses it alone for an exercise's runs) that is
 * the whole output; FAULTLINE_VERBOSE=1 adds vitest's own report and lists
 * every failure in full. After each run it also leaves the score where the
 * browser UI's panel reads it (grading/ui/score-file.ts).
 */
import path from 'node:path';
import type { Reporter, SerializedError, TestCase, TestModule, TestSpecification, Vitest } from 'vitest/node';

type UserConsoleLog = Parameters<NonNullable<Reporter['onUserConsoleLog']>>[0];
import { byTaskAndPart, type GradedMeta } from '../../harness/suite/types';
import { catalog, isDraft } from '../catalog';
import { climbAndHint, withHints } from '../hints';
import { ROOT } from '../paths';
import type { ExerciseResult } from '../model';
import { detailFromEnv, indent, loadFailureOf, renderExercise, styleFor, VERBOSE_ENV, type Style } from '../reports/terminal';
import { scoreExercise, type Outcome } from '../score';
import { writeUiScore } from '../ui/score-file';
import { firstMessage, outcomeOf } from './errors';

const implRoot = path.resolve(process.env.FAULTLINE_IMPL_ROOT || path.join(ROOT, 'exercises'));
/** A learner working in exercises/, or a test that names its own ladders file. */
const learning = !process.env.FAULTLINE_IMPL_ROOT || !!process.env.FAULTLINE_HINTS_FILE;

/** The most lines of what learner code printed that one run shows (a property test calls it hundreds of times). */
const CONSOLE_LINES = 30;
/** The most lines of a visible test's error. */
const VISIBLE_LINES = 10;

const CONTROL = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b[@-_]|[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
const printable = (text: string): string => text.replace(CONTROL, '');
const bounded = (text: string, lines: number): string => {
  const all = text.split('\n');
  return all.length <= lines ? text : `${all.slice(0, lines).join('\n')}\n… (${all.length - lines} more lines)`;
};

/** The visible tests of one exercise: exercises/<slug>/*.test.ts, which earn no points but say what the README means. */
interface Visible {
  passed: number;
  failed: TestCase[];
  /** A visible test file that failed as a whole (its import of your code threw). */
  moduleError?: string;
}

export default class ScoreReporter implements Reporter {
  #vitest: Vitest | undefined;
  readonly #detail = detailFromEnv();
  #console: string[] = [];
  #consoleDropped = 0;

  onInit(vitest: Vitest): void {
    this.#vitest = vitest;
    // Alone, this reporter prints what vitest's own would have at the start: the version, and the UI's address.
    if (!this.#withDefault()) vitest.logger.printBanner();
  }

  /** True when vitest's own reporter runs beside this one (the repo's tests, or FAULTLINE_VERBOSE=1). */
  #withDefault(): boolean {
    const reporters = this.#vitest?.config.reporters ?? [];
    return reporters.some((reporter) => Array.isArray(reporter) && (reporter[0] === 'default' || reporter[0] === 'verbose'));
  }

  onWatcherRerun(files: string[], trigger?: string): void {
    if (this.#withDefault() || !this.#vitest) return;
    this.#vitest.logger.clearFullScreen(`re-running after a change to ${trigger ? path.relative(process.cwd(), trigger) : 'a file'} …`);
  }

  onWatcherStart(): void {
    if (this.#withDefault() || !this.#vitest) return;
    this.#vitest.logger.log(styleFor(process.stdout).dim('watching: save a file to run again; press h for help, q to quit'));
  }

  onTestRunStart(_specifications: readonly TestSpecification[]): void {
    this.#console = [];
    this.#consoleDropped = 0;
  }

  onUserConsoleLog(log: UserConsoleLog): void {
    if (this.#withDefault()) return;
    const lines = printable(log.content).replace(/\n$/, '').split('\n');
    const room = CONSOLE_LINES - this.#console.length;
    this.#console.push(...lines.slice(0, Math.max(0, room)));
    this.#consoleDropped += Math.max(0, lines.length - Math.max(0, room));
  }

  onTestRunEnd(modules: readonly TestModule[], unhandled: readonly SerializedError[] = []): void {
    const graded = new Map<string, { tests: GradedMeta[]; outcomes: Map<string, Outcome>; skipped: number }>();
    const visible = new Map<string, Visible>();
    let passed = 0;
    let failed = 0;
    // A watch-mode or UI re-run of some files reports only those: score every file vitest knows, each at its latest run.
    const known = this.#vitest?.state.getTestModules() ?? [];
    const latest = new Map<string, TestModule>([...known, ...modules].map((m) => [m.moduleId, m]));
    // Modules finish in any order; visit them by file so the report reads the same every run.
    const byFile = [...latest.values()].sort((a, b) => (a.moduleId < b.moduleId ? -1 : a.moduleId > b.moduleId ? 1 : 0));
    for (const module of byFile) {
      const slug = this.#visibleExerciseOf(module);
      if (slug !== undefined && module.errors().length > 0) {
        visible.set(slug, { ...(visible.get(slug) ?? { passed: 0, failed: [] }), moduleError: firstMessage(module.errors()) });
      }
      for (const test of module.children.allTests()) {
        const outcome = outcomeOf(test);
        if (outcome) outcome.status === 'passed' ? passed++ : failed++;
        const meta = test.meta().faultline;
        if (!meta) {
          if (slug === undefined || !outcome) continue;
          const entry = visible.get(slug) ?? { passed: 0, failed: [] };
          visible.set(slug, entry);
          if (outcome.status === 'passed') entry.passed++;
          else entry.failed.push(test);
          continue;
        }
        const entry = graded.get(meta.exercise) ?? { tests: [], outcomes: new Map<string, Outcome>(), skipped: 0 };
        graded.set(meta.exercise, entry);
        if (!outcome) {
          entry.skipped++;
          continue;
        }
        entry.tests.push(meta);
        entry.outcomes.set(meta.name, outcome);
      }
    }
    const style = styleFor(process.stdout);
    const blocks: string[] = [];
    const results: ExerciseResult[] = [];
    let anyPartial = false;
    for (const spec of catalog) {
      const entry = graded.get(spec.slug);
      const seen = visible.get(spec.slug);
      if (!entry && !seen) continue;
      const parts: string[] = [];
      let result: ExerciseResult | undefined;
      if (entry) {
        const partial = entry.skipped > 0;
        const notes = [
          ...(partial ? [`partial run: ${entry.skipped} graded test(s) were filtered out and are not counted; run without -t for the full score`] : []),
          ...(isDraft(spec) ? [`a draft, not finished: npm run check -- ${spec.slug} lists what it lacks`] : []),
        ];
        const scored: ExerciseResult = scoreExercise(spec, [...entry.tests].sort(byTaskAndPart), entry.outcomes, notes, !partial);
        // The learner's own code climbs the hint ladders (grading/hints); anything else (a bench, a test) shows first hints.
        result = learning && !partial && loadFailureOf(scored) === undefined ? climbAndHint(scored, implRoot) : withHints(scored);
        parts.push(renderExercise(result, style, this.#detail));
        results.push(result);
        anyPartial ||= partial;
      }
      // The load error is shown once, with the graded tests: the visible tests fail to import for the same reason.
      if (seen) parts.unshift(this.#visibleBlock(spec.slug, seen, style, result !== undefined && loadFailureOf(result) !== undefined));
      blocks.push(parts.join('\n\n'));
    }
    const log = (text: string) => (this.#vitest ? this.#vitest.logger.log(text) : console.log(text));
    const out: string[] = [];
    if (this.#console.length > 0) {
      const more = this.#consoleDropped > 0 ? `\n… (${this.#consoleDropped} more lines; ${VERBOSE_ENV}=1 shows them all)` : '';
      out.push(`${style.bold('What your code printed')}\n${indent(this.#console.join('\n'), '  ')}${more}`);
    }
    if (unhandled.length > 0 && !this.#withDefault()) {
      out.push(style.red(`${unhandled.length} error(s) outside any test, the first: ${bounded(printable(firstMessage(unhandled)), VISIBLE_LINES)}`));
    }
    if (blocks.length > 0) out.push(blocks.join('\n\n'));
    if (out.length > 0) log(`\n${out.join('\n\n')}\n`);
    log(`${passed} passed, ${failed} failed`);
    // The browser UI's score panel reads it (grading/ui): written only while a UI session is open, and never throws.
    writeUiScore(results, anyPartial);
  }

  /** The exercise whose visible tests a test file holds: a file in exercises/<slug>/ (never a hidden suite's). */
  #visibleExerciseOf(module: TestModule): string | undefined {
    const [top, slug] = path.relative(ROOT, module.moduleId).split(path.sep);
    return top === 'exercises' && catalog.some((spec) => spec.slug === slug) ? slug : undefined;
  }

  /** The visible tests in a line or two: how many pass, and the first that fails, with where. */
  #visibleBlock(slug: string, seen: Visible, style: Style, didNotLoad: boolean): string {
    const total = seen.passed + seen.failed.length;
    const file = `exercises/${slug}/*.test.ts`;
    if (seen.moduleError !== undefined && total === 0 && didNotLoad && this.#detail === 'compact') return `${style.bold('Visible tests')} (${file}) did not run: your code did not load (below)`;
    if (seen.moduleError !== undefined && total === 0) {
      return `${style.bold('Visible tests')} (${file}) did not run: ${bounded(printable(seen.moduleError), VISIBLE_LINES)}`;
    }
    const notYet = (t: TestCase): boolean => {
      const r = t.result();
      return r.state === 'failed' && firstMessage(r.errors).startsWith('not implemented');
    };
    // What the learner has not written yet is counted, not shown: the failures worth reading are the others.
    const shown = this.#detail === 'full' ? seen.failed : seen.failed.filter((t) => !notYet(t));
    const waiting = seen.failed.length - shown.length;
    const head = `${style.bold('Visible tests')} (${file}): ${seen.passed} of ${total} pass${waiting > 0 ? `; ${waiting} say not implemented` : ''}`;
    const first = shown[0];
    if (first === undefined) return head;
    const result = first.result();
    const errors = result.state === 'failed' ? result.errors : [];
    const error = errors[0] as (SerializedError & { diff?: string }) | undefined;
    // Where in the test file it failed: the error's first stack frame in that file.
    const frame = (error as { stacks?: readonly { file: string; line: number; column: number }[] } | undefined)?.stacks?.find((f) => f.file === first.module.moduleId);
    const at = frame ? `${path.relative(process.cwd(), frame.file)}:${frame.line}:${frame.column}` : '';
    const lines = [head, `  ${style.red('✗')} ${printable(first.fullName)}${at ? style.dim(` (${at})`) : ''}`, indent(bounded(printable(firstMessage(errors)), VISIBLE_LINES), '      ')];
    if (error?.diff) lines.push(indent(bounded(printable(error.diff), VISIBLE_LINES), '      '));
    const others = this.#detail === 'full' ? shown.slice(1) : shown.slice(1, 4);
    for (const other of others) {
      const r = other.result();
      lines.push(`  ${style.red('✗')} ${printable(other.name)} — ${printable(firstMessage(r.state === 'failed' ? r.errors : [])).split('\n')[0]}`);
    }
    if (shown.length > 1 + others.length) lines.push(style.dim(`  … and ${shown.length - 1 - others.length} more`));
    return lines.join('\n');
  }
}
