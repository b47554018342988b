/**
 * A checked history as the timeline page draws it (`HistoryDrawing`): a
 * label per operation in the model's words, the operations a checker could
 * not order in red, and the order of the longest linearizable prefix.
 *
 * Attach it to a failure with `finishedRunFailure(run, atMs, what, message,
 * historyDrawing(ops, result, model))`: the suite kit then draws the client
 * calls under the node lanes of the run's timeline page.
 */
import { describeOp } from './describe';
import type { HistoryDrawing, LinearizabilityResult, Model, Operation, RegularViolation } from './types';

/** What a checker said about the history: `checkLinearizable`'s result, or `checkRegular`'s. */
export type CheckedHistory = LinearizabilityResult | { readonly violations: readonly RegularViolation[] };

/**
 * The drawing of `ops`, labelled by `model.describeOperation` (else JSON). With a linearizability violation or
 * unknown verdict, only the operations on its key are drawn; a violation highlights the stuck operations and
 * numbers the longest prefix. With regular-register violations, each read and the writes it names are highlighted.
 */
export function historyDrawing<I, O>(
  ops: readonly Operation<I, O>[],
  result?: CheckedHistory,
  model?: Pick<Model<unknown, I, O>, 'describeOperation'>,
): HistoryDrawing {
  let shown = ops;
  let highlight: readonly number[] = [];
  let order: readonly number[] | undefined;
  if (result !== undefined && 'verdict' in result) {
    switch (result.verdict) {
      case 'linearizable':
        break;
      case 'violation':
        shown = ops.filter((op) => op.key === result.key);
        highlight = result.stuck;
        order = result.longest;
        break;
      case 'unknown':
        shown = ops.filter((op) => op.key === result.key);
        break;
      default: {
        const unreachable: never = result;
        throw new Error(`history: unknown verdict ${JSON.stringify(unreachable)}`);
      }
    }
  } else if (result !== undefined) {
    const named = (v: RegularViolation): number[] => [v.read, ...(v.write === undefined ? [] : [v.write]), ...(v.missed === undefined ? [] : [v.missed])];
    highlight = [...new Set(result.violations.flatMap(named))];
  }
  const keys = new Set(shown.map((op) => op.key)).size > 1;
  const operations = shown.map((op) => ({
    id: op.id,
    client: op.client,
    label: `${keys ? `${op.key}: ` : ''}${describeOp(op, model)}`,
    call: op.call,
    ret: op.status === 'info' ? Infinity : op.ret,
    status: op.status,
  }));
  return order === undefined ? { operations, highlight } : { operations, highlight, order };
}
