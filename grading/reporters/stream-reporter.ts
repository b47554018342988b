/**
 * The grader's vitest reporter: appends one JSON line per event to the file
 * named by FAULTLINE_RESULTS, synchronously, as each happens, so a run that
 * is killed loses only the test that was running.
 *
 * Lines:
 * - `{"type":"test","meta":GradedMeta,"file","position"}` for each collected graded test;
 * - `{"type":"result","name","file","state","message","durationMs","proof","cost"}` for each
 *   finished one (`proof`: the suite kit's signature of a pass, harness/suite/proof.ts;
 *   `cost`: the body's budget and the CPU time it used, harness/suite/graded.ts);
 * - `{"type":"module-error","file","message"}` for a suite file that failed outside any test;
 * - `{"type":"end","reason"}`.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Reporter, TestCase, TestModule } from 'vitest/node';
import { firstMessage, outcomeOf } from './errors';

const out = process.env.FAULTLINE_RESULTS;

function write(event: Record<string, unknown>): void {
  if (out) fs.appendFileSync(out, `${JSON.stringify(event)}\n`);
}

export default class StreamReporter implements Reporter {
  onTestModuleCollected(module: TestModule): void {
    const file = path.relative(process.cwd(), module.moduleId);
    let position = 0;
    for (const test of module.children.allTests()) {
      const meta = test.meta().faultline;
      if (meta) write({ type: 'test', meta, file, position: position++ });
    }
  }

  onTestCaseResult(test: TestCase): void {
    const meta = test.meta().faultline;
    if (!meta) return;
    const outcome = outcomeOf(test);
    if (!outcome) return;
    const proof = test.meta().faultlineProof;
    write({ type: 'result', name: meta.name, file: path.relative(process.cwd(), test.module.moduleId), state: outcome.status, message: outcome.message, durationMs: outcome.durationMs, proof, cost: test.meta().faultlineCost });
  }

  onTestRunEnd(modules: readonly TestModule[], unhandled: readonly { message?: unknown }[], reason: string): void {
    for (const module of modules) {
      const errors = module.errors();
      if (errors.length > 0) write({ type: 'module-error', file: path.relative(process.cwd(), module.moduleId), message: firstMessage(errors) });
    }
    write({ type: 'end', reason, unhandled: unhandled.map((e) => (typeof e.message === 'string' ? e.message : 'unknown error')) });
  }
}
