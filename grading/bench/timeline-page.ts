/**
 * How a big timeline page feels: a five-node run of a few thousand events
 * (harness/test/sim-support.ts `longFailure`), rendered as a failed test's
 * page is, opened in Debian's Chromium. Prints the page's size and the
 * median wall time of loading it and of each control (to the next painted
 * frame), over `rounds` rounds.
 *
 *   npx tsx grading/bench/timeline-page.ts [rounds] [durationMs] [limit]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { renderTimelineHtml } from '../../harness/sim';
import { parseOrExit } from '../args';
import { commands } from '../commands';
import { longFailure } from '../../harness/test/sim-support';
import { launchChromium } from '../test/chromium';

const { counts } = parseOrExit(
  commands.benchTimelinePage,
  "A long five-node run's timeline page in Chromium: its size, and the median time of loading it and of each control over ROUNDS rounds (default 5); the run lasts DURATION_MS simulated (default 20000), LIMIT as harness/test/sim-support.ts's longFailure takes it (default 150).",
);
const rounds = counts.ROUNDS!;
const durationMs = counts.DURATION_MS!;
const limit = counts.LIMIT!;

const run = longFailure(durationMs, limit);
const html = renderTimelineHtml({ title: 'a long run', nodes: run.nodes, trace: run.trace, evidence: run.message });
const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'faultline-timeline-')), 'long.html');
fs.writeFileSync(file, html);
const drawn = /(\d+) events drawn/.exec(html)?.[1];
console.log(`page: ${run.trace.length} events in the run, ${drawn} drawn, ${(html.length / 1024).toFixed(0)} KB`);

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const browser = await launchChromium();
const timings: Record<string, number[]> = { load: [], 'zoom to the violation': [], 'whole run': [], 'zoom in': [], 'hide a node': [], 'hide messages': [] };
try {
  for (let r = 0; r < rounds; r++) {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    let start = performance.now();
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    await page.evaluate(() => new Promise((resolve) => (globalThis as unknown as { requestAnimationFrame(f: () => void): void }).requestAnimationFrame(() => resolve(undefined))));
    timings.load!.push(performance.now() - start);
    for (const [label, act] of [
      ['zoom to the violation', () => page.click('#zoom-violation')],
      ['whole run', () => page.click('#zoom-all')],
      ['zoom in', () => page.click('#zoom-in')],
      ['hide a node', () => page.uncheck('[data-node-filter="n3"]')],
      ['hide messages', () => page.uncheck('[data-kind="msg"]')],
    ] as const) {
      start = performance.now();
      await act();
      await page.evaluate(() => new Promise((resolve) => (globalThis as unknown as { requestAnimationFrame(f: () => void): void }).requestAnimationFrame(() => resolve(undefined))));
      timings[label]!.push(performance.now() - start);
    }
    await page.close();
  }
} finally {
  await browser.close();
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
}
for (const [label, xs] of Object.entries(timings)) console.log(`${label}: ${median(xs).toFixed(0)} ms (median of ${xs.length}; ${xs.map((x) => x.toFixed(0)).join(', ')})`);
