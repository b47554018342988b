/**
 * Where a red team's imported work lives: `grading/suites/<slug>/broken/redteam/`
 * for the first, `redteam-2/`, `redteam-3/`… for later ones, each with its own
 * base, variants and manifest.
 */
import fs from 'node:fs';
import path from 'node:path';

/** Beside a red team's manifest: its variants that kept full marks, each with why that is no gap in the suite. */
export const KEPT_FULL_MARKS = 'kept-full-marks.json';

/** The folder name of an imported red team under `broken/`. */
export const RED_TEAM_FOLDER = /^redteam(-[2-9]|-[1-9]\d+)?$/;

/** The red-team folders of one exercise's suite (relative to `root`), first red team first. */
export function redTeamFolders(root: string, slug: string): string[] {
  const broken = path.join(root, 'grading', 'suites', slug, 'broken');
  if (!fs.existsSync(broken)) return [];
  const round = (name: string): number => Number(name.split('-')[1] ?? 1);
  return fs
    .readdirSync(broken, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && RED_TEAM_FOLDER.test(entry.name) && fs.existsSync(path.join(broken, entry.name, 'manifest.json')))
    .map((entry) => entry.name)
    .sort((a, b) => round(a) - round(b))
    .map((name) => path.join('grading', 'suites', slug, 'broken', name));
}
