/**
 * The course workflows (grading/github-classroom): what can be checked without
 * GitHub. The files are what the generator writes, parse as YAML, name only
 * paths and scripts that exist, score each exercise out of its catalog points,
 * and keep every secret out of the student's repository and out of the job that
 * runs students' code. The scripts the instructor's workflows run are run here
 * against a stand-in for gh and local git repositories.
 *
 * YAML is parsed by PyYAML (python3 -c 'import yaml'), which the machine image
 * has: no YAML parser is among the npm packages installed.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { toCsv, type BatchResult } from '../batch';
import { catalog, exerciseSpec, maxPoints, shipped } from '../catalog';
import { copiesReport } from '../github-classroom/copies';
import { composeFeedback, type Manifest } from '../github-classroom/feedback';
import { differences } from '../github-classroom/generate';
import { classroomWorkflow, generatedFiles } from '../github-classroom/workflows';
import type { RunResult, TestResult } from '../model';
import { CLASSROOM_REPORTER, toClassroomNotice } from '../reports/classroom';
import { ROOT } from './support';

type Yaml = { [key: string]: Yaml } & Yaml[] & string;
interface Step {
  readonly name?: string;
  readonly id?: string;
  readonly uses?: string;
  readonly run?: string;
  readonly with?: Record<string, unknown>;
  readonly env?: Record<string, string>;
}
interface Workflow {
  readonly name: string;
  readonly on: Record<string, Yaml>;
  readonly permissions: Record<string, string>;
  readonly jobs: Record<string, { readonly steps: readonly Step[]; readonly permissions?: unknown }>;
}

const files = generatedFiles();
const studentFiles = shipped().map((spec) => [spec.slug, `grading/github-classroom/${spec.slug}.yml`] as const);
const instructorFile = (name: string) => `grading/github-classroom/instructor/${name}.yml`;

/** Every generated file, parsed by PyYAML (YAML 1.1: an unquoted `on` key would read as true, so ours is quoted). */
function parseAll(): Map<string, Workflow> {
  const script = 'import json, sys, yaml\nprint(json.dumps({f: yaml.safe_load(open(f)) for f in sys.argv[1:]}))';
  const run = spawnSync('python3', ['-c', script, ...files.keys()], { cwd: ROOT, encoding: 'utf8' });
  if (run.status !== 0) {
    throw new Error(`the workflows could not be parsed as YAML (python3 -c 'import yaml' needs PyYAML, which the machine image has): ${run.error?.message ?? run.stderr}`);
  }
  return new Map(Object.entries(JSON.parse(run.stdout) as Record<string, Workflow>));
}

let parsed: Map<string, Workflow>;
beforeAll(() => {
  parsed = parseAll();
});
const workflow = (file: string): Workflow => parsed.get(file) ?? expect.unreachable(`${file} was not parsed`);
const steps = (file: string): Step[] => Object.values(workflow(file).jobs).flatMap((job) => [...job.steps]);
const runs = (file: string): string[] => steps(file).flatMap((step) => (step.run === undefined ? [] : [step.run]));

/** Every string in a parsed workflow, with where it is. */
function strings(value: unknown, at: string[] = []): { at: string; text: string }[] {
  if (typeof value === 'string') return [{ at: at.join('.'), text: value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, [...at, String(i)]));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => [...strings(k, [...at, '(key)']), ...strings(v, [...at, k])]);
  return [];
}

describe('the generated workflows', () => {
  test('the committed files are exactly what generate.ts writes from the templates and the catalog', () => {
    expect(differences(ROOT, files)).toEqual({ write: [], remove: [] });
    expect([...files.keys()].sort()).toEqual([...studentFiles.map(([, file]) => file), ...['collect', 'grade', 'publish'].map(instructorFile)].sort());
  });

  test('every file parses as YAML into a workflow with a name, triggers, permissions and jobs', () => {
    for (const file of files.keys()) {
      const parsedFile = workflow(file);
      expect(Object.keys(parsedFile).sort(), file).toEqual(['jobs', 'name', 'on', 'permissions']);
      for (const job of Object.values(parsedFile.jobs)) expect(job.steps.length, file).toBeGreaterThan(0);
    }
  });

  test('no template marker is left unfilled', () => {
    for (const [file, text] of files) expect(text, file).not.toMatch(/\{\{[A-Z_]+\}\}/);
  });

  test('every npm script a workflow runs is one of package.json, and every file it names exists in the repository', () => {
    const scripts = Object.keys((JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts);
    let named = 0;
    for (const file of files.keys()) {
      for (const run of runs(file)) {
        for (const [, script] of run.matchAll(/npm run (?:--silent )?([\w:-]+)/g)) expect(scripts, `${file}: npm run ${script}`).toContain(script);
        for (const [repoPath] of run.matchAll(/(?<![\w$/.-])grading\/[\w./-]*[\w]/g)) {
          expect(fs.existsSync(path.join(ROOT, repoPath)), `${file} names ${repoPath}`).toBe(true);
          named++;
        }
      }
      for (const step of steps(file)) {
        const sparse = step.with?.['sparse-checkout'];
        if (typeof sparse === 'string') expect(fs.existsSync(path.join(ROOT, sparse)), `${file} checks out ${sparse}`).toBe(true);
      }
    }
    expect(named).toBeGreaterThanOrEqual(4);
  });
  test('every option the workflows pass to grade and shipping.ts is one their --help lists', () => {
    const help = (script: string) => spawnSync(process.execPath, ['--import', 'tsx', script, '--help'], { cwd: ROOT, encoding: 'utf8' }).stdout;
    const gradeHelp = help('grading/cli.ts');
    const used = new Set<string>();
    for (const file of files.keys()) {
      for (const run of runs(file)) {
        for (const [, args] of run.matchAll(/npm run --silent grade -- ([^\n]*)/g)) for (const [flag] of args!.matchAll(/--[a-z-]+/g)) used.add(flag);
        for (const [, args] of run.matchAll(/args=\(([^)]*)\)/g)) for (const [flag] of args!.matchAll(/--[a-z-]+/g)) used.add(flag);
        for (const [, args] of run.matchAll(/args\+=\(([^)]*)\)/g)) for (const [flag] of args!.matchAll(/--[a-z-]+/g)) used.add(flag);
      }
    }
    used.delete('--feedback');
    used.delete('--post');
    expect([...used].sort()).toEqual(['--batch', '--classroom', '--markdown', '--out', '--seed', '--suite']);
    for (const flag of used) expect(gradeHelp, `grade --help lists ${flag}`).toContain(flag);
    const shipping = runs(instructorFile('grade')).join('\n').match(/npx tsx grading\/shipping\.ts (\w+) (--[a-z]+)/);
    expect(shipping?.slice(1)).toEqual(['gradescope', '--into']);
    expect(help('grading/shipping.ts')).toMatch(/gradescope[\s\S]*--into DIR/);
  });
});

describe('the student workflow', () => {
  test.each(studentFiles)('%s grades its own exercise alone, so its points are the catalog\'s', (slug, file) => {
    const spec = exerciseSpec(slug);
    const grade = steps(file).find((step) => step.id === 'faultline');
    expect(grade?.run).toBe(`npm run --silent grade -- ${slug} --classroom --markdown "$GITHUB_STEP_SUMMARY"`);
    const named = grade!.run!.split(/\s+/).filter((word) => catalog.some((e) => e.slug === word));
    expect(named).toEqual([slug]);
    expect(files.get(file)).toContain(`${maxPoints(spec)} points`);
    for (const task of spec.tasks) expect(files.get(file)).toContain(`#   ${task.id}. ${task.title}: ${task.points}\n`);
    // The notice of a run of this exercise alone, all tests failed: out of the catalog's points, never 500.
    const tests: TestResult[] = spec.tasks.map((task) => ({ name: `t${task.id}`, task: task.id, category: 'correctness', points: 0, maxPoints: task.points, status: 'failed', message: 'no', replay: '' }));
    const run = { version: 1, seed: 1, impl: 'exercises', score: 0, maxScore: maxPoints(spec), exercises: [{ name: slug, title: spec.title, score: 0, maxScore: maxPoints(spec), tasks: [], tests, notes: [] }] } as RunResult;
    expect(toClassroomNotice(run)).toBe(`::notice title=Autograding complete::Points 0/${maxPoints(spec)}`);
  });

  test.each(studentFiles)('%s references no secret and no token, and its token may only read the repository', (_slug, file) => {
    expect(files.get(file)).not.toMatch(/secrets\s*\.|github\.token|GITHUB_TOKEN/i);
    expect(workflow(file).permissions).toEqual({ contents: 'read' });
    for (const job of Object.values(workflow(file).jobs)) expect(job.permissions).toBeUndefined();
    const checkout = steps(file).find((step) => step.uses?.startsWith('actions/checkout@'));
    expect(checkout?.with?.['persist-credentials']).toBe(false);
  });

  test('the reporter it names is the one grading/reports/classroom.ts writes for, fed the grade step\'s result', () => {
    const source = fs.readFileSync(path.join(ROOT, 'grading/reports/classroom.ts'), 'utf8');
    expect(source).toContain(`\`${CLASSROOM_REPORTER}\``);
    for (const [, file] of studentFiles) {
      const reporter = steps(file).find((step) => step.uses?.includes('autograding-grading-reporter'));
      expect(reporter?.uses).toBe(CLASSROOM_REPORTER);
      // The reporter reads <RUNNER-ID>_RESULTS for each id in `runners` (src/main.js).
      const runner = String(reporter?.with?.runners);
      expect(reporter?.env).toEqual({ [`${runner.toUpperCase()}_RESULTS`]: `\${{ steps.${runner}.outputs.result }}` });
      expect(steps(file).some((step) => step.id === runner)).toBe(true);
    }
    expect(workflow(studentFiles[0][1]).name).toBe('Autograding Tests');
    expect(Object.keys(workflow(studentFiles[0][1]).jobs)).toEqual(['run-autograding-tests']);
  });

  test('classroomWorkflow refuses an exercise the catalog does not have', () => {
    expect(() => classroomWorkflow('raf')).toThrow(/no exercise "raf"/);
  });
});

describe('the instructor workflows', () => {
  /** Where each workflow's secrets are used: `job.steps.N.env.VAR` → the secret. */
  const secretUses = (file: string) =>
    strings(workflow(file))
      .filter(({ text }) => /secrets\s*\./.test(text))
      .map(({ at, text }) => ({ at: at.replace(/^jobs\.[^.]+\.steps\.(\d+)/, (_, i: string) => `step "${steps(file)[Number(i)]?.name}"`), text }));

  test('each holds one secret, in the environment of the one step that needs it', () => {
    expect(secretUses(instructorFile('collect'))).toEqual([{ at: 'step "Collect one commit per student".env.GH_TOKEN', text: '${{ secrets.STUDENT_REPOS_TOKEN }}' }]);
    expect(secretUses(instructorFile('grade'))).toEqual([{ at: 'step "Grade every submission, with no network".env.SEED', text: '${{ secrets.FAULTLINE_SEED }}' }]);
    expect(secretUses(instructorFile('publish'))).toEqual([{ at: 'step "Post, or show, each student\'s grade".env.GH_TOKEN', text: '${{ secrets.STUDENT_ISSUES_TOKEN }}' }]);
  });

  test('the workflows that hold a token install no package and run no student code', () => {
    for (const name of ['collect', 'publish']) {
      for (const run of runs(instructorFile(name))) expect(run, name).not.toMatch(/\bnpm\b|\bnpx\b|docker/);
      expect(steps(instructorFile(name)).filter((step) => step.uses !== undefined).map((step) => step.uses!.split('@')[0])).toEqual(
        name === 'collect' ? ['actions/checkout', 'actions/upload-artifact'] : ['actions/checkout', 'actions/download-artifact'],
      );
    }
  });

  test('the grade workflow runs the batch in a container with no network, built from the files that may sit beside students\' code', () => {
    const grade = runs(instructorFile('grade')).find((run) => run.includes('npm run --silent grade'))!;
    expect(grade).toMatch(/docker run --rm --network none /);
    expect(grade).toContain('faultline-grader npm run --silent grade -- "${args[@]}"');
    expect(grade).toContain('args=("$exercise" --batch /submissions --out /graded)');
    expect(grade).toContain('/submissions:ro');
    const layout = runs(instructorFile('grade')).find((run) => run.includes('shipping.ts'))!;
    expect(layout).toContain('npx tsx grading/shipping.ts gradescope --into "$RUNNER_TEMP/grader"');
    expect(runs(instructorFile('grade')).find((run) => run.includes('docker build'))).toContain('"$RUNNER_TEMP/grader"');
  });

  test('each step takes what the one before it left: workflow names, artifact names and files agree', () => {
    const collect = workflow(instructorFile('collect'));
    const grade = workflow(instructorFile('grade'));
    expect((grade.on.workflow_run as unknown as { workflows: string[] }).workflows).toEqual([collect.name]);
    const artifact = (file: string, action: string) => steps(file).filter((s) => s.uses?.startsWith(`actions/${action}-artifact@`)).map((s) => s.with?.name);
    expect(artifact(instructorFile('collect'), 'upload')).toEqual(['submissions']);
    expect(artifact(instructorFile('grade'), 'download')).toEqual(['submissions']);
    expect(artifact(instructorFile('grade'), 'upload')).toEqual(['grades']);
    expect(artifact(instructorFile('publish'), 'download')).toEqual(['grades']);
    expect(runs(instructorFile('grade')).join('\n')).toContain('--out "$RUNNER_TEMP/graded/feedback.json"');
    expect(runs(instructorFile('publish')).join('\n')).toContain('--feedback "$RUNNER_TEMP/grades/feedback.json"');
    const choices = (collect.on.workflow_dispatch as unknown as { inputs: { exercise: { options: string[] } } }).inputs.exercise.options;
    expect(choices).toEqual(shipped().map((spec) => spec.slug));
  });
});

/** A folder of stand-ins on PATH: gh answers from files and logs its argv and input; git logs its argv and runs the real one. */
function fakeTools(dir: string): { bin: string; log: (name: string) => string } {
  const bin = path.join(dir, 'bin');
  fs.mkdirSync(bin, { recursive: true });
  const realGit = spawnSync('bash', ['-c', 'command -v git'], { encoding: 'utf8' }).stdout.trim();
  fs.writeFileSync(
    path.join(bin, 'gh'),
    `#!/usr/bin/env bash
printf '%s\\n' "$*" >> "$FAKE/gh.log"
if [[ " $* " == *" --body-file - "* ]]; then cat >> "$FAKE/gh.log"; fi
endpoint=""
for a in "$@"; do case "$a" in api|--paginate) ;; --jq) break ;; *) if [[ -z "$endpoint" ]]; then endpoint="$a"; fi ;; esac; done
answer() { if [[ -f "$1" ]]; then cat "$1"; else echo "gh: HTTP 404: Not Found" >&2; exit 1; fi; }
case "$endpoint" in
  orgs/*/repos*) answer "$FAKE/repos.json" ;;
  repos/*/activity*) r=\${endpoint#repos/}; r=\${r%%/activity*}; answer "$FAKE/activity-\${r//\\//__}.json" ;;
  repos/*/branches/*) r=\${endpoint#repos/}; r=\${r%%/branches*}; answer "$FAKE/head-\${r//\\//__}" ;;
  repos/*/issues*) r=\${endpoint#repos/}; r=\${r%%/issues*}; answer "$FAKE/issues-\${r//\\//__}.json" ;;
  user) echo teacher ;;
  issue) exit 0 ;;
  *) echo "fake gh: no answer for $*" >&2; exit 1 ;;
esac
`,
    { mode: 0o755 },
  );
  fs.writeFileSync(path.join(bin, 'git'), `#!/usr/bin/env bash\nprintf '%s\\n' "$*" >> "$FAKE/git.log"\nexec ${realGit} "$@"\n`, { mode: 0o755 });
  return { bin, log: (name) => (fs.existsSync(path.join(dir, `${name}.log`)) ? fs.readFileSync(path.join(dir, `${name}.log`), 'utf8') : '') };
}

const git = (cwd: string, ...args: string[]): string => {
  const run = spawnSync('git', ['-c', 'user.name=student', '-c', 'user.email=s@example.org', '-c', 'init.defaultBranch=main', ...args], { cwd, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`git ${args.join(' ')}: ${run.stderr}`);
  return run.stdout.trim();
};

/** A student's repository on the stand-in server (a bare repository GITHUB_SERVER_URL points at), one commit per content given. */
function studentRepo(server: string, name: string, versions: readonly string[]): string[] {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'faultline-student-'));
  git(work, 'init', '-q');
  const commits = versions.map((text, i) => {
    fs.mkdirSync(path.join(work, 'exercises/bloom-filter'), { recursive: true });
    fs.writeFileSync(path.join(work, 'exercises/bloom-filter/bloom-filter.ts'), text);
    git(work, 'add', '-A');
    git(work, 'commit', '-q', '-m', `version ${i + 1}`);
    return git(work, 'rev-parse', 'HEAD');
  });
  const bare = path.join(server, 'course', `${name}.git`);
  git(os.tmpdir(), 'clone', '-q', '--bare', work, bare);
  // GitHub serves any commit of a repository by its id, as actions/checkout relies on; a local bare repository must be told to.
  git(bare, 'config', 'uploadpack.allowAnySHA1InWant', 'true');
  fs.rmSync(work, { recursive: true, force: true });
  return commits;
}

describe('collect.sh, against a stand-in for GitHub', () => {
  const TOKEN = 'ghp_thisIsTheInstructorsReadToken';
  let dir: string;
  let tools: ReturnType<typeof fakeTools>;
  let alice: string[];
  let run: ReturnType<typeof spawnSync>;
  let manifest: Manifest;
  let unpacked: string;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faultline-collect-'));
    tools = fakeTools(dir);
    const server = path.join(dir, 'server');
    alice = studentRepo(server, 'bf-alice', ['// before the deadline', '// after the deadline']);
    studentRepo(server, 'bf-carol', ['// late']);
    const repo = (name: string, extra = {}) => ({ full_name: `course/${name}`, name, default_branch: 'main', is_template: false, ...extra });
    fs.writeFileSync(path.join(dir, 'repos.json'), JSON.stringify([repo('bf-alice'), repo('bf-starter', { is_template: true }), repo('bf-carol'), repo('raft-alice')]) + JSON.stringify([repo('bf-dave', { default_branch: null })]));
    const push = (after: string, timestamp: string) => ({ after, before: '0'.repeat(40), ref: 'refs/heads/main', timestamp, activity_type: 'push' });
    fs.writeFileSync(path.join(dir, 'activity-course__bf-alice.json'), JSON.stringify([push(alice[1]!, '2026-12-02T08:00:00Z'), push(alice[0]!, '2026-12-01T20:00:00Z')]));
    fs.writeFileSync(path.join(dir, 'activity-course__bf-carol.json'), JSON.stringify([push('c'.repeat(40), '2026-12-02T09:30:00.123Z')]));
    const out = path.join(dir, 'out');
    run = spawnSync('bash', [path.join(ROOT, 'grading/github-classroom/collect.sh'), '--owner', 'course', '--prefix', 'bf', '--exercise', 'bloom-filter', '--deadline', '2026-12-01T23:59:00Z', '--out', out], {
      encoding: 'utf8',
      env: { ...process.env, PATH: `${tools.bin}:${process.env.PATH}`, FAKE: dir, GH_TOKEN: TOKEN, GITHUB_SERVER_URL: `file://${server}` },
    });
    manifest = fs.existsSync(path.join(out, 'manifest.json')) ? (JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8')) as Manifest) : ({} as Manifest);
    unpacked = path.join(dir, 'unpacked');
    fs.mkdirSync(unpacked);
    spawnSync('tar', ['-xzf', path.join(out, 'submissions.tar.gz'), '-C', unpacked]);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('takes each repository as its last push before the deadline left it, and says why the others have nothing', () => {
    expect(run.status, String(run.stderr)).toBe(0);
    expect(manifest).toMatchObject({ version: 1, exercise: 'bloom-filter', owner: 'course', prefix: 'bf', deadline: '2026-12-01T23:59:00Z' });
    expect(manifest.submissions).toEqual([{ student: 'alice', repo: 'course/bf-alice', branch: 'main', commit: alice[0], pushed: '2026-12-01T20:00:00Z' }]);
    expect(manifest.missing).toEqual([
      { student: 'carol', repo: 'course/bf-carol', why: 'no push to main before 2026-12-01T23:59:00Z' },
      { student: 'dave', repo: 'course/bf-dave', why: 'the repository is empty' },
    ]);
  });

  test('writes the collected commit as a git checkout, in the layout the batch grades', () => {
    expect(fs.readdirSync(path.join(unpacked, 'submissions'))).toEqual(['alice']);
    const alicePath = path.join(unpacked, 'submissions/alice');
    expect(fs.readFileSync(path.join(alicePath, 'exercises/bloom-filter/bloom-filter.ts'), 'utf8')).toBe('// before the deadline');
    expect(git(alicePath, 'rev-parse', 'HEAD')).toBe(alice[0]);
  });

  test('never puts the token on a command line, in the log or in the artifact', () => {
    expect(tools.log('gh')).toContain('orgs/course/repos');
    expect(tools.log('git')).toContain('fetch');
    for (const text of [tools.log('gh'), tools.log('git'), String(run.stdout), String(run.stderr)]) expect(text).not.toContain(TOKEN);
    const artifact = spawnSync('bash', ['-c', `grep -rl -- '${TOKEN}' . || true`], { cwd: unpacked, encoding: 'utf8' }).stdout;
    expect(artifact).toBe('');
  });

  test('refuses a deadline it cannot read, saying how to write one', () => {
    const bad = spawnSync('bash', [path.join(ROOT, 'grading/github-classroom/collect.sh'), '--owner', 'course', '--prefix', 'bf', '--exercise', 'bloom-filter', '--deadline', 'friday-ish', '--out', path.join(dir, 'bad')], {
      encoding: 'utf8',
      env: { ...process.env, PATH: `${tools.bin}:${process.env.PATH}`, FAKE: dir, GH_TOKEN: TOKEN },
    });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("--deadline 'friday-ish' is not a time date(1) can read; write it as 2026-12-01T23:59:00Z");
  });
});

describe('feedback.ts and publish.sh', () => {
  const slug = 'bloom-filter';
  const spec = exerciseSpec(slug);
  const SECRET = 'a line only the private suite has';
  let dir: string;

  /** A result file as the batch writes it: every test of tasks 1 and 3 passed, the rest failed with a message quoting the private suite. */
  function result(seed: number, commit: string, forged = false): RunResult {
    const tests: TestResult[] = spec.tasks.map((task) => {
      const passed = task.id === 1 || task.id === 3;
      return { name: `private: task ${task.id} test`, task: task.id, category: 'correctness', points: passed ? task.points : 0, maxPoints: task.points, status: passed ? 'passed' : 'failed', message: passed ? '' : SECRET, replay: '' };
    });
    const score = tests.reduce((sum, t) => sum + t.points, 0) + (forged ? 40 : 0);
    return { version: 1, seed, impl: 'submission', provenance: { commit }, score, maxScore: 100, exercises: [{ name: slug, title: spec.title, score, maxScore: 100, tasks: [], tests, notes: [] }] } as unknown as RunResult;
  }

  const manifest: Manifest = {
    version: 1,
    exercise: slug,
    owner: 'course',
    prefix: 'bf',
    deadline: '2026-12-01T23:59:00Z',
    collected: '2026-12-02T10:00:00Z',
    submissions: [
      { student: 'alice', repo: 'course/bf-alice', branch: 'main', commit: 'a'.repeat(40), pushed: '2026-12-01T20:00:00Z' },
      { student: 'bob', repo: 'course/bf-bob', branch: 'main', commit: 'b'.repeat(40) },
      { student: 'erin', repo: 'course/bf-erin', branch: 'main', commit: 'e'.repeat(40) },
      { student: 'fay', repo: 'course/bf-fay', branch: 'main', commit: 'f'.repeat(40) },
    ],
    missing: [{ student: 'carol', repo: 'course/bf-carol', why: 'no push to main before 2026-12-01T23:59:00Z' }],
  };

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faultline-feedback-'));
    const write = (student: string, run: RunResult) => {
      fs.mkdirSync(path.join(dir, student), { recursive: true });
      fs.writeFileSync(path.join(dir, student, 'result.json'), JSON.stringify(run));
    };
    write('alice', result(7, 'a'.repeat(40)));
    write('bob', result(7, 'b'.repeat(40), true));
    write('erin', result(7, 'f'.repeat(40)));
    const unrun = result(7, 'f'.repeat(40));
    const failed = unrun.exercises[0]!.tests.map((t) => ({ ...t, status: 'error' as const, points: 0, message: 'not submitted' }));
    write('fay', { ...unrun, score: 0, exercises: [{ ...unrun.exercises[0]!, score: 0, tests: failed, submitted: { status: 'missing', files: [], missing: [{ file: 'bloom-filter.ts' }] } } as never] });
    const row = (student: string, status: 'ok' | 'timed-out') => ({ student, status, score: 0, maxScore: 100, exercises: { [slug]: 0 }, seconds: 1, detail: status === 'ok' ? '' : 'stopped, with a detail, and commas', notes: [] });
    const batch: BatchResult = { seed: 7, slugs: [slug], rows: [row('alice', 'timed-out'), row('bob', 'ok'), row('erin', 'ok'), row('fay', 'ok')], skipped: [] };
    fs.writeFileSync(path.join(dir, 'summary.csv'), toCsv(batch));
    fs.writeFileSync(path.join(dir, 'feedback.json'), JSON.stringify(composeFeedback(manifest, dir)));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('a graded student is told the points per task of the commit graded, and nothing of a test but its points', () => {
    const [alice] = composeFeedback(manifest, dir);
    expect(alice).toMatchObject({ repo: 'course/bf-alice', student: 'alice', title: 'faultline: Bloom filter (bloom-filter)' });
    expect(alice!.body).toContain(`## Bloom filter: ${spec.tasks[0]!.points + spec.tasks[2]!.points}/100`);
    expect(alice!.body).toContain(`commit \`${'a'.repeat(12)}\` on \`main\`, your last push before the deadline, 2026-12-01T23:59:00Z (it arrived at 2026-12-01T20:00:00Z)`);
    for (const task of spec.tasks) expect(alice!.body).toContain(`| ${task.id}. ${task.title} | ${task.id === 1 || task.id === 3 ? task.points : 0}/${task.points} |`);
    expect(alice!.body).toContain('Note: the grade was stopped at its time limit');
    for (const feedback of composeFeedback(manifest, dir)) {
      expect(feedback.body).not.toContain(SECRET);
      expect(feedback.body).not.toContain('private:');
    }
  });

  test('a result whose scores do not add up, or that graded another commit, earns nothing and says so', () => {
    const [, bob, erin] = composeFeedback(manifest, dir);
    expect(bob!.body).toContain('## Bloom filter: 0/100');
    expect(bob!.body).toContain("Not graded: the result file's score for bloom-filter does not add up.");
    expect(erin!.body).toContain('Not graded: the grader read a different commit from the one collected.');
  });

  test('a submission without its learner file is told which file was not found', () => {
    const fay = composeFeedback(manifest, dir).find((f) => f.student === 'fay');
    expect(fay?.body).toContain('## Bloom filter: 0/100');
    expect(fay?.body).toContain('Not run: `bloom-filter.ts` was not found in your repository (expected in `exercises/bloom-filter/`).');
  });

  test('a student with nothing collected is told why', () => {
    const carol = composeFeedback(manifest, dir).find((f) => f.student === 'carol');
    expect(carol?.body).toContain('found nothing to grade in this repository: no push to main before 2026-12-01T23:59:00Z.');
  });

  test('publish.sh without --post shows each message on the run page and calls nothing', () => {
    const summary = path.join(dir, 'step-summary.md');
    const tools = fakeTools(dir);
    const run = spawnSync('bash', [path.join(ROOT, 'grading/github-classroom/publish.sh'), '--feedback', path.join(dir, 'feedback.json')], {
      encoding: 'utf8',
      env: { ...process.env, PATH: `${tools.bin}:${process.env.PATH}`, FAKE: dir, GITHUB_STEP_SUMMARY: summary, GH_TOKEN: '' },
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('showed 5 of 5 (nothing posted');
    expect(fs.readFileSync(summary, 'utf8')).toContain('### course/bf-alice: faultline: Bloom filter (bloom-filter)');
    expect(tools.log('gh')).toBe('');
  });

  test('publish.sh --post opens an issue, or comments on the one it opened before, with the body on standard input', () => {
    const tools = fakeTools(dir);
    fs.writeFileSync(path.join(dir, 'issues-course__bf-alice.json'), JSON.stringify([{ number: 3, title: 'faultline: Bloom filter (bloom-filter)' }, { number: 4, title: 'other' }]));
    for (const student of ['bob', 'erin', 'fay', 'carol']) fs.writeFileSync(path.join(dir, `issues-course__bf-${student}.json`), '[]');
    const token = 'github_pat_theIssuesToken';
    const run = spawnSync('bash', [path.join(ROOT, 'grading/github-classroom/publish.sh'), '--feedback', path.join(dir, 'feedback.json'), '--post'], {
      encoding: 'utf8',
      env: { ...process.env, PATH: `${tools.bin}:${process.env.PATH}`, FAKE: dir, GH_TOKEN: token },
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('commented on course/bf-alice#3');
    expect(run.stdout).toContain('opened an issue in course/bf-carol');
    expect(run.stdout).toContain('posted 5 of 5');
    const log = tools.log('gh');
    expect(log).toContain('issue comment 3 --repo course/bf-alice --body-file -\n## Bloom filter:');
    expect(log).toContain('issue create --repo course/bf-bob --title faultline: Bloom filter (bloom-filter) --body-file -\n## Bloom filter: 0/100');
    expect(log).not.toContain(token);
  });
});

describe('copies.ts, on the runner after the sandbox', () => {
  test('names each submission identical to the reference, to another student\'s once comments and whitespace are set aside, or the untouched stub', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faultline-copies-'));
    try {
      const put = (student: string, text: string) => {
        fs.mkdirSync(path.join(dir, student, 'exercises/bloom-filter'), { recursive: true });
        fs.writeFileSync(path.join(dir, student, 'exercises/bloom-filter/bloom-filter.ts'), text);
      };
      put('alice', fs.readFileSync(path.join(ROOT, 'solutions/bloom-filter/bloom-filter.ts'), 'utf8'));
      put('bob', fs.readFileSync(path.join(ROOT, 'exercises/bloom-filter/bloom-filter.ts'), 'utf8'));
      put('carol', 'export const answer = 42;\n');
      put('dave', '// my own work\nexport const answer =\n  42;\n');
      put('erin', 'export const answer = 43;\n');
      const report = copiesReport(dir, 'bloom-filter');
      expect(report).toContain('among 5 submission(s) of `bloom-filter`');
      expect(report).toContain('- alice: bloom\\-filter\\: identical to the reference');
      expect(report).toContain('- bob: bloom\\-filter\\: the untouched stub');
      expect(report).toContain("- carol: bloom\\-filter\\: identical to dave\\'s");
      expect(report).toContain("- dave: bloom\\-filter\\: identical to carol\\'s");
      expect(report).not.toContain('erin');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
