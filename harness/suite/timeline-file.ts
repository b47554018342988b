/**
 * Writes the timeline picture of a failed simulation (`renderTimelineHtml`)
 * where a learner can open it: `.faultline/timelines/` in the repository,
 * one file per exercise, test, seed and content (so the same failure gives
 * the same file, and nothing is overwritten by another run's). A grader's sandboxed worker may write there and nowhere else
 * but its progress file (vitest.config.ts). The folder keeps the newest 200 pages, and every page younger than an hour.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderTimelineHtml, type FailedRun } from '../sim';
import { testKey } from './replay';
import { hash32 } from '../rng';

/** Where timelines go. */
export const TIMELINE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '.faultline', 'timelines');

const write = fs.writeFileSync;
const mkdir = fs.mkdirSync;
const list = fs.readdirSync;
const stat = fs.statSync;
const remove = fs.rmSync;
const now = Date.now;

/** How many pages the folder keeps; older ones go as new ones are written. */
export const KEEP_TIMELINES = 200;
/** A page younger than this is never removed: a run that is still going, or its report, may point at it. */
export const KEEP_YOUNGER_THAN_MS = 60 * 60 * 1000;

/**
 * Keeps the folder from growing without bound: beyond the newest
 * `KEEP_TIMELINES` pages, removes those older than an hour. Best effort: two
 * workers pruning at once may both try to remove a page, which is fine.
 */
export function pruneTimelines(dir: string = TIMELINE_DIR, keep = KEEP_TIMELINES, at = now()): void {
  const pages: { file: string; mtimeMs: number }[] = [];
  for (const name of list(dir)) {
    if (!name.endsWith('.html')) continue;
    try {
      pages.push({ file: path.join(dir, name), mtimeMs: stat(path.join(dir, name)).mtimeMs });
    } catch {
      // removed by another worker meanwhile
    }
  }
  if (pages.length <= keep) return;
  pages.sort((a, b) => b.mtimeMs - a.mtimeMs);
  for (const page of pages.slice(keep)) if (at - page.mtimeMs > KEEP_YOUNGER_THAN_MS) remove(page.file, { force: true });
}

export interface TimelineFile {
  readonly exercise: string;
  readonly name: string;
  readonly seed: number;
  readonly run: FailedRun;
  readonly evidence: string;
  readonly about: readonly string[];
}

/** Writes the page and returns its absolute path, or undefined if it could not be drawn or written (the failure is reported without it). */
export function writeTimeline(file: TimelineFile): string | undefined {
  try {
    // Inside the try: an error that only claims to carry a run (learner code can throw anything) costs its picture, not its report.
    const { nodes, trace, history } = file.run;
    const title = `${file.exercise} · ${file.name}`;
    const html = renderTimelineHtml({ title, nodes, trace, evidence: file.evidence, about: file.about, ...(history ? { history } : {}) });
    // Named by its content too: two submissions graded at once from one checkout never share a page, and the same run always gets the same one.
    const content = hash32(html).toString(16).padStart(8, '0');
    const target = path.join(TIMELINE_DIR, `${file.exercise}-${testKey(file.exercise, file.name)}-seed${file.seed}-${content}.html`);
    mkdir(TIMELINE_DIR, { recursive: true });
    write(target, html);
    try {
      pruneTimelines();
    } catch {
      // a picture too many is better than a lost report
    }
    return target;
  } catch {
    return undefined;
  }
}
