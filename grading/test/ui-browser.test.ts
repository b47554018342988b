/**
 * `npm run ui`, as a learner uses it: vitest's browser UI over an exercise,
 * opened in Debian's Chromium (playwright-core). It must list the
 * exercise's test files, and show graded tests with their points.
 */
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium } from './chromium';
import { ROOT, shellEnv } from './support';
import { VITEST_BIN } from '../paths';


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
let url = '';

beforeAll(async () => {
  const port = await freePort();
  // Exactly what `npm run ui` in exercises/bloom-filter starts, on a port of our own and without opening a browser of its own.
  const script = (JSON.parse(fs.readFileSync(path.join(ROOT, 'exercises/bloom-filter/package.json'), 'utf8')) as { scripts: { ui: string } }).scripts.ui.split(' ');
  expect(script[0]).toBe('vitest');
  ui = spawn(process.execPath, [VITEST_BIN, ...script.slice(1), '--open=false', '--api.host', '127.0.0.1', '--api.port', String(port)], {
    cwd: path.join(ROOT, 'exercises/bloom-filter'),
    // Not this test run's own vitest settings (VITEST_*, a worker's NODE_OPTIONS): a fresh vitest, as a learner starts it.
    env: { ...shellEnv(), FORCE_COLOR: '0', NO_COLOR: '1' },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  url = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`the UI did not start within 60 s:\n${output}`)), 60_000);
    ui!.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const started = /UI started at (http:\/\/\S+)/.exec(output);
      if (started) {
        clearTimeout(timer);
        resolve(started[1]!);
      }
    });
    ui!.once('exit', (code) => reject(new Error(`the UI exited (${code}):\n${output}`)));
  });
  browser = await launchChromium();
}, 90_000);

afterAll(async () => {
  await browser?.close();
  try {
    if (ui?.pid !== undefined) process.kill(-ui.pid, 'SIGKILL');
  } catch {
    // gone
  }
});

describe('npm run ui', () => {
  test('serves the exercise: a test of each visible and graded file is listed, graded ones with their points', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(url);
    fs.mkdirSync(path.join(ROOT, '.faultline'), { recursive: true });
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
    await page.screenshot({ path: path.join(ROOT, '.faultline', 'ui.png') });
    await page.close();
  });
});
