/**
 * How fast the reference quorum cluster runs on the simulator, what it sends,
 * and what checking its history costs.
 *
 * Five reference nodes (N = 3, R = 2, W = 2, write-back), OPS gets and puts
 * spread over 60 s of virtual time on 10 keys, from every node at once, on a
 * network that loses 1 % and duplicates 5 % of messages. Reported: virtual
 * seconds simulated per wall second, client operations per wall second,
 * messages per operation, and the time Wing and Gong's search takes to
 * check the history (per key, with Lowe's memo). Each runs once to warm up,
 * then RUNS times; the median is reported.
 *
 *   npx tsx grading/bench/quorum.ts [OPS=2000] [RUNS=3]
 */
import { checkLinearizable, History, registerModel, simulate, type NodeContext, type RegisterInput, type RegisterOutput } from '../../harness';
import { QuorumNode } from '../../solutions/quorum/quorum-node';
import type { ClientReply, QuorumConfig, QuorumMessage } from '../../solutions/quorum/types';
import { parseOrExit } from '../args';
import { commands } from '../commands';

const { counts } = parseOrExit(
  commands.benchQuorum,
  'Simulated seconds and client operations per wall second of five reference quorum nodes serving OPS gets and puts (default 2000), messages per operation, and the time to check the history for linearizability; the median of RUNS runs (default 3).',
);
const ops = counts.OPS!;
const runs = counts.RUNS!;
const NODES = ['n1', 'n2', 'n3', 'n4', 'n5'];
const CONFIG: QuorumConfig = { n: 3, r: 2, w: 2, writeBack: true, sloppy: false, timeoutTicks: 10 };
const DURATION_MS = 60_000;

interface Call {
  readonly req: number;
  readonly key: string;
  readonly put: string | undefined;
}

function once(seed: number): { wallMs: number; checkMs: number; sent: number; answered: number; verdict: string } {
  const history = new History<RegisterInput, RegisterOutput>();
  const open = new Map<number, number>();
  const workload = Array.from({ length: ops }, (_, i) => {
    const node = NODES[i % NODES.length]!;
    const call: Call = { req: i, key: `k${(i * 7) % 10}`, put: i % 3 === 0 ? undefined : `v${i}` };
    return { atMs: Math.floor((i * DURATION_MS) / ops), node, op: call };
  });
  const started = performance.now();
  const run = simulate<QuorumMessage, ClientReply, QuorumNode, Call>(seed, {
    nodes: NODES,
    create: (ctx: NodeContext<QuorumMessage, ClientReply>) => new QuorumNode(ctx, CONFIG),
    link: { loss: 0.01, duplicate: 0.05, delay: { kind: 'uniform', minMs: 1, maxMs: 20 } },
    durationMs: DURATION_MS + 2_000,
    workload,
    invoke: (node, call) => {
      const at = workload[call.req]!.atMs;
      open.set(call.req, history.invoke(workload[call.req]!.node, call.key, call.put === undefined ? { type: 'read' } : { type: 'write', value: call.put }, at));
      if (call.put === undefined) node.get(call.req, call.key);
      else node.put(call.req, call.key, call.put);
    },
  });
  const wallMs = performance.now() - started;
  let answered = 0;
  for (const { output, time } of run.outputs) {
    const id = open.get(output.req)!;
    if (output.type === 'fail') history.info(id, time);
    else {
      answered += 1;
      history.ok(id, { value: output.type === 'get-ok' ? output.value : undefined }, time);
    }
  }
  const checkStart = performance.now();
  const result = checkLinearizable(history.operations(), registerModel);
  return { wallMs, checkMs: performance.now() - checkStart, sent: run.stats.sent, answered, verdict: result.verdict };
}

once(0);
const results = Array.from({ length: runs }, (_, i) => once(i + 1));
const median = (f: (r: (typeof results)[number]) => number): number => results.map(f).sort((a, b) => a - b)[Math.floor(runs / 2)]!;
const wall = median((r) => r.wallMs);
console.log(`Five reference quorum nodes, ${JSON.stringify(CONFIG)}, ${ops} operations over ${DURATION_MS / 1000} s of virtual time, ${runs} runs after one warm-up (Node ${process.version})`);
console.log(`  simulated: ${((DURATION_MS + 2_000) / wall).toFixed(0)} virtual s per wall s; ${((ops * 1000) / wall).toFixed(0)} client operations per wall s (median run ${wall.toFixed(0)} ms)`);
console.log(`  messages: ${(median((r) => r.sent) / ops).toFixed(1)} per operation; ${median((r) => r.answered)} of ${ops} answered ok`);
console.log(`  linearizability check of the history: ${median((r) => r.checkMs).toFixed(1)} ms; verdicts ${[...new Set(results.map((r) => r.verdict))].join(', ')}`);
