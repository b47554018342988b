/**
 * The atomic (linearizable) check: is there one order of the operations that
 * respects real time (A before B whenever A returned before B was called) and
 * that the model accepts, outputs included? (Herlihy and Wing,
 * "Linearizability: a correctness condition for concurrent objects", 1990.)
 *
 * - `fail` operations are dropped: they did not happen.
 * - `info` operations return at +∞ with an unknown output: each may take
 *   effect at any time after its call, or never. Those the model calls
 *   read-only or negligible (a write nobody read) are dropped.
 * - The history is split by key and each key checked alone: linearizability
 *   is compositional (Herlihy and Wing; Horn and Kroening's
 *   P-compositionality, arXiv 1504.00204). Keys go in sorted order, and the
 *   check stops at the first key that fails.
 * - The budget, in steps (wgl.ts), is for the whole call. Running out gives
 *   `unknown`: the checker could not decide, which is never a pass. The cure
 *   is a history that is cheap to check (unique write values, a handful of
 *   concurrent clients per key, bounded operations per key), not a bigger
 *   budget (research/next-exercises.md §15).
 */
import { describeOp, describeTime } from './describe';
import type { CheckOptions, LinearizabilityResult, Model, Operation } from './types';
import { searchLinearization, type SearchOp } from './wgl';

/** Steps one `checkLinearizable` call may take by default: about a second of search. */
export const DEFAULT_MAX_STEPS = 1_000_000;

/** How many of the longest prefix's last operations an explanation lists. */
const SHOWN_PREFIX = 6;

const outputOf = <I, O>(op: Operation<I, O>): O | undefined => (op.status === 'ok' ? op.output : undefined);

/** The operations the search sees for one key, in call order (then id), with their ids. */
function partition<S, I, O>(ops: readonly Operation<I, O>[], model: Model<S, I, O>): Map<string, Operation<I, O>[]> {
  const ids = new Set<number>();
  const byKey = new Map<string, Operation<I, O>[]>();
  for (const op of ops) {
    if (ids.has(op.id)) throw new RangeError(`history: two operations share the id ${op.id}; ids must be unique (History.invoke hands them out)`);
    ids.add(op.id);
    if (!Number.isFinite(op.call)) {
      throw new RangeError(`history: operation ${op.id} was called at ${op.call}; a call time must be a finite number of virtual ms`);
    }
    if (op.status !== 'info' && !(op.ret >= op.call && Number.isFinite(op.ret))) {
      throw new RangeError(
        `history: operation ${op.id} is ${op.status} but returned at ${op.ret}, called at ${op.call}; a return must be finite and no earlier than the call`,
      );
    }
    if (op.status === 'ok' && !('output' in op)) {
      throw new RangeError(`history: operation ${op.id} is ok but has no output; record it with History.ok(id, output, time)`);
    }
    if (op.status === 'fail' || (op.status === 'info' && model.readOnly?.(op.input) === true)) continue;
    const list = byKey.get(op.key);
    if (list === undefined) byKey.set(op.key, [op]);
    else list.push(op);
  }
  for (const [key, list] of byKey) {
    list.sort((a, b) => a.call - b.call || a.id - b.id);
    const negligible = model.negligible?.(list.map((op) => ({ input: op.input, output: outputOf(op), info: op.status === 'info' })));
    if (negligible !== undefined) byKey.set(key, list.filter((op, i) => !(negligible[i] === true && op.status === 'info')));
  }
  return byKey;
}

const keyName = (key: string): string => (key === '' ? 'the history' : `key ${JSON.stringify(key)}`);

/** The most operations of `ops` open at one instant (closed intervals). */
function concurrency(ops: readonly Operation<unknown, unknown>[]): number {
  const events = ops.flatMap((op) => [[op.call, 0] as const, [op.status === 'info' ? Infinity : op.ret, 1] as const]);
  events.sort((a, b) => (a[0] === b[0] ? a[1] - b[1] : a[0] < b[0] ? -1 : 1));
  let open = 0;
  let most = 0;
  for (const [, kind] of events) most = Math.max(most, (open += kind === 0 ? 1 : -1));
  return most;
}

/** Why the search stopped: the state after `longest`, and which operations could go next but cannot. */
function explainViolation<S, I, O>(
  key: string,
  ops: readonly Operation<I, O>[],
  model: Model<S, I, O>,
  longest: readonly number[],
): { stuck: number[]; explanation: string } {
  let state = model.init();
  for (const i of longest) state = model.step(state, ops[i]!.input, outputOf(ops[i]!))!;
  const placed = new Set(longest);
  const rest = ops.map((_, i) => i).filter((i) => !placed.has(i));
  const ret = (i: number): number => (ops[i]!.status === 'info' ? Infinity : ops[i]!.ret);
  // The operation that returns first among the rest bounds what may go next: everything called by then.
  const first = rest.reduce((a, b) => (ret(b) < ret(a) ? b : a));
  const candidates = rest.filter((i) => ops[i]!.call <= ret(first));
  const failing = candidates.filter((i) => model.step(state, ops[i]!.input, outputOf(ops[i]!)) === undefined);
  const stuck = failing.length > 0 ? failing : candidates;
  const where = model.describeState ? model.describeState(state) : `the model's state is ${model.hash(state)}`;
  const prefix = longest.slice(-SHOWN_PREFIX).map((i) => `#${ops[i]!.id} ${describeOp(ops[i]!, model)}`);
  const shown = longest.length > SHOWN_PREFIX ? `, ending … ${prefix.join(', ')}` : `: ${prefix.join(', ')}`;
  const bound = `Operation #${ops[first]!.id} returned at ${describeTime(ret(first))}, so whatever goes next was called by then`;
  const line = (i: number): string =>
    `  #${ops[i]!.id} ${ops[i]!.client}: ${describeOp(ops[i]!, model)} (${describeTime(ops[i]!.call)} to ${describeTime(ret(i))}): can't, ${where}`;
  const lines = [
    `history: ${keyName(key)} is not linearizable: no order of its ${ops.length} operations both respects real time and explains every output.`,
    longest.length === 0
      ? 'No operation can even go first.'
      : `The longest order found places ${longest.length} of them${shown}.`,
    `After ${longest.length === 0 ? 'none' : 'them'}, ${where}. ${bound}; none of those can go next:`,
    ...stuck.map(line),
    'Look at these operations on the timeline (in red): which value should each have seen, and why did it not?',
  ];
  return { stuck: stuck.map((i) => ops[i]!.id), explanation: lines.join('\n') };
}

/**
 * Checks that `ops` are linearizable with respect to `model`, key by key (sorted), stopping at the first violation.
 * Steps are summed over the keys checked, and `options.maxSteps` bounds them all. Same input, same result and steps.
 * Throws a RangeError (`history:`) for a malformed history: duplicate ids, a non-finite call, an ok or fail operation
 * that returned before its call, an ok operation without an output.
 */
export function checkLinearizable<S, I, O>(ops: readonly Operation<I, O>[], model: Model<S, I, O>, options: CheckOptions = {}): LinearizabilityResult {
  const maxSteps = options.maxSteps ?? DEFAULT_MAX_STEPS;
  if (!(maxSteps >= 0) || !(Number.isInteger(maxSteps) || maxSteps === Infinity)) {
    throw new RangeError(`history: maxSteps must be a whole number of steps, or Infinity, got ${maxSteps}`);
  }
  const byKey = partition(ops, model);
  let steps = 0;
  for (const key of [...byKey.keys()].sort()) {
    const keyOps = byKey.get(key)!;
    const searched: SearchOp<I, O>[] = keyOps.map((op) => ({
      input: op.input,
      readOnly: model.readOnly?.(op.input) === true,
      output: outputOf(op),
      call: op.call,
      ret: op.status === 'info' ? Infinity : op.ret,
    }));
    const found = searchLinearization(searched, model, maxSteps - steps);
    steps += found.steps;
    switch (found.type) {
      case 'linearizable':
        break;
      case 'violation': {
        const { stuck, explanation } = explainViolation(key, keyOps, model, found.longest);
        return { verdict: 'violation', steps, key, longest: found.longest.map((i) => keyOps[i]!.id), stuck, explanation };
      }
      case 'budget': {
        const explanation =
          `history: could not decide whether ${keyName(key)} is linearizable within ${maxSteps} search steps ` +
          `(${keyOps.length} operations on it, up to ${concurrency(keyOps)} at once). This is a failure, not a pass: ` +
          'the checker gives no credit for a history it could not check. Make the history cheaper to check (unique write values, ' +
          'fewer clients at once per key, fewer operations per key) rather than raising maxSteps.';
        return { verdict: 'unknown', steps, key, explanation };
      }
      default: {
        const unreachable: never = found;
        throw new Error(`history: unknown search result ${JSON.stringify(unreachable)}`);
      }
    }
  }
  return { verdict: 'linearizable', steps };
}
