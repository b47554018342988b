/**
 * `npm run ui`, as a learner uses it: vitest's browser UI over an exercise,
 * opened in Debian's Chromium (playwright-core). It must list the
 * exercise's test files, show graded tests with their points, and show the
 * score beside them (grading/ui): each task's points, the total, and the
 * hint of a started task, redrawn soon after a save's run ends.
 *
 * The UI runs over a staged copy of the learner's file (FAULTLINE_IMPL_ROOT),
 * so that the test's saves never touch exercises/.
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { exerciseSpec } from '../catalog';
import { stageFile, type StagedImpl } from '../impl';
import { VITEST_BIN } from '../paths';
import type { ExerciseResult } from '../model';
import { nextUiScore, readUiScore, uiScoreFile, writeUiScore, type UiScore } from '../ui';
import { launchChromium } from './chromium';
import { ROOT, shellEnv, variantById } from './support';
import { materialize } from '../variants';

const spec = exerciseSpec('bloom-filter');
/** How long after a run's closing line the panel may take to show its score. */
const REDRAW_MS = 2_000;

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

let browser: Browser;
let ui: ChildProcess | undefined;
let staged: StagedImpl | undefined;
let url = '';
/** Everything the UI's vitest printed. */
let output = '';

/** Runs that have printed their closing line `N passed, M failed`. */
const runsEnded = (): number => output.match(/^\d+ passed, \d+ failed$/gm)?.length ?? 0;

/** Resolves, with the time it was printed, when run number `run` has printed its closing line. */
function runEnd(run: number, timeout = 120_000): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`run ${run} did not end within ${timeout / 1000} s:\n${output}`)), timeout);
    const check = () => {
      if (runsEnded() < run) return;
      clearTimeout(timer);
      ui!.stdout!.off('data', check);
      resolve(performance.now());
    };
    ui!.stdout!.on('data', check);
    check();
  });
}

beforeAll(async () => {
  const port = await freePort();
  staged = stageFile(spec, path.join(ROOT, 'exercises', spec.slug, spec.entry));
  // Exactly what `npm run ui` in exercises/bloom-filter starts, on a port of our own and without opening a browser of its own.
  const script = (JSON.parse(fs.readFileSync(path.join(ROOT, 'exercises/bloom-filter/package.json'), 'utf8')) as { scripts: { ui: string } }).scripts.ui.split(' ');
  expect(script[0]).toBe('vitest');
  ui = spawn(process.execPath, [VITEST_BIN, ...script.slice(1), '--open=false', '--api.host', '127.0.0.1', '--api.port', String(port)], {
    cwd: path.join(ROOT, 'exercises/bloom-filter'),
    // Not this test run's own vitest settings (VITEST_*, a worker's NODE_OPTIONS): a fresh vitest, as a learner starts it.
    env: { ...shellEnv(), FAULTLINE_IMPL_ROOT: staged.root, FORCE_COLOR: '0', NO_COLOR: '1' },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  ui.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the UI did not start within 60 s:\n${output}`)), 60_000);
    const check = () => {
      const started = /UI started at (http:\/\/\S+)/.exec(output);
      if (!started) return;
      clearTimeout(timer);
      ui!.stdout!.off('data', check);
      resolve(started[1]!);
    };
    ui!.stdout!.on('data', check);
    ui!.once('exit', (code) => reject(new Error(`the UI exited (${code}):\n${output}`)));
  });
  browser = await launchChromium();
}, 90_000);

afterAll(async () => {
  await browser?.close();
  if (ui?.pid !== undefined && ui.exitCode === null) {
    // As a learner stops it (Ctrl-C ends vitest the same way): vitest exits, and the UI's score file goes with it.
    const exited = new Promise((resolve) => ui!.once('exit', resolve));
    try {
      process.kill(-ui.pid, 'SIGTERM');
    } catch {
      // gone
    }
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    try {
      process.kill(-ui.pid, 'SIGKILL');
    } catch {
      // gone
    }
  }
  staged?.cleanup();
}, 30_000);

/** The run the panel shows (0 before the first). */
const panelRun = async (page: Page): Promise<number> => Number((await page.locator('#faultline-score').getAttribute('data-run')) ?? -1);
const taskText = (page: Page, task: number): Promise<string> => page.locator(`#faultline-score [data-task="${task}"]`).innerText();
const totalText = (page: Page): Promise<string> => page.locator('#faultline-score .fl-exercise > .fl-row').first().innerText();

/** Saves the staged learner file with `text`, and returns when the panel shows the run that followed, checking it was quick. */
async function saveAndWait(page: Page, text: string): Promise<void> {
  const before = await panelRun(page);
  // Every run so far has printed its closing line (the reporter may write the panel's score just before printing).
  await runEnd(before);
  const ended = runEnd(runsEnded() + 1);
  fs.writeFileSync(path.join(staged!.root, spec.slug, spec.entry), text);
  const endedAt = await ended;
  await expect.poll(() => panelRun(page), { timeout: 30_000, interval: 50 }).toBeGreaterThan(before);
  const shownAfter = performance.now() - endedAt;
  expect(shownAfter, `the panel showed the new score ${Math.round(shownAfter)} ms after the run ended`).toBeLessThan(REDRAW_MS);
}

describe('npm run ui', () => {
  test('serves the exercise: a test of each visible and graded file is listed, graded ones with their points', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(url);
    // The explorer draws only the rows in view, so each file's test is found through the search box.
    const search = page.getByPlaceholder(/Search/);
    await expect.poll(() => search.count(), { timeout: 30_000 }).toBeGreaterThan(0);
    const shown = {
      'the visible tests': ['1 000 keys at 1 %', '1 000 keys at 1 % need 9 586 bits and 7 hashes'],
      'sizing.test.ts': ['optimalParameters gives', '[6] optimalParameters gives exactly'],
      'add-has.test.ts': ['every added key', '[8] every added key is reported present'],
      'union.test.ts': ['a union has every key', '[7] a union has every key of both filters'],
      'serialisation.test.ts': ['FLBF version 1', '[4] toBytes writes the FLBF version 1 format'],
    };
    for (const [file, [query, name]] of Object.entries(shown)) {
      await search.fill(query!);
      await expect.poll(() => page.getByText(name!).count(), { timeout: 30_000, message: `${file}: ${name}` }).toBeGreaterThan(0);
    }
    await search.fill('');
    await expect.poll(() => page.getByText('[8] every added key is reported present').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await page.close();
  });

  test('shows the score beside the tests, and the new score, with the hint of a started task, soon after a save', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(url);
    const panel = page.locator('#faultline-score');
    await expect.poll(() => panelRun(page), { timeout: 120_000, message: 'the stub’s first run reaches the panel' }).toBeGreaterThan(0);

    // The stub: nothing earned, and no hints (no task is started).
    expect(await totalText(page)).toMatch(/Bloom filter\s+0\/100\s+0 %/);
    for (const task of spec.tasks) expect(await taskText(page, task.id)).toMatch(new RegExp(`Task ${task.id}\\s+${task.title}\\s+0/${task.points}`));
    expect(await panel.locator('.fl-hint').count()).toBe(0);
    // Beside vitest's page, not over it.
    const panelBox = (await panel.boundingBox())!;
    const uiBox = (await page.locator('.splitpanes').boundingBox())!;
    expect(uiBox.x + uiBox.width).toBeLessThanOrEqual(panelBox.x + 1);

    // A save with one mistake (sizing with log10): task 1 short, with its first hint; the rest in full.
    await saveAndWait(page, materialize(await variantById(spec.slug, 'log10-sizing')).get(spec.entry)!);
    expect(await totalText(page)).toMatch(/Bloom filter\s+90\/100\s+90 %/);
    expect(await taskText(page, 1)).toMatch(/Task 1\s+Sizing\s+10\/20[\s\S]*Hint 1 of \d[\s\S]*npm run hint -- bloom-filter 1/);
    for (const task of spec.tasks.slice(1)) expect(await taskText(page, task.id)).toMatch(new RegExp(`${task.points}/${task.points}`));
    await page.screenshot({ path: path.join(os.tmpdir(), 'ui-score.png') });
    fs.mkdirSync(path.join(ROOT, '.faultline'), { recursive: true });
    await page.screenshot({ path: path.join(ROOT, '.faultline', 'ui.png') });

    // The reference: full marks, no hint left.
    await saveAndWait(page, fs.readFileSync(path.join(ROOT, 'solutions', spec.slug, spec.entry), 'utf8'));
    expect(await totalText(page)).toMatch(/Bloom filter\s+100\/100\s+100 %/);
    expect(await panel.locator('.fl-hint').count()).toBe(0);
    await page.close();
  });

  test('shows what a run wrote as text, however it is spelled, and a total over several exercises', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(url);
    await expect.poll(() => panelRun(page), { timeout: 30_000 }).toBeGreaterThan(0);
    const hostile = '<img src=x onerror="document.title=`pwned`"><b>bold</b>';
    const task = (id: number, score: number) => ({ id, title: `${hostile} ${id}`, score, maxScore: 10 });
    const score = {
      version: 1,
      run: 1_000_000,
      endedAt: Date.now(),
      partial: true,
      exercises: [
        { name: 'one', title: hostile, score: 5, maxScore: 20, tasks: [{ ...task(1, 5), hint: { stage: 1, stages: 2, text: `try ${hostile}` } }, task(2, 0)], notes: [hostile], stale: true },
        { name: 'two', title: 'Two', score: 10, maxScore: 10, tasks: [task(1, 10)], notes: [], stale: false },
      ],
    };
    // The session's own file, as the reporter would write it (this run's later writes count on from here).
    fs.writeFileSync(uiScoreFile(ui!.pid!), JSON.stringify(score));
    await expect.poll(() => panelRun(page), { timeout: 10_000 }).toBe(1_000_000);
    const text = await page.locator('#faultline-score').innerText();
    expect(text).toContain(hostile);
    expect(text).toMatch(/All exercises\s+15\/30\s+50 %/);
    expect(text).toContain('the score of the last full run');
    expect(await page.locator('#faultline-score img, #faultline-score b').count()).toBe(0);
    expect(await page.title()).not.toBe('pwned');
    await page.close();
  });
});

describe('the UI score file', () => {
  const result = (name: string, score: number): ExerciseResult => ({
    name,
    title: name,
    score,
    maxScore: 10,
    tasks: [{ id: 1, title: 'one', score, maxScore: 10 }],
    tests: [],
    notes: [],
  });
  const empty: UiScore = { version: 1, run: 0, endedAt: 0, partial: false, exercises: [] };

  test('a run replaces the exercises it scored and keeps the others; a partial run keeps a full score, marked stale', () => {
    const first = nextUiScore(empty, [result('a', 1), result('b', 2)], false, 1);
    const saved = nextUiScore(first, [result('a', 5)], false, 2);
    expect(saved.exercises.map((e) => [e.name, e.score, e.stale])).toEqual([['a', 5, false], ['b', 2, false]]);
    const filtered = nextUiScore(saved, [result('a', 3), result('c', 1)], true, 3);
    expect(filtered.exercises.map((e) => [e.name, e.score, e.stale])).toEqual([['a', 5, true], ['b', 2, false], ['c', 1, false]]);
    expect([filtered.run, filtered.endedAt, filtered.partial]).toEqual([3, 3, true]);
    expect(filtered.exercises[0]).not.toHaveProperty('tests');
  });

  test('a run writes nothing where no UI session is open, and never throws where it cannot write or read', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faultline-ui-'));
    const file = path.join(dir, 'session.json');
    try {
      writeUiScore([result('a', 1)], false, file);
      expect(fs.existsSync(file)).toBe(false);
      fs.writeFileSync(file, JSON.stringify(empty));
      writeUiScore([result('a', 1)], false, file);
      expect(readUiScore(file).exercises.map((e) => e.score)).toEqual([1]);
      expect(fs.readdirSync(dir), 'no temporary file is left behind').toEqual(['session.json']);
      // A read-only checkout (as root, who writes anyway, this checks only that nothing throws).
      fs.chmodSync(dir, 0o500);
      expect(() => writeUiScore([result('a', 2)], false, file)).not.toThrow();
      fs.chmodSync(dir, 0o700);
      fs.writeFileSync(file, 'not json');
      expect(readUiScore(file)).toEqual(empty);
      expect(() => writeUiScore([result('a', 2)], false, file)).not.toThrow();
    } finally {
      fs.chmodSync(dir, 0o700);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
