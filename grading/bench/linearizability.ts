/**
 * How long harness/history's linearizability checker takes, and how many
 * search steps, on register histories of the shape the quorum suite records.
 *
 * Histories: an atomic register simulated directly (no network): CLIENTS
 * clients, each calling one operation at a time (half reads, half writes of
 * unique values) on one of KEYS keys, 1 to 12 ms long, 0 to 3 ms apart; each
 * takes effect at one instant inside its interval. 3 % end indeterminate
 * (info): the client gives up after 15 ms, and such a write takes effect up to
 * 40 ms later, or never. Linearizable by construction. Its non-linearizable
 * twin changes one read, 90 % of the way in, to return the key's first value
 * although later writes completed before it began (a stale read): the search
 * must rule out every order of everything before it.
 *
 * Each check runs once to warm up, then RUNS times; the median is reported,
 * with the steps (the same every run) and whether the default budget
 * (DEFAULT_MAX_STEPS) would have decided it. The timed checks run with an
 * unbounded budget.
 *
 *   npx tsx grading/bench/linearizability.ts [RUNS=3]
 */
import { checkLinearizable, DEFAULT_MAX_STEPS, registerModel, Rng, type Operation, type RegisterInput, type RegisterOutput } from '../../harness';
import { parseOrExit } from '../args';
import { commands } from '../commands';

const { counts } = parseOrExit(
  commands.benchLinearizability,
  'Time and search steps of checkLinearizable on simulated register histories of 1 000 and 10 000 operations, ' +
    '5 and 10 clients, 1 and 10 keys, linearizable and not; the median of RUNS runs (default 3).',
);
const runs = counts.RUNS!;

type RegisterOp = Operation<RegisterInput, RegisterOutput>;

/** A history of an atomic register (see the top of this file); the same seed gives the same history. */
function atomicRun(seed: number, size: number, clients: number, keys: number): RegisterOp[] {
  const rng = new Rng(seed);
  const planned: { op: Omit<RegisterOp, 'output'>; at: number }[] = [];
  const free = Array.from({ length: clients }, () => 0);
  for (let id = 0; id < size; id++) {
    const c = id % clients;
    const call = free[c]! + rng.int(0, 3);
    const ret = call + rng.int(1, 12);
    const info = rng.next() < 0.03;
    const key = `k${rng.int(0, keys - 1)}`;
    const input: RegisterInput = rng.next() < 0.5 ? { type: 'write', value: `${key}.${id}` } : { type: 'read' };
    const at = info ? (rng.next() < 0.5 ? Infinity : call + rng.int(0, 40)) : rng.int(call, ret);
    free[c] = info ? call + 15 : ret;
    planned.push({ op: { id, client: `c${c}`, key, input, status: info ? 'info' : 'ok', call, ret: info ? Infinity : ret }, at });
  }
  const values = new Map<string, string>();
  const outputs = new Map<number, RegisterOutput>();
  for (const { op, at } of [...planned].sort((a, b) => a.at - b.at || a.op.id - b.op.id)) {
    if (at === Infinity) break;
    if (op.input.type === 'write') values.set(op.key, op.input.value);
    outputs.set(op.id, { value: op.input.type === 'read' ? values.get(op.key) : undefined });
  }
  return planned.map(({ op }) => (op.status === 'ok' ? { ...op, output: outputs.get(op.id)! } : op));
}

/** `ops` with one ok read, 90 % of the way in, returning its key's first value although a later write completed before it. */
function staleTwin(ops: readonly RegisterOp[]): RegisterOp[] {
  const firstWrite = new Map<string, RegisterOp>();
  for (const op of ops) if (op.input.type === 'write' && op.status === 'ok' && !firstWrite.has(op.key)) firstWrite.set(op.key, op);
  const target = ops.findIndex((op, i) => {
    const w = firstWrite.get(op.key);
    const later = (x: RegisterOp) => x.key === op.key && x.input.type === 'write' && x.status === 'ok' && w !== undefined && x.call > w.ret && x.ret < op.call;
    return i >= ops.length * 0.9 && op.status === 'ok' && op.input.type === 'read' && ops.some(later);
  });
  const value = (firstWrite.get(ops[target]!.key)!.input as { value: string }).value;
  return ops.map((op, i) => (i === target ? { ...op, output: { value } } : op));
}

function median(measure: () => number): number {
  measure();
  const values = Array.from({ length: runs }, measure).sort((a, b) => a - b);
  return values[Math.floor(values.length / 2)]!;
}

const ms = (x: number): string => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
const pad = (cells: readonly string[]): string => cells.map((c, i) => (i < 3 ? c.padStart([6, 8, 5][i]!) : c.padStart([14, 12, 11, 8][i - 3]!))).join('  ');

console.log(`checkLinearizable on simulated register histories, median of ${runs} runs after one warm-up (Node ${process.version})`);
console.log(pad(['ops', 'clients', 'keys', 'verdict', 'steps', 'median ms', 'default']));
for (const size of [1_000, 10_000]) {
  for (const clients of [5, 10]) {
    for (const keys of [1, 10]) {
      const ops = atomicRun(size * 100 + clients * 10 + keys, size, clients, keys);
      for (const history of [ops, staleTwin(ops)]) {
        let result = checkLinearizable(history, registerModel, { maxSteps: Infinity });
        const time = median(() => {
          const started = performance.now();
          result = checkLinearizable(history, registerModel, { maxSteps: Infinity });
          return performance.now() - started;
        });
        const decided = result.steps <= DEFAULT_MAX_STEPS ? 'yes' : 'unknown';
        console.log(pad([String(size), String(clients), String(keys), result.verdict, String(result.steps), ms(time), decided]));
      }
    }
  }
}
console.log(`"default": whether the default budget of ${DEFAULT_MAX_STEPS} steps decides it (else the verdict would be unknown, a failure).`);
