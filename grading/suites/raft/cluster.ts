/**
 * Raft clusters on the simulator: the spec for one run (nodes, workload,
 * faults, the Figure 3 invariants after every event, and a liveness check
 * once the network heals), the random scenarios the fault tests draw, and a
 * runner whose failures show the minimized fault plan, the violated property
 * with its evidence, and the last events.
 */
import fc from 'fast-check';
import { SimulationFailure, describeFault, faultPlanArb, guarded, simulate, type FaultPlan, type FaultType, type LinkConfig, type NodeContext, type NodeId, type SimView, type SimulationResult, type SimulationSpec } from '../../../harness';
import { RaftChecker } from './invariants';
import { describeApplied, describeMessage } from './format';
import type { Applied, Message, RaftModule, RaftNode } from './support';

export type Op = { readonly type: 'propose'; readonly command: string } | { readonly type: 'probe' };

export const TICK_MS = 100;
/** After the network heals, a proposal made to the leader must be applied on a majority within this many ticks. */
export const LIVENESS_TICKS = 100;
export const PROBE = 'liveness-probe';

export const nodeIds = (size: number): NodeId[] => Array.from({ length: size }, (_, i) => `n${i + 1}`);

export interface Cluster {
  readonly nodes: readonly NodeId[];
  readonly durationMs: number;
  readonly link?: Partial<LinkConfig>;
  readonly faults?: FaultPlan;
  /** Client proposals: each is offered at `atMs` to node `to`, or to every live node (followers refuse it). */
  readonly proposals?: readonly { readonly atMs: number; readonly command: string; readonly to?: NodeId }[];
  /**
   * What must happen within LIVENESS_TICKS once everything heals at durationMs:
   * 'leader': some node is leader and a majority of nodes name it as their leader;
   * 'commit': a proposal made to the leader is applied on a majority.
   */
  readonly liveness?: 'leader' | 'commit';
  /** Observes every message a node sends (for the cost counters). */
  readonly onSend?: (from: NodeId, to: NodeId, message: Message) => void;
}

export interface ClusterRun {
  readonly result: SimulationResult<Applied>;
  readonly checker: RaftChecker;
}

/** The spec's `describe.status`: what a node reports about itself, drawn along its lane in a failed run's timeline (harness/sim/types.ts `StatusDescriber`). */
type WithStatus = { readonly describe?: { readonly status?: (node: RaftNode) => string } };

export function clusterSpec(module: RaftModule, cluster: Cluster, checker: RaftChecker): SimulationSpec<Message, Applied, RaftNode, Op> & WithStatus {
  const { nodes } = cluster;
  const majority = Math.floor(nodes.length / 2) + 1;
  const workload: { atMs: number; node: NodeId; op: Op }[] = [];
  for (const p of cluster.proposals ?? []) for (const node of p.to === undefined ? nodes : [p.to]) workload.push({ atMs: p.atMs, node, op: { type: 'propose', command: p.command } });
  if (cluster.liveness === 'commit') {
    for (let k = 0; k < LIVENESS_TICKS; k++) for (const node of nodes) workload.push({ atMs: cluster.durationMs + k * TICK_MS + TICK_MS / 2, node, op: { type: 'probe' } });
  }
  /** Which node instance proposed the probe in which term: one probe per leader per term. */
  const probed = new WeakMap<RaftNode, Set<number>>();
  const probeApplied = new Set<NodeId>();
  let outputsRead = 0;
  const leaderKnown = (view: SimView<RaftNode, Applied>): NodeId | undefined => {
    for (const id of view.ids) {
      const n = view.node(id);
      if (!n || guarded(`node ${id} while the harness read it`, () => n.role) !== 'leader') continue;
      const term = guarded(`node ${id} while the harness read it`, () => n.term);
      const followers = view.ids.filter((other) => {
        const o = view.node(other);
        return o !== undefined && guarded(`node ${other} while the harness read it`, () => o.term === term && o.leader === id);
      });
      if (followers.length >= majority) return id;
    }
    return undefined;
  };
  const countProbes = (outputs: readonly { node: NodeId; output: Applied }[]) => {
    for (; outputsRead < outputs.length; outputsRead++) {
      const o = outputs[outputsRead]!;
      if (o.output?.command === PROBE) probeApplied.add(o.node);
    }
  };
  const create = (ctx: NodeContext<Message, Applied>): RaftNode => {
    const onSend = cluster.onSend;
    const context: NodeContext<Message, Applied> = onSend
      ? { ...ctx, send: (to, message) => (onSend(ctx.id, to, message), ctx.send(to, message)) }
      : ctx;
    return new module.RaftNode(context);
  };
  return {
    nodes,
    create,
    tickMs: TICK_MS,
    durationMs: cluster.durationMs,
    minPartitionMs: 200,
    ...(cluster.link ? { link: cluster.link } : {}),
    ...(cluster.faults ? { faults: cluster.faults } : {}),
    workload,
    invoke: (node, op) => {
      if (op.type === 'propose') {
        node.propose(op.command);
        return;
      }
      if (node.role !== 'leader') return;
      const terms = probed.get(node) ?? new Set<number>();
      probed.set(node, terms);
      if (terms.has(node.term)) return;
      terms.add(node.term);
      node.propose(PROBE);
    },
    invariants: checker.invariants(),
    ...(cluster.liveness
      ? {
          liveness: {
            withinMs: LIVENESS_TICKS * TICK_MS,
            done: (view) => (cluster.liveness === 'leader' ? leaderKnown(view) !== undefined : (countProbes(view.outputs), probeApplied.size >= majority)),
            pending: (view) => {
              const states = view.ids.map((id) => {
                const n = view.node(id);
                if (!n) return `${id} down`;
                return guarded(`node ${id} while the harness read it`, () => `${id} ${n.role} of term ${n.term}, commit ${n.commitIndex}, log length ${n.log.length}`);
              });
              if (cluster.liveness === 'leader') return `no leader that a majority (${majority}) of nodes, itself included, names as the leader of its term; now: ${states.join('; ')}. Raft §5.2: randomised timeouts make split votes rare, and a new leader announces itself at once with AppendEntries`;
              return `a proposal to the leader was applied on ${probeApplied.size} node(s) (${[...probeApplied].sort().join(', ') || 'none'}), but a majority is ${majority}; now: ${states.join('; ')}. Raft §5.2 (elections must end) and §5.3 (a leader retries AppendEntries until every follower has the entry)`;
            },
          },
        }
      : {}),
    describe: {
      message: describeMessage,
      output: describeApplied,
      op: (op) => (op.type === 'propose' ? `propose(${JSON.stringify(op.command)})` : 'propose the liveness probe, if leader'),
      // Read by the simulator after each call, guarded; a getter that throws records nothing (the invariants report it).
      status: (node) => `${node.role} t${node.term}`,
    },
  };
}

/** Runs one cluster; a failure names the fault plan as well as the violation, the evidence and the last events. */
export function runCluster(module: RaftModule, seed: number, cluster: Cluster): ClusterRun {
  const checker = new RaftChecker();
  try {
    return { result: simulate(seed, clusterSpec(module, cluster, checker)), checker };
  } catch (error) {
    if (error instanceof SimulationFailure) {
      const plan = (cluster.faults ?? []).map((f) => `  at ${f.atMs} ms: ${describeFault(f.fault)}`).join('\n') || '  (none)';
      const link = cluster.link ? JSON.stringify(cluster.link) : 'reliable';
      error.message = `raft: ${error.message}\n\n${cluster.nodes.length} nodes, simulation seed ${seed}, link ${link}, fault plan:\n${plan}`;
    }
    throw error;
  }
}

export interface ScenarioOptions {
  readonly kinds: readonly FaultType[];
  readonly loss: number;
  /**
   * The least loss of a run's links (default 0). The small family, a third of
   * whose runs have no links at all, sets it, so that its runs always lose
   * messages somewhere: fast-check often draws the bottom of a range.
   */
  readonly minLoss?: number;
  readonly duplicate: number;
  readonly reorder: number;
  readonly maxFaults: number;
  readonly durationMs: number;
  readonly maxProposals: number;
}

/** The three families of random scenarios the suite runs, and how many of each (tasks 1, 2 and 3). */
export const SCENARIOS = {
  election: {
    options: { kinds: ['partition', 'isolate', 'one-way', 'degrade', 'hold'], loss: 0.3, duplicate: 0.2, reorder: 0.2, maxFaults: 6, durationMs: 8_000, maxProposals: 0 },
    runs: 150,
  },
  network: {
    options: { kinds: ['partition', 'isolate', 'one-way', 'hold', 'degrade'], loss: 0.25, duplicate: 0.25, reorder: 0.25, maxFaults: 6, durationMs: 8_000, maxProposals: 30 },
    runs: 200,
  },
  crashes: {
    // Crashes three times as likely as each network fault.
    options: { kinds: ['crash', 'crash', 'crash', 'partition', 'isolate', 'degrade'], loss: 0.15, duplicate: 0.15, reorder: 0.15, maxFaults: 8, durationMs: 8_000, maxProposals: 30 },
    runs: 200,
  },
  /** Every size the fault tests above do not run: one node (crashes only), two and four (an even majority). */
  small: {
    options: { kinds: ['crash', 'crash', 'crash', 'partition', 'isolate', 'one-way', 'hold', 'degrade'], loss: 0.2, minLoss: 0.02, duplicate: 0.2, reorder: 0.2, maxFaults: 8, durationMs: 8_000, maxProposals: 30 },
    sizes: [1, 2, 4],
    runs: 45,
  },
} as const satisfies Record<string, { options: ScenarioOptions; runs: number; sizes?: readonly number[] }>;

/**
 * A random cluster run: 3, 5 or 7 nodes (or the sizes given); a lossy link; a
 * fault plan (a cluster of one has no links, so only its crashes); client
 * proposals; then healing and liveness.
 */
export function scenarioArb(options: ScenarioOptions, sizes: readonly number[] = [3, 5, 7]): fc.Arbitrary<Cluster & { seed: number }> {
  return fc.constantFrom(...sizes).chain((size) => {
    const nodes = nodeIds(size);
    const kinds = size === 1 ? options.kinds.filter((k) => k === 'crash') : options.kinds;
    return fc.record({
      faults: kinds.length === 0 ? fc.constant([]) : faultPlanArb(nodes, { untilMs: options.durationMs - 500, kinds, maxFaults: options.maxFaults, minDurationMs: 200, maxDurationMs: 3_000 }),
      link: fc.record({
        loss: fc.double({ min: options.minLoss ?? 0, max: options.loss, noNaN: true }),
        duplicate: fc.double({ min: 0, max: options.duplicate, noNaN: true }),
        reorder: fc.double({ min: 0, max: options.reorder, noNaN: true }),
        delay: fc.integer({ min: 5, max: 60 }).map((maxMs) => ({ kind: 'uniform' as const, minMs: 1, maxMs })),
      }),
      proposals: fc
        .array(fc.integer({ min: 0, max: options.durationMs - 1 }), { maxLength: options.maxProposals })
        .map((times) => [...times].sort((a, b) => a - b).map((atMs, i) => ({ atMs, command: `c${i + 1}` }))),
      // Another seed is another run altogether: shrinking it wastes attempts, so it stays as drawn.
      seed: fc.noShrink(fc.integer({ min: 0, max: 0x7fffffff })),
      nodes: fc.constant(nodes),
      durationMs: fc.constant(options.durationMs),
      liveness: fc.constant(options.maxProposals > 0 ? ('commit' as const) : ('leader' as const)),
    });
  });
}

/** The first heartbeat of a run (any AppendEntries sent), at or after `fromMs`: when a leader first took office. */
export function firstHeartbeat(result: SimulationResult<Applied>, fromMs = 0, where: (body: string) => boolean = () => true): { time: number; from: NodeId; body: string } | undefined {
  for (const e of result.trace) {
    if (e.kind === 'send' && e.t >= fromMs && e.body.startsWith('AppendEntries') && where(e.body)) return { time: e.t, from: e.from, body: e.body };
  }
  return undefined;
}

/**
 * Who leads at `atMs` of a reliable run of `nodes` with this seed (the sender
 * of the last heartbeat before then). The same seed gives the same run up to
 * the first fault, so a scripted fault at `atMs` can target that leader.
 */
export function leaderAt(module: RaftModule, seed: number, nodes: readonly NodeId[], atMs: number): NodeId | undefined {
  const { result } = runCluster(module, seed, { nodes, durationMs: atMs });
  const beat = [...result.trace].reverse().find((e) => e.kind === 'send' && e.body.startsWith('AppendEntries'));
  return beat?.kind === 'send' ? beat.from : undefined;
}

/** What a batch of scenarios exercised, for the vacuity checks of a fault test. */
export interface Exercised {
  runs: number;
  sizes: Set<number>;
  faultsFired: number;
  lost: number;
  duplicated: number;
  reordered: number;
  droppedByPartition: number;
  crashes: number;
  committed: number;
}

type Check = (property: fc.IProperty<[Cluster & { seed: number }]>, options: { numRuns: number }) => void;

/**
 * After the first failing scenario, at most this many more are run while
 * shrinking it. The counterexample reported is the smallest failing one found
 * within the budget; counting runs rather than time keeps it the same on
 * every machine.
 */
export const SHRINK_RUNS = 250;

/** Runs `numRuns` random scenarios under the test's seed (via t.check, so failures shrink and replay); returns what they exercised. */
export function checkScenarios(check: Check, module: RaftModule, arb: fc.Arbitrary<Cluster & { seed: number }>, numRuns: number): Exercised {
  const seen: Exercised = { runs: 0, sizes: new Set(), faultsFired: 0, lost: 0, duplicated: 0, reordered: 0, droppedByPartition: 0, crashes: 0, committed: 0 };
  let shrinking = false;
  let shrinkRuns = 0;
  check(
    fc.property(arb, (scenario) => {
      // Out of shrinking budget: treat the candidate as passing, so fast-check stops at the last failure it found.
      if (shrinking && ++shrinkRuns > SHRINK_RUNS) return;
      let run: ClusterRun;
      try {
        run = runCluster(module, scenario.seed, scenario);
      } catch (error) {
        shrinking = true;
        throw error;
      }
      const { result, checker } = run;
      seen.runs++;
      seen.sizes.add(scenario.nodes.length);
      seen.faultsFired += result.faultsFired;
      seen.lost += result.stats.lost;
      seen.duplicated += result.stats.duplicated;
      seen.reordered += result.stats.reordered;
      seen.droppedByPartition += result.stats.droppedByPartition;
      seen.crashes += result.stats.crashes;
      seen.committed += checker.committedCount;
    }),
    { numRuns },
  );
  return seen;
}
