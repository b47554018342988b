/**
 * A failed simulation's timeline, as a learner sees it: graded for real (a
 * known-wrong Raft node, under the grader's sandbox), its page opened in a
 * real headless Chromium (Debian's `chromium`, which `.ci/run` installs),
 * driven by playwright-core. Screenshots of both runs, zoomed to the
 * violation, go to /tmp/timeline-shrunk.png and /tmp/timeline-long.png.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { failedRun, renderTimelineHtml, type FaultPlan, type FailedRun } from '../../harness/sim';
import { nodeIds, runCluster } from '../suites/raft/cluster';
import type { RaftModule } from '../suites/raft/support';
import { launchChromium } from './chromium';
import { ROOT, gradeVariant, stageVariantById } from './support';

const LEADERS = 'on 3, 5 and 7 nodes, under loss, duplication, reordering, partitions, one-way, held and degraded links and isolation, there is at most one leader per term, and a leader once the network heals';

let browser: Browser;

/** Drawn: not hidden by a filter, and with some extent on the page (a vertical line has no width, so Playwright's isVisible says no). */
const drawn = (locator: Locator): Promise<boolean> =>
  locator.evaluate((el) => {
    // Runs in the page: the browser's own getComputedStyle (this project's types have no DOM).
    const style = (globalThis as unknown as { getComputedStyle(e: unknown): { display: string } }).getComputedStyle(el);
    return style.display !== 'none' && el.getBoundingClientRect().height > 0;
  });
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/**
 * A long run of the double-vote node: five nodes for a minute of virtual time
 * under light loss, a crash, an isolation or a partition every 4.5 s, and a
 * proposal every 1.4 s; the first seed from 1 whose run fails after at least
 * 2 000 drawn events (it is 4 at the time of writing: Election Safety, two
 * leaders in term 9, after 35.8 s and 5 000 events).
 */
async function longRaftFailure(): Promise<FailedRun & { readonly message: string; readonly seed: number }> {
  const staged = await stageVariantById('raft', 'double-vote');
  try {
    const module = (await import(pathToFileURL(path.join(staged.root, 'raft', 'raft.ts')).href)) as RaftModule;
    const nodes = nodeIds(5);
    for (let seed = 1; seed <= 30; seed++) {
      const faults: FaultPlan = Array.from({ length: 12 }, (_, k) => ({
        atMs: 2_000 + k * 4_500,
        fault:
          k % 3 === 0
            ? { type: 'crash' as const, node: nodes[(k + seed) % 5]!, downMs: 1_500 }
            : k % 3 === 1
              ? { type: 'isolate' as const, node: nodes[(k * 2 + seed) % 5]!, durationMs: 1_200 }
              : { type: 'partition' as const, groups: [nodes.slice(0, 2), nodes.slice(2)], durationMs: 1_000 },
      }));
      const proposals = Array.from({ length: 40 }, (_, i) => ({ atMs: 500 + i * 1_400, command: `c${i + 1}` }));
      try {
        runCluster(module, seed, { nodes, durationMs: 60_000, faults, link: { loss: 0.05 }, proposals });
      } catch (error) {
        const run = failedRun(error);
        if (run && run.trace.filter((e) => e.kind !== 'tick').length >= 2_000) return { ...run, message: (error as Error).message, seed };
      }
    }
  } finally {
    staged.cleanup();
  }
  throw new Error('timeline: no seed from 1 to 30 made the double-vote node fail after 2 000 events; lengthen the run or change its faults');
}

/** What the picture shows now, measured in the page: every mark's x against the window's width. */
interface Shown {
  readonly width: number;
  readonly violation: number;
  /** The x of every drawn event mark (arrows, crashes, calls, outputs, faults) inside the window. */
  readonly marks: readonly number[];
  /** Break marks inside the window: centre, width, whether the zig-zag and the label are drawn, the label. */
  readonly breaks: readonly { x: number; zigzag: boolean; label: boolean; text: string }[];
  /** Status bands with some width inside the window, and the labels drawn. */
  readonly bands: number;
  readonly labels: readonly string[];
}

const shown = (page: Page): Promise<Shown> =>
  page.evaluate(() => {
    // Runs in the page: the browser's own DOM (this project's types have no DOM).
    const doc = (globalThis as unknown as { document: { querySelector(s: string): any; querySelectorAll(s: string): any[] } }).document;
    const style = (globalThis as unknown as { getComputedStyle(e: unknown): { display: string } }).getComputedStyle;
    const drawn = (el: unknown): boolean => style(el).display !== 'none' && (el as { getBoundingClientRect(): { width: number; height: number } }).getBoundingClientRect().height > 0;
    const width = Number(doc.querySelector('#timeline').getAttribute('viewBox').split(' ')[2]);
    const inside = (x: number) => x >= 0 && x <= width;
    const marks = [...doc.querySelectorAll('#timeline line[data-a]')]
      .filter((el) => el.id !== 'violation' && drawn(el))
      .flatMap((el) => [Number(el.getAttribute('x1')), Number(el.getAttribute('x2'))])
      .filter(inside);
    const breaks = [...doc.querySelectorAll('#timeline g.break')]
      .map((el) => ({
        x: Number(/translate\(([-\d.]+)/.exec(el.getAttribute('transform'))![1]),
        zigzag: drawn(el.querySelector('.zigzag')),
        label: drawn(el.querySelector('.gap-label')),
        text: el.querySelector('.gap-label').textContent as string,
      }))
      .filter((b) => inside(b.x));
    const bands = [...doc.querySelectorAll('#timeline rect.band')].filter((el) => {
      const x = Number(el.getAttribute('x'));
      return drawn(el) && x < width && x + Number(el.getAttribute('width')) > 0;
    }).length;
    const labels = [...doc.querySelectorAll('#timeline text.band-label')].filter((el) => drawn(el) && inside(Number(el.getAttribute('x')))).map((el) => el.textContent as string);
    return { width, violation: Number(doc.querySelector('#violation').getAttribute('x1')), marks, breaks, bands, labels };
  });

/**
 * After "zoom to the violation": the violation is near the right edge, the
 * events before it spread over most of the width (not squeezed into a corner),
 * an idle break is marked, and every lane shows its node's role, with both
 * leaders of the violated term labelled.
 */
function expectReadableFocus(s: Shown, lanes: number, term: string): void {
  expect(s.violation, 'the violation is in the window, near its right edge').toBeGreaterThan(s.width * 0.8);
  expect(s.violation).toBeLessThanOrEqual(s.width);
  expect(s.marks.length, 'event marks in the window').toBeGreaterThanOrEqual(10);
  const share = (s.violation - Math.min(...s.marks)) / s.width;
  expect(share, 'the share of the width the events before the violation take').toBeGreaterThan(0.6);
  expect(s.breaks.filter((b) => b.zigzag).length, 'a visible break mark').toBeGreaterThanOrEqual(1);
  expect(s.bands, 'status bands in the window').toBeGreaterThanOrEqual(lanes);
  expect(s.labels.filter((l) => l === `leader ${term}`).length, `both leaders of ${term} labelled`).toBe(2);
}

describe('the timeline of a failed simulation', () => {
  test('a failing Raft run (shrunk) writes a page whose path the report gives; zoomed to the violation, its events fill the width, the idle wait is a marked break, and roles are drawn', async () => {
    const result = await gradeVariant('raft', 'double-vote');
    const failed = result.tests.find((t) => t.name === LEADERS)!;
    expect(failed.status).toBe('failed');
    expect(failed.timeline, 'the report names the page').toMatch(/\.faultline\/timelines\/raft-[0-9a-f]{8}-seed1-[0-9a-f]{8}\.html$/);
    expect(path.isAbsolute(failed.timeline!) && failed.timeline!.startsWith(ROOT)).toBe(true);

    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(pathToFileURL(failed.timeline!).href);
    const lanes = await page.locator('svg line.lane').count();
    expect(lanes).toBeGreaterThanOrEqual(3);
    expect(await page.locator('.label').count()).toBe(lanes);
    expect(await page.locator('svg line.msg:not(.dropped)').count()).toBeGreaterThan(0);
    // Lost messages: as many dashed lines as the page counts (the unit tests draw some for certain: harness/test/timeline-html.test.ts).
    const lost = await page.locator('svg line.msg.dropped').count();
    expect(await page.locator('body').innerText()).toContain(`, ${lost} lost,`);
    expect(await drawn(page.locator('#violation'))).toBe(true);
    const evidence = await page.locator('.evidence').innerText();
    expect(evidence).toContain('invariant "Election Safety" violated');
    const term = /two leaders in term (\d+)/.exec(evidence)![1]!;

    // A shrunk run is little more than the events that led to the violation: its window is about the whole run.
    await page.click('#zoom-in');
    const zoomedIn = await page.locator('#window').innerText();
    await page.click('#zoom-violation');
    expect(await page.locator('#window').innerText()).not.toBe(zoomedIn);
    const focused = await shown(page);
    expectReadableFocus(focused, lanes, `t${term}`);
    const cut = focused.breaks.find((b) => b.label)!;
    expect(cut.text, 'the break says how much time was cut').toMatch(/^⋯ [\d\u202f]+ ms idle ⋯$/);
    await page.screenshot({ path: '/tmp/timeline-shrunk.png' });
    // Hovering reads true virtual time, also across the cut.
    const at = Number(/at ([\d.]+) ms of virtual time/.exec(evidence)![1]);
    const box = (await page.locator('#violation').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    expect(Math.abs(Number(/pointer: ([\d.]+) ms/.exec(await page.locator('#cursor').innerText())![1]) - at), 'the time under the pointer, at the violation').toBeLessThan(1);
    const gap = (await page.locator('svg rect.gap').first().boundingBox())!;
    await page.mouse.move(gap.x + gap.width / 2, gap.y + 40);
    expect(await page.locator('#cursor').innerText()).toMatch(/^pointer: idle from [\d.]+ ms to [\d.]+ ms$/);

    await page.click('#zoom-all');
    await page.uncheck('[data-kind="msg"]');
    expect(await drawn(page.locator('svg line.msg:not(.dropped)').first())).toBe(false);
    expect(await drawn(page.locator('#violation'))).toBe(true);
    await page.uncheck('[data-kind="status"]');
    expect((await shown(page)).bands).toBe(0);
    await page.close();
  });

  test('a long Raft run of thousands of events: zoom to the violation shows the few dozen events before it across the width, with breaks and roles; filters hide a kind or a node', async () => {
    const run = await longRaftFailure();
    const file = path.join(ROOT, '.faultline', 'timeline-long.html');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, renderTimelineHtml({ title: `raft (double vote) · a long run, seed ${run.seed}`, nodes: run.nodes, trace: run.trace, evidence: run.message }));
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(pathToFileURL(file).href);
    /** Marks the picture shows: not filtered out, and inside the window. */
    const inView = (selector: string): Promise<number> =>
      page.evaluate((sel) => {
        const doc = (globalThis as unknown as { document: { querySelector(s: string): any; querySelectorAll(s: string): any[] } }).document;
        const style = (globalThis as unknown as { getComputedStyle(e: unknown): { display: string } }).getComputedStyle;
        const width = Number(doc.querySelector('#timeline').getAttribute('viewBox').split(' ')[2]);
        return [...doc.querySelectorAll(sel)].filter((el) => {
          const a = Number(el.getAttribute('x1'));
          const b = Number(el.getAttribute('x2'));
          return style(el).display !== 'none' && Math.max(a, b) >= 0 && Math.min(a, b) <= width;
        }).length;
      }, selector);
    const all = await inView('#timeline line[data-a]');
    expect(all, 'the whole run').toBeGreaterThan(1_000);

    await page.click('#zoom-violation');
    const focused = await inView('#timeline line[data-a]');
    expect(focused, 'zoomed to the violation').toBeGreaterThanOrEqual(20);
    expect(focused, 'zoomed to the violation').toBeLessThanOrEqual(120);
    expect(await inView('#violation')).toBe(1);
    expectReadableFocus(await shown(page), run.nodes.length, `t${/two leaders in term (\d+)/.exec(run.message)![1]}`);
    await page.screenshot({ path: '/tmp/timeline-long.png' });

    await page.click('#zoom-all');
    await page.uncheck('[data-node-filter="n3"]');
    expect(await inView('#timeline [data-node="n3"], #timeline [data-from="n3"], #timeline [data-to="n3"]')).toBe(0);
    expect(await inView('#timeline line[data-a]')).toBeLessThan(all);
    await page.uncheck('[data-kind="msg"]');
    expect(await inView('#timeline line.msg:not(.dropped)')).toBe(0);
    expect(await inView('#timeline line.msg.dropped'), 'lost messages have a box of their own').toBeGreaterThan(0);
    expect(await inView('#violation')).toBe(1);
    await page.close();
  });
});
