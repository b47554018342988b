/**
 * Every report file the `grade` command writes, in one list: its flag, what it
 * holds, and the name a batch gives it in each student's folder. The CLI's
 * options, its usage text and the batch's per-student files all come from here,
 * so a new format is one entry.
 */
import type { RunResult } from './model';
import { toGradescope, toJson, toJunit, toMarkdown } from './reports';

export interface ReportFile {
  /** The CLI option that names the file, e.g. `--json`. */
  readonly flag: string;
  /** One line for the usage text. */
  readonly what: string;
  /** The file's name in each student's folder of a batch (`OUTDIR/<student>/<batchName>`). */
  readonly batchName: string;
  readonly render: (run: RunResult) => string;
}

export const REPORT_FILES: readonly ReportFile[] = [
  { flag: '--json', what: "results in faultline's JSON format (version 1)", batchName: 'result.json', render: toJson },
  { flag: '--junit', what: 'JUnit XML', batchName: 'junit.xml', render: toJunit },
  { flag: '--markdown', what: 'a Markdown summary (for a CI step summary)', batchName: 'summary.md', render: toMarkdown },
  { flag: '--gradescope', what: "Gradescope's results.json", batchName: 'gradescope.json', render: (run) => toGradescope(run) },
];
