/**
 * From Stryker's JSON report to faultline's mutation score.
 *
 * Every mutant of the reference solution ends as one of:
 * - killed: a test of the hidden suite failed;
 * - timeout: it ran out of time, by Stryker's timeout or by a suite deadline
 *   (both stretched far past what a correct run needs: run.ts). Counted as
 *   detected, as Stryker counts it, but always reported on its own line, so
 *   a score that leans on timeouts shows it;
 * - survived: every test passed, or no test reached it;
 * - equivalent: a survivor the exercise's allow-list names, with the reason it
 *   behaves exactly as the original (grading/mutation/equivalent/<slug>.json);
 *   left out of the score;
 * - invalid: Stryker could not run it (a compile or runtime error outside any
 *   test); left out, and listed.
 *
 * score = (killed + timeout) / (killed + timeout + survived), in per cent,
 * rounded down to a tenth.
 *
 * A verdict's reason counts by its first line only (trimReason), the part the
 * committed incremental report keeps (grading/mutation/incremental.ts), so a
 * verdict reused from that report is judged exactly as the run that made it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../paths';

/** One allow-listed mutant: where it is, what it changes, and why no test can tell. */
export interface EquivalentMutant {
  /** The file, relative to solutions/<slug>/. */
  readonly file: string;
  /** The line it starts on; when absent, every such mutant in the file. */
  readonly line?: number;
  /** The column it starts on (from 1), for two such mutants on one line. */
  readonly column?: number;
  /** Stryker's mutator name, e.g. `EqualityOperator`. */
  readonly mutator: string;
  /** The source text the mutant replaces, exactly. */
  readonly original: string;
  /** What Stryker puts there, exactly. */
  readonly replacement: string;
  /** Why it behaves exactly as the original. */
  readonly reason: string;
}

interface StrykerPosition {
  readonly line: number;
  readonly column: number;
}
interface StrykerMutant {
  readonly id: string;
  readonly mutatorName: string;
  readonly replacement?: string;
  readonly location: { readonly start: StrykerPosition; readonly end: StrykerPosition };
  readonly status: string;
  readonly statusReason?: string;
}
export interface StrykerReport {
  readonly files: Readonly<Record<string, { readonly source: string; readonly mutants: readonly StrykerMutant[] }>>;
}

export type Verdict = 'killed' | 'timeout' | 'survived' | 'equivalent' | 'invalid';

export interface MutantLine {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly mutator: string;
  readonly original: string;
  readonly replacement: string;
  readonly status: string;
  readonly reason?: string;
}

export interface MutationSummary {
  readonly exercise: string;
  readonly mutants: number;
  readonly killed: number;
  readonly timeout: number;
  readonly survived: number;
  readonly equivalent: number;
  readonly invalid: number;
  /** (killed + timeout) / (killed + timeout + survived), per cent, rounded down to a tenth. */
  readonly score: number;
  /** killed / (killed + timeout + survived): the score if no timeout counted. */
  readonly scoreWithoutTimeouts: number;
  readonly seconds: number;
  /** Mutants whose verdict was taken from the committed incremental report rather than run again. */
  readonly reused: number;
  readonly survivors: readonly MutantLine[];
  readonly timeouts: readonly MutantLine[];
  readonly invalids: readonly MutantLine[];
  /** Allow-list entries that match no survivor: stale, or naming a mutant the suite kills. */
  readonly problems: readonly string[];
}

/** The message of a suite deadline (harness/errors.ts DeadlineExceededError): a timeout, not a kill. */
const DEADLINE = /deadline: the code under test (ran for more than \d+ ms|used more than \d+ ms of CPU time)/;

export function allowListFile(slug: string): string {
  return path.join(ROOT, 'grading', 'mutation', 'equivalent', `${slug}.json`);
}

export function readAllowList(slug: string): readonly EquivalentMutant[] {
  const file = allowListFile(slug);
  if (!fs.existsSync(file)) return [];
  const entries: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (!Array.isArray(entries)) throw new TypeError(`${file}: must hold a JSON array`);
  for (const [i, entry] of entries.entries()) {
    const e = entry as Partial<EquivalentMutant>;
    for (const field of ['file', 'mutator', 'original', 'replacement', 'reason'] as const) {
      if (typeof e[field] !== 'string' || e[field] === '') throw new TypeError(`${file}: entry ${i} needs a non-empty "${field}"`);
    }
    for (const field of ['line', 'column'] as const) {
      if (e[field] !== undefined && !Number.isInteger(e[field])) throw new TypeError(`${file}: entry ${i}: "${field}" must be an integer`);
    }
  }
  return entries as EquivalentMutant[];
}

/** The source text between two report positions (lines and columns start at 1). */
function slice(source: string, start: StrykerPosition, end: StrykerPosition): string {
  const lines = source.split('\n');
  const offset = (p: StrykerPosition): number => lines.slice(0, p.line - 1).reduce((sum, l) => sum + l.length + 1, 0) + p.column - 1;
  return source.slice(offset(start), offset(end));
}

/** The part of a verdict's reason that is kept and judged: its first line, at most 300 characters. */
export const trimReason = (reason: string): string => reason.split('\n')[0]!.slice(0, 300);

const percent = (part: number, whole: number): number => (whole === 0 ? 100 : Math.floor((1000 * part) / whole) / 10);

export function summarise(slug: string, report: StrykerReport, allowList: readonly EquivalentMutant[], seconds: number, reused = 0): MutationSummary {
  const prefix = `solutions/${slug}/`;
  const counts = { killed: 0, timeout: 0, survived: 0, equivalent: 0, invalid: 0 };
  const survivors: MutantLine[] = [];
  const timeouts: MutantLine[] = [];
  const invalids: MutantLine[] = [];
  const matched = new Set<EquivalentMutant>();
  const problems: string[] = [];
  let mutants = 0;
  for (const [name, file] of Object.entries(report.files).sort(([a], [b]) => (a < b ? -1 : 1))) {
    const relative = name.replace(/\\/g, '/').replace(new RegExp(`^.*${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`), '');
    // In source order, and by mutator and replacement at one place: the summary does not depend on the order Stryker wrote them in.
    const order = (a: StrykerMutant, b: StrykerMutant): number =>
      a.location.start.line - b.location.start.line ||
      a.location.start.column - b.location.start.column ||
      a.location.end.line - b.location.end.line ||
      a.location.end.column - b.location.end.column ||
      (a.mutatorName < b.mutatorName ? -1 : a.mutatorName > b.mutatorName ? 1 : 0) ||
      ((a.replacement ?? '') < (b.replacement ?? '') ? -1 : (a.replacement ?? '') > (b.replacement ?? '') ? 1 : 0);
    for (const mutant of [...file.mutants].sort(order)) {
      if (mutant.status === 'Ignored') continue;
      mutants++;
      const reason = trimReason(mutant.statusReason ?? '');
      const line: MutantLine = {
        file: relative,
        line: mutant.location.start.line,
        column: mutant.location.start.column,
        mutator: mutant.mutatorName,
        original: slice(file.source, mutant.location.start, mutant.location.end),
        replacement: mutant.replacement ?? '',
        status: mutant.status,
        ...(reason ? { reason } : {}),
      };
      const listed = allowList.filter(
        (e) => e.file === line.file && e.mutator === line.mutator && e.original === line.original && e.replacement === line.replacement && (e.line === undefined || e.line === line.line) && (e.column === undefined || e.column === line.column),
      );
      let verdict: Verdict;
      switch (mutant.status) {
        case 'Killed':
          verdict = DEADLINE.test(reason) ? 'timeout' : 'killed';
          break;
        case 'Timeout':
          verdict = 'timeout';
          break;
        case 'Survived':
        case 'NoCoverage':
          verdict = listed.length > 0 ? 'equivalent' : 'survived';
          break;
        default:
          verdict = 'invalid';
      }
      for (const e of listed) matched.add(e);
      if (verdict !== 'equivalent' && listed.length > 0) problems.push(`allow-listed as equivalent, but ${verdict}: ${describe(line)}`);
      counts[verdict]++;
      if (verdict === 'survived') survivors.push(line);
      if (verdict === 'timeout') timeouts.push(line);
      if (verdict === 'invalid') invalids.push(line);
    }
  }
  for (const e of allowList) {
    if (!matched.has(e)) problems.push(`allow-list entry matches no mutant: ${e.file}${e.line === undefined ? '' : `:${e.line}`} ${e.mutator} ${JSON.stringify(e.original)} → ${JSON.stringify(e.replacement)}`);
  }
  const detected = counts.killed + counts.timeout;
  const scored = detected + counts.survived;
  return {
    exercise: slug,
    mutants,
    ...counts,
    score: percent(detected, scored),
    scoreWithoutTimeouts: percent(counts.killed, scored),
    seconds: Math.round(seconds),
    reused,
    survivors,
    timeouts,
    invalids,
    problems,
  };
}

export const describe = (m: MutantLine): string => `${m.file}:${m.line} ${m.mutator} ${JSON.stringify(m.original)} → ${JSON.stringify(m.replacement)}`;

export function renderSummary(s: MutationSummary): string {
  const lines = [
    `${s.exercise}: mutation score ${s.score} % (${s.scoreWithoutTimeouts} % without timeouts), ${s.seconds} s, ${s.mutants - s.reused} of ${s.mutants} mutants run (${s.reused} verdicts reused)`,
    `  ${s.mutants} mutants: ${s.killed} killed, ${s.timeout} timed out, ${s.survived} survived, ${s.equivalent} equivalent (allow-listed), ${s.invalid} invalid`,
  ];
  if (s.survivors.length > 0) lines.push('  survived (a gap in the suite, or an equivalent mutant to allow-list with its reason):', ...s.survivors.map((m) => `    ${describe(m)}`));
  if (s.timeouts.length > 0) lines.push('  timed out:', ...s.timeouts.map((m) => `    ${describe(m)}${m.reason ? ` (${m.reason.slice(0, 120)})` : ''}`));
  if (s.invalids.length > 0) lines.push('  invalid:', ...s.invalids.map((m) => `    ${describe(m)} [${m.status}]`));
  if (s.problems.length > 0) lines.push('  allow-list problems:', ...s.problems.map((p) => `    ${p}`));
  return lines.join('\n');
}
