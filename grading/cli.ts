/**
 * npm run grade -- [SLUG ...] [--solutions | --submission DIR] [--seed N]
 *                  [--json FILE] [--junit FILE] [--markdown FILE] [--fail-under PCT] [--time-limit SECONDS]
 *
 * Exit status: 0 when grading ran to the end, whatever the score; 1 when
 * --fail-under is given and the score is below it; 2 for a usage error or
 * when the grader itself failed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { catalog, exerciseSpec, type ExerciseSpec } from './catalog';
import { grade, assembleRun } from './grade';
import { inPlace, stageSubmission, type StagedImpl } from './impl';
import type { ExerciseResult, ImplKind, RunResult } from './model';
import { scoreExercise } from './score';
import { renderRun, styleFor, toJson, toJunit, toMarkdown } from './reports';
import { DEFAULT_ATTEMPT_LIMIT_MS } from './runner';
import { DEFAULT_SEED, parseSeed } from '../harness/suite/env';

const USAGE = `usage: npm run grade -- [SLUG ...] [options]

Grades each exercise (all of them when no SLUG is given) with its hidden suite.

  --solutions          grade the reference solutions/ instead of exercises/
  --submission DIR     grade DIR/exercises/<slug>, taking only the learner's files
  --seed N             run seed, an integer in [0, 4294967295] (default ${DEFAULT_SEED})
  --json FILE          write results in faultline's JSON format (version 1)
  --junit FILE         write JUnit XML
  --markdown FILE      write a Markdown summary (for a CI step summary)
  --fail-under PCT     exit 1 when the total score is below PCT percent
  --time-limit SECONDS wall-clock limit of one exercise run (default ${DEFAULT_ATTEMPT_LIMIT_MS / 1000})
  --help               show this

exercises: ${catalog.map((e) => e.slug).join(', ')}`;

class UsageError extends Error {}

interface CliOptions {
  slugs: string[];
  impl: ImplKind;
  submission?: string;
  seed: number;
  json?: string;
  junit?: string;
  markdown?: string;
  failUnder?: number;
  timeLimitMs?: number;
}

function parse(argv: readonly string[]): CliOptions | 'help' {
  const options: CliOptions = { slugs: [], impl: 'exercises', seed: DEFAULT_SEED };
  const args = argv.flatMap((arg) => (arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg]));
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const value = (): string => {
      const next = args[++i];
      if (next === undefined || next.startsWith('--')) throw new UsageError(`${arg} needs a value`);
      return next;
    };
    switch (arg) {
      case '--help':
      case '-h':
        return 'help';
      case '--solutions':
        if (options.impl === 'submission') throw new UsageError('--solutions and --submission cannot be combined');
        options.impl = 'solutions';
        break;
      case '--submission': {
        if (options.impl === 'solutions') throw new UsageError('--solutions and --submission cannot be combined');
        const dir = path.resolve(value());
        if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new UsageError(`--submission: ${dir} is not a folder`);
        options.impl = 'submission';
        options.submission = dir;
        break;
      }
      case '--seed':
        try {
          options.seed = parseSeed(value());
        } catch (error) {
          throw new UsageError(`--seed: ${(error as Error).message.replace(/^faultline: FAULTLINE_SEED /, '')}`);
        }
        break;
      case '--json':
        options.json = value();
        break;
      case '--junit':
        options.junit = value();
        break;
      case '--markdown':
        options.markdown = value();
        break;
      case '--fail-under': {
        const pct = Number(value());
        if (!Number.isFinite(pct) || pct < 0 || pct > 100) throw new UsageError('--fail-under needs a percentage between 0 and 100');
        options.failUnder = pct;
        break;
      }
      case '--time-limit': {
        const s = Number(value());
        if (!Number.isFinite(s) || s <= 0) throw new UsageError('--time-limit needs a positive number of seconds');
        options.timeLimitMs = Math.round(s * 1000);
        break;
      }
      default:
        if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg}`);
        if (!catalog.some((e) => e.slug === arg)) throw new UsageError(`unknown exercise "${arg}"; known: ${catalog.map((e) => e.slug).join(', ')}`);
        if (!options.slugs.includes(arg)) options.slugs.push(arg);
    }
  }
  return options;
}

function writeReports(options: CliOptions, run: RunResult): void {
  const outputs: [string | undefined, (run: RunResult) => string][] = [
    [options.json, toJson],
    [options.junit, toJunit],
    [options.markdown, toMarkdown],
  ];
  for (const [file, format] of outputs) {
    if (!file) continue;
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    fs.writeFileSync(file, format(run));
  }
}

async function main(): Promise<number> {
  let options: CliOptions;
  try {
    const parsed = parse(process.argv.slice(2));
    if (parsed === 'help') {
      console.log(USAGE);
      return 0;
    }
    options = parsed;
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`grade: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    throw error;
  }

  const specs: ExerciseSpec[] = options.slugs.length > 0 ? options.slugs.map(exerciseSpec) : [...catalog];
  const staged: StagedImpl =
    options.impl === 'submission' ? stageSubmission(options.submission!, specs) : inPlace(options.impl === 'solutions' ? 'solutions' : 'exercises');
  const finished: ExerciseResult[] = [];
  const base = { impl: options.impl, seed: options.seed, ...(options.submission === undefined ? {} : { submission: options.submission }) };

  // Interrupted (Ctrl-C, a CI job's timeout): still write a result file. Finished exercises
  // keep their results; the rest are listed with every point unearned.
  const onSignal = (signal: NodeJS.Signals) => {
    const partial = specs.map(
      (spec) => finished.find((e) => e.name === spec.slug) ?? scoreExercise(spec, [], new Map(), [`grader: interrupted by ${signal} before this exercise finished`]),
    );
    writeReports(options, assembleRun(base, partial));
    staged.cleanup();
    process.exit(2);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    const run = await grade({
      specs,
      staged,
      ...base,
      ...(options.timeLimitMs === undefined ? {} : { attemptLimitMs: options.timeLimitMs }),
      onExerciseStart: (spec) => process.stderr.write(`grading ${spec.slug} …\n`),
      onExercise: (result) => {
        finished.push(result);
        process.stderr.write(`graded ${result.name}: ${result.score}/${result.maxScore}\n`);
      },
    });
    writeReports(options, run);
    console.log(renderRun(run, styleFor(process.stdout)));
    if (options.failUnder !== undefined && run.maxScore > 0 && (100 * run.score) / run.maxScore < options.failUnder) {
      console.error(`grade: score ${run.score}/${run.maxScore} is below --fail-under ${options.failUnder} %`);
      return 1;
    }
    return 0;
  } finally {
    staged.cleanup();
  }
}

main().then(
  (status) => {
    process.exitCode = status;
  },
  (error: unknown) => {
    console.error(`grade: the grader itself failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exitCode = 2;
  },
);
