/**
 * Histories as text, for failure messages: one line per operation, in call
 * order, with its client, interval, status and what it did. Long histories
 * are cut to the lines around the operations that matter.
 */
import type { Model, Operation } from './types';

/** How many lines `describeHistory` prints at most, besides the lines that say what it left out. */
export const MAX_HISTORY_LINES = 40;

/** Virtual ms as a failure message prints them: up to three decimals, `∞` for never. */
export function describeTime(ms: number): string {
  return ms === Infinity ? '∞' : `${Number(ms.toFixed(3))} ms`;
}

/** What one operation did, in the model's words when it has them (`write "v1"`), else as JSON. */
export function describeOp<I, O>(op: Operation<I, O>, model?: Pick<Model<unknown, I, O>, 'describeOperation'>): string {
  const output = op.status === 'ok' ? op.output : undefined;
  if (model?.describeOperation) return model.describeOperation(op.input, output);
  return op.status === 'ok' ? `${JSON.stringify(op.input)} → ${JSON.stringify(output)}` : JSON.stringify(op.input);
}

/**
 * A short text timeline of `ops`, in call order. Operations in `around` are marked `▶` and, when the history is
 * longer than `MAX_HISTORY_LINES`, the lines shown are those around them (else the last ones).
 */
export function describeHistory<I, O>(
  ops: readonly Operation<I, O>[],
  model?: Pick<Model<unknown, I, O>, 'describeOperation'>,
  around: readonly number[] = [],
): string {
  const sorted = [...ops].sort((a, b) => a.call - b.call || a.id - b.id);
  const marked = new Set(around);
  const width = Math.max(0, ...sorted.map((op) => op.client.length));
  const keys = new Set(sorted.map((op) => op.key)).size > 1;
  const lines = sorted.map((op) => {
    const ret = op.status === 'info' ? '…' : describeTime(op.ret);
    const what = `${keys ? `${JSON.stringify(op.key)}: ` : ''}${describeOp(op, model)}`;
    const mark = marked.has(op.id) ? '▶' : ' ';
    return `${mark} #${String(op.id).padEnd(4)} ${op.client.padEnd(width)}  ${describeTime(op.call)} → ${ret}  ${op.status.padEnd(4)}  ${what}`;
  });
  if (lines.length <= MAX_HISTORY_LINES) return lines.join('\n');
  const positions = sorted.flatMap((op, i) => (marked.has(op.id) ? [i] : []));
  // Centre the window on the marked operations (their middle), or show the last lines.
  const centre = positions.length > 0 ? Math.round((positions[0]! + positions[positions.length - 1]!) / 2) : lines.length;
  const from = Math.max(0, Math.min(lines.length - MAX_HISTORY_LINES, centre - MAX_HISTORY_LINES / 2));
  const to = from + MAX_HISTORY_LINES;
  return [
    ...(from > 0 ? [`  … ${from} earlier operation${from === 1 ? '' : 's'}`] : []),
    ...lines.slice(from, to),
    ...(to < lines.length ? [`  … ${lines.length - to} later operation${lines.length - to === 1 ? '' : 's'}`] : []),
  ].join('\n');
}
