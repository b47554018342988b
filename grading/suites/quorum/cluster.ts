/**
 * Quorum nodes on the simulator, watched from outside. Every client call is
 * recorded in a history (invoke, then ok, or indeterminate when it failed or
 * its coordinator crashed); every reply is checked against the call it
 * answers; and after every event, every put that got its ok must still be
 * held, as itself or a newer version, by W of its home replicas (or, in
 * sloppy mode, by W home replicas and the keepers of their hints). The
 * history is then judged by the guarantee the README's table gives the
 * configuration: linearizable, regular, or values that some put wrote.
 */
import fc from 'fast-check';
import {
  checkLinearizable,
  checkRegular,
  describeHistory,
  faultPlanArb,
  finishedRunFailure,
  History,
  historyDrawing,
  registerModel,
  simulate,
  type FaultType,
  type LinkConfig,
  type NodeContext,
  type NodeId,
  type Operation,
  type RegisterInput,
  type RegisterOutput,
  type SimulationResult,
  type SimulationSpec,
  type SimView,
} from '../../../harness';
import { preferenceList } from '../../../exercises/quorum/placement';
import { compareVersions, type ClientReply, type QuorumConfig, type QuorumMessage, type Version } from '../../../exercises/quorum/types';
import { KEYS, NODE_IDS, show, type NodeModule, type QuorumNodeLike } from './support';

export interface Call {
  readonly atMs: number;
  readonly node: NodeId;
  readonly req: number;
  readonly key: string;
  /** The value to write (unique in the run), or undefined for a get. */
  readonly put: string | undefined;
}

export interface Scenario {
  readonly nodes: readonly NodeId[];
  readonly config: QuorumConfig;
  readonly calls: readonly Call[];
  readonly faults: SimulationSpec<QuorumMessage, ClientReply, QuorumNodeLike, Call>['faults'];
}

const TICK_MS = 100;
const DURATION_MS = 3_000;

/** What the README's table promises a configuration. */
export type Guarantee = 'linearizable' | 'regular' | 'written values';
export const guarantee = (c: QuorumConfig): Guarantee => (c.sloppy || c.r + c.w <= c.n ? 'written values' : c.writeBack ? 'linearizable' : 'regular');

/**
 * 1 to 5 nodes with settings `config` picks, up to `maxCalls` gets and puts on one or two keys in the first 2.5 s, and
 * up to 6 faults of `kinds` in that time; a fault phase of 3 s.
 */
export const scenarioArb = (
  config: (size: number) => fc.Arbitrary<QuorumConfig>,
  kinds: readonly FaultType[],
  options: { readonly sizes?: fc.Arbitrary<number>; readonly maxCalls?: number } = {},
): fc.Arbitrary<Scenario> =>
  (options.sizes ?? fc.integer({ min: 1, max: 5 })).chain((size) => {
    const nodes = NODE_IDS.slice(0, size) as NodeId[];
    const pairKinds = kinds.filter((k) => size > 1 || !['one-way', 'hold', 'degrade', 'partition'].includes(k));
    const call = fc.record({ atMs: fc.integer({ min: 0, max: 2_500 }), node: fc.constantFrom(...nodes), put: fc.boolean(), key: fc.nat(1) });
    return fc.record({
      nodes: fc.constant(nodes),
      config: config(size),
      keys: fc.shuffledSubarray([...KEYS], { minLength: 2, maxLength: 2 }),
      calls: fc.array(call, { minLength: 1, maxLength: options.maxCalls ?? 30, size: 'max' }),
      faults: pairKinds.length === 0 ? fc.constant([]) : faultPlanArb(nodes, { untilMs: 2_500, kinds: pairKinds, maxFaults: 6, maxDurationMs: 1_200 }),
    }).map(({ nodes, config, keys, calls, faults }) => ({
      nodes,
      config,
      faults,
      calls: [...calls]
        .sort((a, b) => a.atMs - b.atMs)
        .map((c, req): Call => ({ atMs: c.atMs, node: c.node, req, key: keys[c.key]!, put: c.put ? `${keys[(req + 1) % 2]}·${req}` : undefined })),
    }));
  });

/** Settings for a cluster of `size`: r, w and n as `pick` wants them, both ends of every range reachable. */
export const configArb =
  (pick: { readonly writeBack: boolean; readonly sloppy: boolean; readonly intersect: boolean | undefined }) =>
  (size: number): fc.Arbitrary<QuorumConfig> =>
    fc.integer({ min: 1, max: size }).chain((n) =>
      fc
        .record({ r: fc.integer({ min: 1, max: n }), w: fc.integer({ min: 1, max: n }), timeoutTicks: fc.integer({ min: 2, max: 8 }) })
        .map(({ r, w, timeoutTicks }) => {
          // Force the intersection wanted: raise w until R + W > N, or lower it until R + W ≤ N (when it can be).
          let ww = w;
          if (pick.intersect === true && r + ww <= n) ww = n - r + 1;
          if (pick.intersect === false && r + ww > n) ww = Math.max(1, n - r);
          return { n, r, w: ww, writeBack: pick.writeBack, sloppy: pick.sloppy, timeoutTicks };
        }),
    );

type RegisterOp = Operation<RegisterInput, RegisterOutput>;

/** Everything the watcher learns about a run. */
export class Watcher {
  readonly history = new History<RegisterInput, RegisterOutput>();
  /** Request id → its history id, the call, and the coordinator's incarnation when it was invoked. */
  readonly open = new Map<number, { readonly id: number; readonly call: Call; readonly incarnation: number }>();
  readonly answered = new Set<number>();
  /** The version each value was written with, as soon as any replica shows it. */
  readonly versions = new Map<string, Version>();
  /** Puts that got put-ok: value → key. */
  readonly acked = new Map<string, string>();
  /** What each node held when last seen up: per key, the version; and its hints. */
  readonly seen = new Map<NodeId, { items: Map<string, Version>; hints: { home: NodeId; key: string; version: Version }[] }>();
  readonly incarnations = new Map<NodeId, number>();
  #outputs = 0;
  problem: { readonly at: number; readonly what: string } | undefined;

  constructor(readonly scenario: Scenario) {}

  fail(at: number, what: string): void {
    this.problem ??= { at, what };
  }

  started(id: NodeId): void {
    this.incarnations.set(id, (this.incarnations.get(id) ?? 0) + 1);
  }

  invoke(node: QuorumNodeLike, call: Call): void {
    const input: RegisterInput = call.put === undefined ? { type: 'read' } : { type: 'write', value: call.put };
    const id = this.history.invoke(call.node, call.key, input, call.atMs);
    this.open.set(call.req, { id, call, incarnation: this.incarnations.get(call.node) ?? 0 });
    if (call.put === undefined) node.get(call.req, call.key);
    else node.put(call.req, call.key, call.put);
  }

  /** Reads what is new since the last event: replies, and what every live node holds. */
  observe(view: SimView<QuorumNodeLike, ClientReply>): void {
    this.#now = view.time;
    for (; this.#outputs < view.outputs.length; this.#outputs++) this.#reply(view.outputs[this.#outputs]!);
    for (const id of view.ids) {
      const node = view.node(id);
      if (node === undefined) continue;
      const items = new Map<string, Version>();
      for (const key of new Set(this.scenario.calls.map((c) => c.key))) {
        const item = node.stored(key);
        if (item === undefined) continue;
        items.set(key, item.version);
        this.#learn(item.value, item.version, view.time);
      }
      const hints = node.hints().map((h) => {
        this.#learn(h.item.value, h.item.version, view.time);
        return { home: h.home, key: h.key, version: h.item.version };
      });
      this.seen.set(id, { items, hints });
    }
    this.#durable(view.time);
    this.#timeouts(view);
  }

  /** Learns the version of an item a node sends, if the message is one with an item. */
  sent(message: QuorumMessage): void {
    if (typeof message !== 'object' || message === null || message.type !== 'store') return;
    const item: unknown = message.item;
    if (typeof item !== 'object' || item === null) return;
    const { value, version } = item as { value?: unknown; version?: { counter?: unknown; writer?: unknown } };
    if (typeof value === 'string' && typeof version?.counter === 'number' && typeof version.writer === 'number') this.#learn(value, { counter: version.counter, writer: version.writer }, this.#now);
  }

  #now = 0;

  #learn(value: string, version: Version, at: number): void {
    const known = this.versions.get(value);
    if (known === undefined) this.versions.set(value, { counter: version.counter, writer: version.writer });
    else if (compareVersions(known, version) !== 0) this.fail(at, `the value ${show(value)} is held with version ${show(version)} on one node and ${show(known)} on another: a put's item is one version (QR-1.3)`);
  }

  #reply(out: { readonly node: NodeId; readonly output: ClientReply; readonly time: number }): void {
    const r = out.output;
    const open = this.open.get(r.req);
    if (open === undefined || open.call.node !== out.node) {
      this.fail(out.time, `${show(out.node)} emitted ${show(r)}, but ${this.answered.has(r.req) ? 'that request already had its reply' : 'it has no such request in flight'} (QR-1.7: exactly one reply per request)`);
      return;
    }
    const kind = open.call.put === undefined ? 'get-ok' : 'put-ok';
    if (r.type !== 'fail' && r.type !== kind) {
      this.fail(out.time, `${show(out.node)} answered ${open.call.put === undefined ? 'a get' : 'a put'} with ${show(r)} (QR-1.2, QR-1.4)`);
      return;
    }
    this.open.delete(r.req);
    this.answered.add(r.req);
    if (r.type === 'fail') this.history.info(open.id, out.time);
    else if (r.type === 'put-ok') {
      this.history.ok(open.id, { value: undefined }, out.time);
      this.acked.set(open.call.put!, open.call.key);
    } else this.history.ok(open.id, { value: r.value }, out.time);
  }

  /** Every acknowledged put is still held by W home replicas, or by the keepers of their hints in sloppy mode. */
  #durable(at: number): void {
    const { config, nodes } = this.scenario;
    for (const [value, key] of this.acked) {
      const version = this.versions.get(value);
      if (version === undefined) {
        this.fail(at, `the put of ${show(value)} got put-ok, but no node holds it, as an item or a hint (QR-1.4, QR-1.6)`);
        return;
      }
      const home = preferenceList(key, nodes).slice(0, config.n);
      const atLeast = (v: Version | undefined): boolean => v !== undefined && compareVersions(v, version) >= 0;
      const holding = home.filter((h) => atLeast(this.seen.get(h)?.items.get(key)) || (config.sloppy && [...this.seen.values()].some((s) => s.hints.some((x) => x.home === h && x.key === key && atLeast(x.version)))));
      if (holding.length < config.w) {
        this.fail(
          at,
          `the put of ${show(value)} to ${show(key)} (version ${show(version)}) got put-ok, but only ${holding.length} of its home replicas ${show(home)} hold it or a newer version${config.sloppy ? ', counting hints' : ''}, fewer than W = ${config.w} (QR-1.4, QR-1.6${config.sloppy ? ', QR-3.1, QR-3.3' : ', QR-1.9'})`,
        );
        return;
      }
    }
  }

  /** A request at a coordinator that did not crash has its reply by its timeoutTicks-th tick (QR-1.7). */
  #timeouts(view: SimView<QuorumNodeLike, ClientReply>): void {
    const limit = (this.scenario.config.timeoutTicks + 1) * TICK_MS;
    for (const [req, open] of this.open) {
      if (this.incarnations.get(open.call.node) !== open.incarnation || view.node(open.call.node) === undefined) continue;
      if (view.time > open.call.atMs + limit) {
        this.fail(view.time, `request ${req} (${open.call.put === undefined ? 'get' : 'put'} of ${show(open.call.key)} at ${show(open.call.node)}, called at ${open.call.atMs} ms) has no reply ${view.time - open.call.atMs} ms later, past its ${this.scenario.config.timeoutTicks} ticks (QR-1.7)`);
        return;
      }
    }
  }

  /** Requests that can still be answered: their coordinator is up and has not restarted since. */
  waiting(view: SimView<QuorumNodeLike, ClientReply>): number[] {
    return [...this.open].filter(([, o]) => this.incarnations.get(o.call.node) === o.incarnation && view.node(o.call.node) !== undefined).map(([req]) => req);
  }
}

/** The run's spec: a network that duplicates and reorders, faults on top, the watcher after every event, and a liveness phase. */
export function clusterSpec(mod: NodeModule, scenario: Scenario, watcher: Watcher, link: Partial<LinkConfig> = LOSSY): SimulationSpec<QuorumMessage, ClientReply, QuorumNodeLike, Call> {
  const hintsLeft = (view: SimView<QuorumNodeLike, ClientReply>): string[] =>
    view.ids.flatMap((id) => (view.node(id)?.hints() ?? []).map((h) => `${show(id)} keeps a hint for ${show(h.home)}: ${show(h.key)} = ${show(h.item)}`));
  return {
    nodes: scenario.nodes,
    create: (ctx: NodeContext<QuorumMessage, ClientReply>) => {
      watcher.started(ctx.id);
      // The watcher reads the version of every item a node sends: a put superseded everywhere is known by its stores.
      const send = ctx.send.bind(ctx);
      const watched: NodeContext<QuorumMessage, ClientReply> = {
        id: ctx.id,
        peers: ctx.peers,
        rng: ctx.rng,
        clock: ctx.clock,
        monotonic: ctx.monotonic,
        storage: ctx.storage,
        emit: (output) => ctx.emit(output),
        send: (to, message) => {
          watcher.sent(message);
          send(to, message);
        },
      };
      return new mod.QuorumNode(watched, { ...scenario.config });
    },
    link,
    tickMs: TICK_MS,
    durationMs: DURATION_MS,
    faults: scenario.faults,
    workload: scenario.calls.map((call) => ({ atMs: call.atMs, node: call.node, op: call })),
    invoke: (node, call) => watcher.invoke(node, call),
    invariants: [
      {
        name: 'one reply per request, by its timeout; acknowledged puts held by W home replicas',
        check: (view) => {
          watcher.observe(view);
          return watcher.problem?.what;
        },
      },
    ],
    liveness: {
      withinMs: (scenario.config.timeoutTicks + 1) * TICK_MS + (scenario.config.sloppy ? 3_000 : 0),
      done: (view) => view.ids.every((id) => view.node(id) !== undefined) && watcher.waiting(view).length === 0 && (!scenario.config.sloppy || hintsLeft(view).length === 0),
      pending: (view) =>
        [
          ...watcher.waiting(view).map((req) => `request ${req} has no reply (QR-1.7)`),
          ...(scenario.config.sloppy ? hintsLeft(view).map((h) => `${h}, not yet handed home (QR-3.3, QR-3.4)`) : []),
        ].join('\n') || 'a node is still down',
    },
    describe: {
      op: (call) => (call.put === undefined ? `get(${call.req}, ${show(call.key)})` : `put(${call.req}, ${show(call.key)}, ${show(call.put)})`),
      output: (r) => show(r),
      message: (m) => show(m),
    },
  };
}

/** Loss, duplication and reordering on every link. */
export const LOSSY: Partial<LinkConfig> = { loss: 0.05, duplicate: 0.1, reorder: 0.2, delay: { kind: 'uniform', minMs: 1, maxMs: 40 } };

/** Runs a scenario and judges its history by the configuration's guarantee; throws with the timeline on a failure. */
export function runScenario(mod: NodeModule, scenario: Scenario, seed: number, link: Partial<LinkConfig> = LOSSY): SimulationResult<ClientReply> {
  const watcher = new Watcher(scenario);
  const run = simulate(seed, clusterSpec(mod, scenario, watcher, link));
  judge(run, watcher);
  return run;
}

function judge(run: SimulationResult<ClientReply>, watcher: Watcher): void {
  const ops = watcher.history.operations();
  const end = run.endMs;
  const setting = `${show(watcher.scenario.nodes)} with ${show(watcher.scenario.config)}`;
  const written = new Map(ops.filter((o) => o.input.type === 'write').map((o) => [(o.input as { value: string }).value, o]));
  for (const op of ops) {
    if (op.status !== 'ok' || op.input.type !== 'read' || op.output?.value === undefined) continue;
    const w = written.get(op.output.value);
    if (w === undefined || w.key !== op.key || w.call > op.ret) {
      const what = `get ${op.id} of ${show(op.key)} returned ${show(op.output.value)}, which no put of that key had begun to write by then (QR-1.9)`;
      throw finishedRunFailure(run, op.ret, what, `${what}\n${setting}\n${describeHistory(ops, registerModel)}`, historyDrawing(ops, undefined, registerModel));
    }
  }
  const want = guarantee(watcher.scenario.config);
  if (want === 'linearizable') {
    const result = checkLinearizable(ops, registerModel);
    if (result.verdict === 'linearizable') return;
    const what =
      result.verdict === 'violation'
        ? `the history of ${show(result.key)} is not linearizable (QR-2.2): ${result.explanation.replace(/^history: /, '')}`
        : `the linearizability check of ${show(result.key)} ran out of its step budget: the suite cannot vouch for this history, so it fails (${result.explanation.replace(/^history: /, '')})`;
    throw finishedRunFailure(run, end, what, `${what}\n${setting}\n${describeHistory(ops, registerModel, result.verdict === 'violation' ? result.stuck : undefined)}`, historyDrawing(ops, result, registerModel));
  }
  if (want === 'regular') {
    const result = checkRegular(ops);
    if (result.ok) return;
    const what = `a get is not regular (QR-1.9): ${result.violations.map((v) => v.explanation).join('; ')}`;
    throw finishedRunFailure(run, end, what, `${what}\n${setting}\n${describeHistory(ops, registerModel, result.violations.map((v) => v.read))}`, historyDrawing(ops, result, registerModel));
  }
}

export type { RegisterOp };
