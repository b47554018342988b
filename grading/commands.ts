/**
 * Every command of the repo and the arguments it takes, in one list: what
 * grading/args.ts parses each command line against, and what
 * grading/test/cli-args.test.ts holds every command to (an unknown flag or
 * exercise is a usage error, `--help` is not). The meaning of each flag, and
 * its help text, are in the command's own file.
 *
 * Adding a flag: declare it here, then read it in the command.
 */
import { command } from './args';
import { REPORT_FILES } from './report-files';

const SEED = 'an integer in [0, 4294967295]';
const FOLDER = 'a folder';
const SECONDS = 'a number of seconds';

/** `--json FILE`, `--junit FILE`, …: one option per report format (grading/report-files.ts). */
const reportOptions = Object.fromEntries(REPORT_FILES.map((r) => [r.flag.replace(/^--/, ''), { type: 'string' as const }])) as Record<string, { type: 'string' }>;
const reportExpects = Object.fromEntries(REPORT_FILES.map((r) => [r.flag.replace(/^--/, ''), 'a file name'])) as Record<string, string>;

export const commands = {
  grade: command({
    name: 'grade',
    usage: 'npm run grade -- [SLUG ...] [--batch DIR --out OUTDIR] [options]',
    options: {
      solutions: { type: 'boolean' },
      submission: { type: 'string' },
      suite: { type: 'string' },
      seed: { type: 'string' },
      classroom: { type: 'boolean' },
      'fail-under': { type: 'string' },
      verbose: { type: 'boolean' },
      'time-limit': { type: 'string' },
      batch: { type: 'string' },
      out: { type: 'string' },
      jobs: { type: 'string' },
      'student-time-limit': { type: 'string' },
      ...reportOptions,
    },
    expects: {
      submission: FOLDER,
      suite: FOLDER,
      seed: SEED,
      'fail-under': 'a percentage from 0 to 100',
      'time-limit': SECONDS,
      batch: FOLDER,
      out: FOLDER,
      jobs: 'a positive integer',
      'student-time-limit': SECONDS,
      ...reportExpects,
    },
    positionals: [{ kind: 'exercises' }],
  }),
  edition: command({
    name: 'edition',
    usage: 'npm run edition -- --out DIR [--rev REV] [--classroom] [SLUG ...]',
    options: { out: { type: 'string' }, rev: { type: 'string' }, classroom: { type: 'boolean' } },
    expects: { out: 'a new or empty folder', rev: 'a commit, branch or tag' },
    positionals: [{ kind: 'exercises' }],
  }),
  watch: command({
    name: 'watch',
    usage: 'npm run watch -- <exercise> [-- vitest options]',
    options: {},
    positionals: [{ kind: 'exercise' }],
    passThrough: { to: 'vitest', after: 'npm run watch -- <exercise> --' },
  }),
  progress: command({
    name: 'progress',
    usage: 'npm run progress -- [exercise ...]',
    options: {},
    positionals: [{ kind: 'exercises' }],
  }),
  hint: command({
    name: 'hint',
    usage: 'npm run hint -- <exercise> [task]',
    options: {},
    positionals: [{ kind: 'exercise' }, { kind: 'word', name: 'task' }],
  }),
  next: command({
    name: 'next',
    usage: 'npm run next -- [exercise ...]',
    options: {},
    positionals: [{ kind: 'exercises' }],
  }),
  reset: command({
    name: 'reset',
    usage: 'npm run reset -- <exercise> [--dry-run]',
    options: { 'dry-run': { type: 'boolean' } },
    positionals: [{ kind: 'exercise' }],
  }),
  mutation: command({
    name: 'mutation',
    usage: 'npm run mutation -- <exercise> [--force | --check] [--concurrency N] [--min PCT]',
    options: { force: { type: 'boolean' }, check: { type: 'boolean' }, concurrency: { type: 'string' }, min: { type: 'string' } },
    expects: { concurrency: 'a number of test runners', min: 'a percentage' },
    positionals: [{ kind: 'exercise' }],
  }),
  variant: command({
    name: 'variant',
    usage: 'npm run variant -- <exercise> [<id> [--whole | --out DIR [--fuzz N] | --save DIR]]',
    options: { whole: { type: 'boolean' }, out: { type: 'string' }, save: { type: 'string' }, fuzz: { type: 'string' } },
    expects: { out: FOLDER, save: FOLDER, fuzz: 'a whole number of lines' },
    positionals: [{ kind: 'exercise' }, { kind: 'word', name: 'variant' }],
  }),
  check: command({
    name: 'check',
    usage: 'npm run check -- <exercise> [--seeds LIST] [--skip-mutation]',
    options: { seeds: { type: 'string' }, 'skip-mutation': { type: 'boolean' } },
    expects: { seeds: 'seeds such as 2-4 or 1-10,77' },
    positionals: [{ kind: 'exercise' }],
  }),
  newExercise: command({
    name: 'new-exercise',
    usage: 'npm run new-exercise -- <slug> [--title TEXT] [--prefix LETTERS] [--dry-run] | --lint <slug> | --remove <slug>',
    options: { title: { type: 'string' }, prefix: { type: 'string' }, 'dry-run': { type: 'boolean' }, lint: { type: 'boolean' }, remove: { type: 'boolean' } },
    expects: { title: 'the title learners read', prefix: '2 to 8 capital letters' },
    positionals: [{ kind: 'word', name: 'slug', required: 'which exercise? give its slug, in kebab-case: consistent-hashing' }],
  }),
  ledger: command({
    name: 'ledger',
    usage: 'npm run ledger',
    options: {},
    positionals: [],
  }),
  stress: command({
    name: 'stress',
    usage: 'npm run stress -- [--seeds LIST] [SLUG ...] [--jobs N] [--split] [--burners N] [--write-costs] [--no-recheck]',
    options: {
      seeds: { type: 'string' },
      jobs: { type: 'string' },
      split: { type: 'boolean' },
      burners: { type: 'string' },
      'write-costs': { type: 'boolean' },
      'no-recheck': { type: 'boolean' },
    },
    expects: { seeds: 'seeds such as 1-50 or 1-10,77', jobs: 'a positive integer', burners: 'a whole number' },
    positionals: [{ kind: 'exercises' }],
  }),
  bench: command({
    name: 'bench',
    usage: 'npm run bench -- [RUNS] [--with-self-test] [--record]',
    options: { 'with-self-test': { type: 'boolean' }, record: { type: 'boolean' } },
    positionals: [{ kind: 'count', name: 'RUNS', default: 3 }],
  }),
  benchFpRate: command({
    name: 'bench/fp-rate',
    usage: 'npx tsx grading/bench/fp-rate.ts [SEEDS]',
    options: {},
    positionals: [{ kind: 'count', name: 'SEEDS', default: 1000 }],
  }),
  benchConsistentHashing: command({
    name: 'bench/consistent-hashing',
    usage: 'npx tsx grading/bench/consistent-hashing.ts [LOOKUPS] [RUNS]',
    options: {},
    positionals: [
      { kind: 'count', name: 'LOOKUPS', default: 1_000_000 },
      { kind: 'count', name: 'RUNS', default: 5 },
    ],
  }),
  benchWriteAheadLog: command({
    name: 'bench/write-ahead-log',
    usage: 'npx tsx grading/bench/write-ahead-log.ts [RECORDS] [RUNS]',
    options: {},
    positionals: [
      { kind: 'count', name: 'RECORDS', default: 100_000 },
      { kind: 'count', name: 'RUNS', default: 5 },
    ],
  }),
  benchCrdt: command({
    name: 'bench/crdt',
    usage: 'npx tsx grading/bench/crdt.ts [ELEMENTS] [RUNS]',
    options: {},
    positionals: [
      { kind: 'count', name: 'ELEMENTS', default: 10_000 },
      { kind: 'count', name: 'RUNS', default: 5 },
    ],
  }),
  benchQuorum: command({
    name: 'bench/quorum',
    usage: 'npx tsx grading/bench/quorum.ts [OPS] [RUNS]',
    options: {},
    positionals: [
      { kind: 'count', name: 'OPS', default: 2_000 },
      { kind: 'count', name: 'RUNS', default: 3 },
    ],
  }),
  benchStability: command({
    name: 'bench/stability',
    usage: 'npx tsx grading/bench/stability.ts [OPS] [RUNS]',
    options: {},
    positionals: [
      { kind: 'count', name: 'OPS', default: 200_000 },
      { kind: 'count', name: 'RUNS', default: 3 },
    ],
  }),
  benchLinearizability: command({
    name: 'bench/linearizability',
    usage: 'npx tsx grading/bench/linearizability.ts [RUNS]',
    options: {},
    positionals: [{ kind: 'count', name: 'RUNS', default: 3 }],
  }),
  benchLsm: command({
    name: 'bench/lsm',
    usage: 'npx tsx grading/bench/lsm.ts [N] [RUNS]',
    options: {},
    positionals: [
      { kind: 'count', name: 'N', default: 1_000_000 },
      { kind: 'count', name: 'RUNS', default: 5 },
    ],
  }),
  benchOutputLines: command({
    name: 'bench/output-lines',
    usage: 'npx tsx grading/bench/output-lines.ts [--record] [exercise ...]',
    options: { record: { type: 'boolean' } },
    positionals: [{ kind: 'exercises' }],
  }),
  benchRaft: command({
    name: 'bench/raft',
    usage: 'npx tsx grading/bench/raft.ts [RUNS_PER_FAMILY] [SEED]',
    options: {},
    positionals: [
      { kind: 'count', name: 'RUNS_PER_FAMILY', default: 500 },
      { kind: 'count', name: 'SEED', default: 1, min: 0 },
    ],
  }),
  benchSimSpeed: command({
    name: 'bench/sim-speed',
    usage: 'npx tsx grading/bench/sim-speed.ts [SIMULATED_SECONDS] [SEEDS]',
    options: {},
    positionals: [
      { kind: 'count', name: 'SIMULATED_SECONDS', default: 600 },
      { kind: 'count', name: 'SEEDS', default: 5 },
    ],
  }),
  benchTimelinePage: command({
    name: 'bench/timeline-page',
    usage: 'npx tsx grading/bench/timeline-page.ts [ROUNDS] [DURATION_MS] [LIMIT]',
    options: {},
    positionals: [
      { kind: 'count', name: 'ROUNDS', default: 5 },
      { kind: 'count', name: 'DURATION_MS', default: 20_000 },
      { kind: 'count', name: 'LIMIT', default: 150 },
    ],
  }),
  benchTokenBucket: command({
    name: 'bench/token-bucket',
    usage: 'npx tsx grading/bench/token-bucket.ts [OPS] [RUNS]',
    options: {},
    positionals: [
      { kind: 'count', name: 'OPS', default: 1_000_000 },
      { kind: 'count', name: 'RUNS', default: 5 },
    ],
  }),
  benchWatchLatency: command({
    name: 'bench/watch-latency',
    usage: 'npx tsx grading/bench/watch-latency.ts [ROUNDS] [exercise ...] [--record]',
    options: { record: { type: 'boolean' } },
    positionals: [{ kind: 'count', name: 'ROUNDS', default: 5 }, { kind: 'exercises' }],
  }),
  readmeFigures: command({
    name: 'readme-figures',
    usage: 'npx tsx grading/readme-figures.ts [--check]',
    options: { check: { type: 'boolean' } },
    positionals: [],
  }),
};
