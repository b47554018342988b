/**
 * A failed simulation's timeline, as a learner sees it: graded for real (a
 * known-wrong Raft node, under the grader's sandbox), its page opened in a
 * real headless Chromium (Debian's `chromium`, which `.ci/run` installs),
 * driven by playwright-core.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { renderTimelineHtml } from '../../harness/sim';
import { longFailure } from '../../harness/test/sim-support';
import { launchChromium } from './chromium';
import { ROOT, gradeVariant } from './support';

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

describe('the timeline of a failed simulation', () => {
  test('a failing Raft run writes a page whose path the report gives; it shows every node’s lane, message arrows, lost messages and the violation, zooms to it, and filters', async () => {
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
    expect(await page.locator('.evidence').innerText()).toContain('invariant "Election Safety" violated');

    const whole = await page.locator('#window').innerText();
    const lineX = async (selector: string) => Number(await page.locator(selector).first().getAttribute('x1'));
    const wholeX = await lineX('svg line.msg');
    await page.click('#zoom-violation');
    expect(await page.locator('#window').innerText()).not.toBe(whole);
    expect(await lineX('svg line.msg')).not.toBe(wholeX);
    // The violation is in the window: drawn, inside the picture's width.
    expect(await drawn(page.locator('#violation'))).toBe(true);
    const width = Number((await page.locator('#timeline').getAttribute('viewBox'))!.split(' ')[2]);
    expect(await lineX('#violation')).toBeGreaterThan(0);
    expect(await lineX('#violation')).toBeLessThanOrEqual(width);
    fs.mkdirSync(path.join(ROOT, '.faultline'), { recursive: true });
    await page.screenshot({ path: path.join(ROOT, '.faultline', 'timeline-zoomed.png') });

    await page.click('#zoom-all');
    await page.uncheck('[data-kind="msg"]');
    expect(await drawn(page.locator('svg line.msg:not(.dropped)').first())).toBe(false);
    expect(await drawn(page.locator('#violation'))).toBe(true);
    await page.close();
  });

  test('a five-node run of a few thousand events stays readable: zoom to the violation shows the few events before it, and filters hide a kind or a node', async () => {
    const run = longFailure();
    const file = path.join(ROOT, '.faultline', 'timeline-long.html');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, renderTimelineHtml({ title: 'a long run', nodes: run.nodes, trace: run.trace, evidence: run.message }));
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
    const all = await inView('#timeline [data-a]');
    expect(all, 'the whole run').toBeGreaterThan(1_000);

    await page.click('#zoom-violation');
    const focused = await inView('#timeline [data-a]');
    expect(focused, 'zoomed to the violation').toBeGreaterThanOrEqual(20);
    expect(focused, 'zoomed to the violation').toBeLessThanOrEqual(120);
    expect(await inView('#violation')).toBe(1);
    fs.writeFileSync(path.join(ROOT, '.faultline', 'timeline-long-zoomed.png'), await page.screenshot());

    await page.click('#zoom-all');
    await page.uncheck('[data-node-filter="n3"]');
    expect(await inView('#timeline [data-node="n3"], #timeline [data-from="n3"], #timeline [data-to="n3"]')).toBe(0);
    expect(await inView('#timeline [data-a]')).toBeLessThan(all);
    await page.uncheck('[data-kind="msg"]');
    expect(await inView('#timeline line.msg:not(.dropped)')).toBe(0);
    expect(await inView('#timeline line.msg.dropped'), 'lost messages have a box of their own').toBeGreaterThan(0);
    expect(await inView('#violation')).toBe(1);
    await page.close();
  });
});
