/**
 * A Markdown summary for a CI step summary (GitHub's $GITHUB_STEP_SUMMARY) or
 * a pull-request comment: the score, a table of tasks, and each failure with
 * its replay command, folded.
 */
import type { Provenance, RunResult } from '../model';
import { isMissing } from '../model';
import { summaryLine } from './terminal';
import { hintLabel } from '../hints';
import { whereLooked } from '../submission';

/** Control characters other than tab and newline: they garble a rendered page. */
const controls = (text: string): string => text.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '\ufffd');
/** Escapes text for a Markdown table cell or inline text. */
const cell = (text: string): string => controls(text).replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/[<>]/g, (c) => (c === '<' ? '&lt;' : '&gt;')).replace(/\n/g, ' ');
const pct = (score: number, max: number): string => `${max === 0 ? 0 : Math.floor((100 * score) / max)} %`;
/** A fenced block that no backtick run inside `text` can close early. */
function fence(raw: string): string {
  const text = controls(raw);
  const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const marks = '`'.repeat(longest + 1);
  return `${marks}text\n${text}\n${marks}`;
}

/** `at commit \`…\` (uncommitted changes to …), files sha256 \`…\``. */
function provenanceText(provenance: Provenance): string {
  const commit =
    provenance.commit === null
      ? `(${cell(provenance.commitNote ?? 'not a git checkout')})`
      : `at commit \`${provenance.commit}\`${provenance.uncommitted?.length ? ` with uncommitted changes to ${provenance.uncommitted.map((f) => `\`${cell(f)}\``).join(', ')}` : ''}`;
  return ` ${commit}, files sha256 \`${provenance.sha256}\`,`;
}

export function toMarkdown(run: RunResult): string {
  const out = [`## faultline: ${run.score}/${run.maxScore} (${pct(run.score, run.maxScore)})`, ''];
  const what = run.impl === 'submission' ? `submission \`${cell(run.submission ?? '')}\`${run.provenance === undefined ? '' : provenanceText(run.provenance)}` : `\`${run.impl}/\``;
  out.push(`Graded ${what} with seed \`${run.seed}\`.`, '');
  for (const exercise of run.exercises) {
    out.push(`### ${cell(exercise.title)} (\`${exercise.name}\`): ${exercise.score}/${exercise.maxScore}`, '');
    if (isMissing(exercise)) {
      out.push('**Not submitted**, so none of its tests ran:', '');
      for (const missing of exercise.submitted!.missing) {
        out.push(`- \`${cell(missing.expected)}\` not found: ${cell(missing.found)}. The grader ${cell(whereLooked(exercise.name, missing.file))}. Put the file at \`${cell(missing.expected)}\` and submit again.`);
      }
      out.push('');
      for (const note of exercise.notes) out.push(`> ${cell(note)}`, '');
      continue;
    }
    out.push('| Task | | Points | |', '|---|---|---:|---:|');
    for (const task of exercise.tasks) {
      const mark = task.score === task.maxScore ? '✅' : task.score === 0 ? '❌' : '⚠️';
      out.push(`| ${task.id} | ${cell(task.title)} | ${task.score}/${task.maxScore} | ${mark} ${pct(task.score, task.maxScore)} |`);
    }
    out.push('');
    const hinted = exercise.tasks.filter((t) => t.hint !== undefined);
    if (hinted.length > 0) {
      for (const task of hinted) {
        const hint = task.hint!;
        const read = [hint.readme ? `[the README](${hint.readme.split('#').map(encodeURI).join('#')})` : '', hint.paper ? cell(hint.paper) : ''].filter(Boolean).join('; ');
        out.push(`- **${hintLabel(task.id, hint).replace(/^./, (c) => c.toUpperCase())}:** ${cell(hint.text)}${read ? ` Read: ${read}.` : ''}`);
      }
      out.push('');
    }
    const failures = exercise.tests.filter((t) => t.status !== 'passed');
    if (failures.length > 0) {
      out.push(`<details><summary>${failures.length} test(s) did not pass</summary>`, '');
      for (const test of failures) {
        out.push(`- **[${test.maxPoints}] ${cell(test.name)}** (task ${test.task}, ${test.status})`, '');
        out.push(fence([test.message, test.clauses?.length ? `contract: ${test.clauses.map((id) => `[${id}]`).join(' ')} in the README` : '', test.timeline ? `timeline: ${test.timeline}` : '', test.replay ? `replay: ${test.replay}` : ''].filter(Boolean).join('\n')).replace(/^/gm, '  '), '');
      }
      out.push('</details>', '');
    }
    for (const note of exercise.notes) out.push(`> ${cell(note)}`, '');
  }
  out.push(summaryLine(run.exercises), '');
  return out.join('\n');
}
