/**
 * Measured figures, recorded by the scripts that measure them and shown in
 * the README from the record, never typed: each benchmark run with
 * `--record` writes its figures to grading/bench/figures.json (with the date,
 * the machine and the command that measured them), `npx tsx
 * grading/readme-figures.ts` writes the README's tables from that file, and
 * grading/test/readme-figures.test.ts fails while a table says anything else.
 *
 * A figure is a measurement (a time varies from run to run; a count of lines
 * does not): the record says what was measured, when, where and how, so a
 * reader can measure it again.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from '../paths';

export const FIGURES_FILE = path.join(ROOT, 'grading', 'bench', 'figures.json');

/** The learner's loop, per exercise: how much `npm test` prints, and how soon a save shows its score. */
export const LEARNER_LOOP = 'learner-loop';
export const LINES_ON_STUB = 'lines `npm test` prints on the stub';
export const LINES_ON_VARIANT = 'on a known-wrong variant';
export const SAVE_TO_SCORE = 'save to score in watch mode';
/** Wall time of the commands people run (grading/bench/timings.ts). */
export const COMMANDS = 'commands';
export const WALL_TIME = 'wall time';

export interface Figure {
  /** What it says, as the README's table shows it: `1.4 s (median of 5)`. */
  readonly value: string;
  /** The day it was measured, `YYYY-MM-DD`. */
  readonly measured: string;
  /** The machine: cores, memory, Node. */
  readonly machine: string;
  /** The command that measures it again. */
  readonly how: string;
}

/** Figures by table, then by row: `learner-loop` → `bloom-filter` → `save to score` → figure. */
export type Figures = Record<string, Record<string, Record<string, Figure>>>;

export function readFigures(file: string = FIGURES_FILE): Figures {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as Figures;
  } catch {
    return {};
  }
}

export const machine = (): string => `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.versions.node}`;
const today = (): string => new Date().toISOString().slice(0, 10);

/** Records figures measured now in one table, keeping every other figure as it was. */
export function recordFigures(table: string, rows: Record<string, Record<string, string>>, how: string, file: string = FIGURES_FILE): void {
  const figures = readFigures(file);
  const into = (figures[table] ??= {});
  for (const [row, columns] of Object.entries(rows)) {
    const target = (into[row] ??= {});
    for (const [column, value] of Object.entries(columns)) target[column] = { value, measured: today(), machine: machine(), how };
  }
  fs.writeFileSync(file, `${JSON.stringify(figures, null, 2)}\n`);
}

/**
 * A table of the README, from the figures of one table: a row per row, a column per column (in the order given), and
 * under it when and how they were measured.
 */
export function figuresTable(figures: Figures, table: string, rowHeading: string, columns: readonly string[]): string {
  const rows = figures[table] ?? {};
  const lines = [`| ${rowHeading} | ${columns.join(' | ')} |`, `|---|${columns.map(() => '---:').join('|')}|`];
  for (const [row, values] of Object.entries(rows)) lines.push(`| ${row} | ${columns.map((c) => values[c]?.value ?? '—').join(' | ')} |`);
  const all = Object.values(rows).flatMap((values) => Object.values(values));
  const sources = [...new Set(all.map((f) => `\`${f.how}\` (${f.measured}, ${f.machine})`))];
  if (sources.length > 0) lines.push('', `Measured with ${sources.join('; ')}.`);
  return lines.join('\n');
}
