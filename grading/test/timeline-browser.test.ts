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
import { launchChromium } from './chromium';
import { ROOT, gradeFile } from './support';

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
    const result = await gradeFile('raft', 'grading/suites/raft/broken/double-vote.ts');
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
});
