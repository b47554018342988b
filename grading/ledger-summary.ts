/**
 * npm run ledger: one line per exercise, in Markdown, of what its contract
 * ledger holds and what proves its suite. Reads the ledgers, the red-team
 * manifests and their `kept-full-marks.json` (the variants that kept full
 * marks, each with the reason that is no gap in the suite). What checks them:
 * grading/test/ledger.test.ts (every graded clause has a test, and this
 * script runs) and grading/test/broken.test.ts (every red-team variant loses
 * the points of the tests it must fail).
 *
 *   npm run ledger
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Ledger } from '../harness/suite';
import { parseOrExit } from './args';
import { catalog } from './catalog';
import { commands } from './commands';
import { ROOT } from './paths';
import { KEPT_FULL_MARKS, redTeamFolders } from './redteam/folders';
import { ownVariants, redTeams } from './variants';

/** A red-team variant that kept full marks, and why that is no gap: it is right under the contract, or only a timing could see it. */
interface KeptEntry {
  readonly name: string;
  readonly why: string;
}

parseOrExit(commands.ledger, 'Prints, in Markdown, one line per exercise: its contract ledger, and what proves its suite.');

const rows: string[] = [
  '| exercise | clauses | graded | ungraded (with a reason) | red-team variants (all rounds) | clauses a red-team variant breaks | red-team variants that kept full marks (each with a reason) | known-wrong variants |',
  '|---|--:|--:|--:|--:|--:|--:|--:|',
];
for (const spec of catalog) {
  const suite = path.join(ROOT, 'grading', 'suites', spec.slug);
  const { ledger } = (await import(path.join(suite, 'ledger.ts'))) as { ledger: Ledger };
  const ungraded = ledger.clauses.filter((c) => c.ungraded !== undefined).length;
  const redTeam = redTeams(spec.slug).flatMap((team) => team.entries);
  const broken = new Set(redTeam.flatMap((v) => v.clauses));
  const kept = redTeamFolders(ROOT, spec.slug).flatMap((dir) => {
    const file = path.join(ROOT, dir, KEPT_FULL_MARKS);
    return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as KeptEntry[]) : [];
  });
  const unexplained = kept.filter((k) => k.why.trim().length === 0 || redTeam.some((v) => v.name === k.name));
  if (unexplained.length > 0) throw new Error(`${spec.slug}: ${unexplained.map((k) => k.name).join(', ')} in ${KEPT_FULL_MARKS} without a reason, or also among the caught variants`);
  const variants = await ownVariants(spec.slug);
  rows.push(
    `| ${spec.slug} | ${ledger.clauses.length} | ${ledger.clauses.length - ungraded} | ${ungraded} | ${redTeam.length} | ${broken.size} | ${kept.length} | ${variants.length} |`,
  );
}
console.log(rows.join('\n'));
