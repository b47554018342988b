/**
 * Practice runs (`npm test`, `npm run watch`, `npm run ui` in an exercise)
 * share a test worker between test files, as `isolate: false` does: starting a
 * fresh worker and loading vitest, fast-check and the harness again for every
 * file cost most of a re-run, which should show its score about a second after
 * a save. What isolation gave is kept where it matters: this setup file runs
 * before every test file and forgets every module vitest evaluated for the
 * previous one (harness, suites and the learner's code alike), exactly as
 * vitest itself does between files in one isolated worker. So each file loads
 * the learner's module afresh, and state the module keeps (a cache, a
 * counter) never carries from one file into the next.
 *
 * What a shared worker does not undo: properties learner code puts on
 * `globalThis`, and a runaway allocation or crash ends the other files in the
 * same worker too. A grade runs every file in a worker of its own, under the
 * sandbox (vitest.config.ts), so a practice score that depended on either
 * would be corrected by the grade, never raised by it.
 */
import { vi } from 'vitest';

vi.resetModules();
