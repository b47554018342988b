/**
 * The learner's reporter, beside vitest's own: after every run (and every
 * re-run in watch mode) it prints the score of each exercise that ran, per
 * task, with every failure's hint and replay command and each started
 * task's staged hint (grading/hints: your own runs climb its ladder), then the plain closing
 * line `N passed, M failed` over all tests that ran, visible ones included.
 */
import path from 'node:path';
import type { Reporter, TestModule, Vitest } from 'vitest/node';
import type { GradedMeta } from '../../harness/suite';
import { catalog, isDraft } from '../catalog';
import { climbAndHint, withHints } from '../hints';
import { ROOT } from '../paths';
import type { ExerciseResult } from '../model';
import { renderExercise, styleFor } from '../reports/terminal';
import { scoreExercise, type Outcome } from '../score';
import { outcomeOf } from './errors';

const implRoot = path.resolve(process.env.FAULTLINE_IMPL_ROOT || path.join(ROOT, 'exercises'));
/** A learner working in exercises/, or a test that names its own ladders file. */
const learning = !process.env.FAULTLINE_IMPL_ROOT || !!process.env.FAULTLINE_HINTS_FILE;

export default class ScoreReporter implements Reporter {
  #vitest: Vitest | undefined;

  onInit(vitest: Vitest): void {
    this.#vitest = vitest;
  }

  onTestRunEnd(modules: readonly TestModule[]): void {
    const graded = new Map<string, { tests: GradedMeta[]; outcomes: Map<string, Outcome>; skipped: number }>();
    let passed = 0;
    let failed = 0;
    // Modules finish in any order; visit them by file so the report reads the same every run.
    const byFile = [...modules].sort((a, b) => (a.moduleId < b.moduleId ? -1 : a.moduleId > b.moduleId ? 1 : 0));
    for (const module of byFile) {
      for (const test of module.children.allTests()) {
        const outcome = outcomeOf(test);
        if (outcome) outcome.status === 'passed' ? passed++ : failed++;
        const meta = test.meta().faultline;
        if (!meta) continue;
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
    for (const spec of catalog) {
      const entry = graded.get(spec.slug);
      if (!entry) continue;
      const partial = entry.skipped > 0;
      const notes = [
        ...(partial ? [`partial run: ${entry.skipped} graded test(s) were filtered out and are not counted; run without -t for the full score`] : []),
        ...(isDraft(spec) ? [`a draft, not finished: npm run check -- ${spec.slug} lists what it lacks`] : []),
      ];
      const tests = [...entry.tests].sort((a, b) => a.task - b.task);
      const scored: ExerciseResult = scoreExercise(spec, tests, entry.outcomes, notes, !partial);
      // The learner's own code climbs the hint ladders (grading/hints); anything else (a bench, a test) shows first hints.
      const result = learning && !partial ? climbAndHint(scored, implRoot) : withHints(scored);
      blocks.push(renderExercise(result, style));
    }
    const log = (text: string) => (this.#vitest ? this.#vitest.logger.log(text) : console.log(text));
    if (blocks.length > 0) log(`\n${style.bold('Score')}\n\n${blocks.join('\n\n')}\n`);
    log(`${passed} passed, ${failed} failed`);
  }
}
