/**
 * npm run ledger: one line per exercise, in Markdown, of what its contract
 * ledger holds and what proves its suite. Reads the ledgers and the red-team
 * manifests; grading/test/ledger.test.ts and grading/test/broken.test.ts are
 * what check them (every graded clause has a test; every red-team variant
 * loses the points of the tests it must fail).
 *
 *   npm run ledger
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Ledger } from '../harness/suite';
import { catalog } from './catalog';
import { ROOT } from './paths';
import { redTeamFolders } from './redteam/folders';

interface RedTeamEntry {
  readonly name: string;
  readonly clauses: readonly string[];
}

const rows: string[] = [
  '| exercise | clauses | graded | ungraded (with a reason) | red-team variants (all rounds) | clauses a red-team variant breaks | known-wrong variants |',
  '|---|--:|--:|--:|--:|--:|--:|',
];
for (const spec of catalog) {
  const suite = path.join(ROOT, 'grading', 'suites', spec.slug);
  const { ledger } = (await import(path.join(suite, 'ledger.ts'))) as { ledger: Ledger };
  const ungraded = ledger.clauses.filter((c) => c.ungraded !== undefined).length;
  const redTeam = redTeamFolders(ROOT, spec.slug).flatMap((dir) => JSON.parse(fs.readFileSync(path.join(ROOT, dir, 'manifest.json'), 'utf8')) as RedTeamEntry[]);
  const broken = new Set(redTeam.flatMap((v) => v.clauses));
  const { variants } = (await import(path.join(suite, 'broken', 'variants.ts'))) as { variants: readonly unknown[] };
  rows.push(
    `| ${spec.slug} | ${ledger.clauses.length} | ${ledger.clauses.length - ungraded} | ${ungraded} | ${redTeam.length} | ${broken.size} | ${variants.length} |`,
  );
}
console.log(rows.join('\n'));
