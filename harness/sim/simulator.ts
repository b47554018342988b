/**
 * The deterministic simulator. One seed drives everything: it is split into
 * named streams (`net` for the network, `faults` for crash damage, one per
 * node incarnation for `ctx.rng`), virtual time advances only through the
 * event queue, and node code runs with the sources of nondeterminism trapped.
 * The same seed therefore gives the same trace, byte for byte, and the same
 * trace hash.
 *
 * A run: start every node; then repeatedly take the earliest event (a tick, a
 * delivery, a client call, a fault, a restart, a resume) and apply it; after
 * each, drain the outbox, read what the node now reports about itself (the
 * suite's optional status hook, for the timeline picture only), and check
 * every invariant. At `durationMs` the fault phase ends; with a liveness check,
 * the simulator heals everything (partitions, holds, degraded links, crashed
 * nodes, paused nodes) and runs on until the check is done or its bound passes.
 *
 * A paused node is live but not called: its ticks are skipped, not replayed;
 * a message that reaches it (past partitions and holds) and a client call for
 * it wait. At the resume it takes them, one call each, in the order they came,
 * then ticks at once and every `tickMs` from there. Its clocks run on
 * throughout. A crash while paused ends the pause: the messages that waited
 * are dropped as at a down node, the client calls skipped.
 */
import { Rng } from '../rng';
import { describeFault, type Fault } from './faults';
import { guarded } from './guard';
import { DEFAULT_LINK, Network, type LinkConfig } from './network';
import { SimClock } from './clock';
import { SimStorage } from './storage';
import { EventQueue } from './event-queue';
import { TraceHash, formatEvent, timeline, type TraceEvent } from './trace';
import type { Cause, Output, SentMessage, SimStats, SimView, SimulationResult, SimulationSpec } from './spec';
import type { NodeContext, NodeId, ProtocolNode, StatusDescriber } from './types';
import type { HistoryDrawing } from '../history/types';

export class SimulationFailure extends Error {
  override readonly name = 'SimulationFailure';
  /** The run that failed, for the timeline picture (`timeline-html.ts`). Not enumerable: an error sent between processes leaves it behind. */
  declare readonly run: FailedRun | undefined;

  constructor(message: string, run?: FailedRun) {
    super(message);
    Object.defineProperty(this, 'run', { value: run, enumerable: false });
  }
}

/** What a timeline of a failed run is drawn from. */
export interface FailedRun {
  readonly nodes: readonly NodeId[];
  readonly trace: readonly TraceEvent[];
  /** The clients' calls, when a history checker failed the run (harness/history `historyDrawing`): drawn below the nodes. */
  readonly history?: HistoryDrawing;
}

/**
 * The failed run an error carries (a SimulationFailure, or an error that wraps one and copied it), if any. A history
 * that is not shaped like one is left behind, and the run kept without it.
 */
export function failedRun(error: unknown): FailedRun | undefined {
  if (!(error instanceof Error)) return undefined;
  const run = (error as { run?: unknown }).run;
  if (typeof run !== 'object' || run === null) return undefined;
  const { nodes, trace, history } = run as { nodes?: unknown; trace?: unknown; history?: unknown };
  if (!(Array.isArray(nodes) && nodes.every((n) => typeof n === 'string') && Array.isArray(trace))) return undefined;
  if (history === undefined) return run as FailedRun;
  const { operations, highlight } = (typeof history === 'object' && history !== null ? history : {}) as { operations?: unknown; highlight?: unknown };
  return Array.isArray(operations) && Array.isArray(highlight) ? (run as FailedRun) : { nodes: nodes as NodeId[], trace: trace as TraceEvent[] };
}
/**
 * A failure found only once a run has finished, by a check over all of it (an
 * oracle comparing every pair of outputs, say). It carries the run up to
 * `atMs` with the violation drawn there, as a failed invariant does, so the
 * suite kit writes its timeline picture too (`graded.ts`). With `history`
 * (harness/history `historyDrawing`), the picture also draws the clients'
 * calls, the ones a checker could not order in red.
 */
export function finishedRunFailure(
  run: Pick<SimulationResult<unknown>, 'nodes' | 'trace'>,
  atMs: number,
  what: string,
  message: string = what,
  history?: HistoryDrawing,
): SimulationFailure {
  const trace: TraceEvent[] = run.trace.filter((e) => e.t <= atMs);
  trace.push({ t: atMs, kind: 'violation', detail: what });
  return new SimulationFailure(message, history === undefined ? { nodes: run.nodes, trace } : { nodes: run.nodes, trace, history });
}

// Frozen, like every harness class learner code can import: a patched method must not change what a checker sees.
Object.freeze(SimulationFailure.prototype);
Object.freeze(SimulationFailure);

type SimEvent<M> =
  | { readonly type: 'tick'; readonly node: NodeId; readonly incarnation: number; readonly chain: number }
  | { readonly type: 'deliver'; readonly msg: number; readonly copy: number; readonly from: NodeId; readonly to: NodeId; readonly body: M }
  | { readonly type: 'client'; readonly index: number }
  | { readonly type: 'fault'; readonly fault: Fault }
  | { readonly type: 'undo'; readonly detail: string; readonly undo: () => void }
  | { readonly type: 'restart'; readonly node: NodeId; readonly incarnation: number }
  | { readonly type: 'resume'; readonly node: NodeId; readonly until: number };

/** What waits for a paused node. */
type Waiting<M> = Extract<SimEvent<M>, { type: 'deliver' | 'client' }>;

interface NodeSlot<M, N> {
  node: N | undefined;
  incarnation: number;
  /** The live chain of ticks: a resume starts a new one, so a tick scheduled before the pause does not run after it. */
  ticks: number;
  /** While paused: when it resumes, and what arrived meanwhile, in arrival order. */
  pause: { readonly until: number; readonly waiting: Waiting<M>[] } | undefined;
  readonly storage: SimStorage;
  readonly clock: SimClock;
}

const clone: <T>(value: T) => T = structuredClone;
const stringify = JSON.stringify;

function safeDescribe(value: unknown): string {
  try {
    const text = stringify(value) ?? String(value);
    return text.length > 120 ? `${text.slice(0, 120)}…` : text;
  } catch {
    return Object.prototype.toString.call(value);
  }
}

export function simulate<M, O, N extends ProtocolNode<M>, C = never>(seed: number, spec: SimulationSpec<M, O, N, C> & StatusDescriber<N>): SimulationResult<O> {
  return new Simulation(seed, spec).run();
}

class Simulation<M, O, N extends ProtocolNode<M>, C> {
  readonly #queue = new EventQueue<SimEvent<M>>();
  readonly #trace: TraceEvent[] = [];
  readonly #hash = new TraceHash();
  /** How many events of the trace the hash has taken in: it is computed when first asked for, not as events are recorded. */
  #hashed = 0;
  readonly #network: Network<SimEvent<M>>;
  readonly #faultRng: Rng;
  readonly #slots = new Map<NodeId, NodeSlot<M, N>>();
  readonly #outputs: Output<O>[] = [];
  readonly #messages = new Map<number, SentMessage>();
  readonly #stats: SimStats = { events: 0, ticks: 0, sent: 0, delivered: 0, lost: 0, duplicated: 0, reordered: 0, droppedByPartition: 0, droppedAtDownNode: 0, held: 0, crashes: 0, clockFaults: 0, pauses: 0 };
  readonly #tickMs: number;
  readonly #minPartitionMs: number;
  #now = 0;
  #seq = 0;
  #msgIds = 0;
  #healing = false;
  #current: { node: NodeId; cause: Cause; outbox: { to: NodeId; body: M; msg: number }[] } | undefined;
  /** What each live node last reported about itself (a crash forgets it, so a restarted node reports afresh). */
  readonly #status = new Map<NodeId, string>();
  readonly #view: SimView<N, O>;

  constructor(
    private readonly seed: number,
    private readonly spec: SimulationSpec<M, O, N, C> & StatusDescriber<N>,
  ) {
    const ids = [...spec.nodes];
    if (ids.length === 0 || new Set(ids).size !== ids.length) throw new RangeError(`sim: nodes must be distinct and non-empty, got ${stringify(ids)}`);
    this.#tickMs = spec.tickMs ?? 100;
    this.#minPartitionMs = spec.minPartitionMs ?? 100;
    if (!(this.#tickMs > 0)) throw new RangeError(`sim: tickMs must be positive, got ${this.#tickMs}`);
    const link: LinkConfig = { ...DEFAULT_LINK, ...spec.link };
    this.#network = new Network(link, Rng.stream(seed, 'net'));
    this.#faultRng = Rng.stream(seed, 'faults');
    for (const id of ids) this.#slots.set(id, { node: undefined, incarnation: 0, ticks: 0, pause: undefined, storage: new SimStorage(), clock: new SimClock(() => this.#now) });
    const sim = this;
    this.#view = {
      get time() {
        return sim.#now;
      },
      ids,
      node: (id) => this.#slots.get(id)?.node,
      outputs: this.#outputs,
      messages: this.#messages,
    };
  }

  run(): SimulationResult<O> {
    const { spec } = this;
    for (const id of this.#view.ids) this.#start(id, 'start');
    if ((spec.workload?.length ?? 0) > 0 && !spec.invoke) throw new RangeError('sim: a workload needs spec.invoke to call the node');
    spec.workload?.forEach((w, index) => {
      if (!this.#slots.has(w.node)) throw new RangeError(`sim: workload op ${index} targets unknown node ${stringify(w.node)}`);
      this.#queue.push(w.atMs, { type: 'client', index });
    });
    for (const { atMs, fault } of spec.faults ?? []) this.#queue.push(atMs, { type: 'fault', fault: this.#checkFault(fault) });
    this.#checkInvariants();

    const end = spec.durationMs;
    this.#runUntil(end);
    if (spec.liveness) {
      this.#healAll();
      const deadline = end + spec.liveness.withinMs;
      while (!spec.liveness.done(this.#view)) {
        const next = this.#queue.peek();
        if (!next || next.time > deadline) {
          this.#now = deadline;
          this.#fail(`liveness: not done within ${spec.liveness.withinMs} ms after the network healed: ${spec.liveness.pending(this.#view)}`);
        }
        this.#step();
      }
    }
    const faultsFired = this.#faultsFired();
    if (spec.requireFault && faultsFired === 0) {
      this.#fail('sim: vacuous scenario: no fault fired (nothing was lost, duplicated, reordered, blocked, held or crashed); a fault test must exercise a fault');
    }
    const events = this.#trace.length;
    const traceHash = () => this.#traceHash(events);
    return {
      seed: this.seed,
      nodes: this.#view.ids,
      // Hashed on first read: most runs are never compared, and hashing every event cost a tenth of a run.
      get traceHash() {
        return traceHash();
      },
      trace: this.#trace,
      outputs: this.#outputs,
      messages: this.#messages,
      stats: { ...this.#stats },
      faultsFired,
      endMs: this.#now,
    };
  }

  #faultsFired(): number {
    const s = this.#stats;
    return s.lost + s.duplicated + s.reordered + s.droppedByPartition + s.droppedAtDownNode + s.held + s.crashes + s.clockFaults + s.pauses;
  }

  #runUntil(end: number): void {
    for (;;) {
      const next = this.#queue.peek();
      if (!next || next.time > end) break;
      this.#step();
    }
    this.#now = Math.max(this.#now, end);
  }

  #step(): void {
    const item = this.#queue.pop()!;
    this.#now = item.time;
    this.#stats.events++;
    this.#apply(item.event);
    this.#checkInvariants();
  }

  #record(event: TraceEvent): void {
    this.#trace.push(event);
  }

  /** The hash of the trace's first `events` events, status events excepted (trace.ts). */
  #traceHash(events = this.#trace.length): string {
    for (; this.#hashed < events; this.#hashed++) {
      const event = this.#trace[this.#hashed]!;
      if (event.kind !== 'status') this.#hash.update(formatEvent(event));
    }
    return this.#hash.hex();
  }

  /** Records what the node now reports about itself, if that changed. Reads only; a read that throws records nothing. */
  #sampleStatus(id: NodeId): void {
    const describe = this.spec.describe?.status;
    const node = this.#slots.get(id)!.node;
    if (!describe || !node) return;
    let status: unknown;
    try {
      status = guarded(`node ${id} while the harness read its status`, () => describe(node));
    } catch {
      return;
    }
    if (typeof status !== 'string' || status === this.#status.get(id)) return;
    this.#status.set(id, status);
    this.#record({ t: this.#now, kind: 'status', node: id, status: status.length > 60 ? `${status.slice(0, 60)}…` : status });
  }

  #apply(event: SimEvent<M>): void {
    switch (event.type) {
      case 'tick': {
        const slot = this.#slots.get(event.node)!;
        // A paused node misses its ticks: this chain ends, and the resume starts another.
        if (slot.incarnation !== event.incarnation || slot.ticks !== event.chain || !slot.node || slot.pause) return;
        return this.#tick(event);
      }
      case 'deliver':
        return this.#deliver(event);
      case 'client': {
        const slot = this.#slots.get(this.spec.workload![event.index]!.node)!;
        if (slot.node && slot.pause) {
          slot.pause.waiting.push(event);
          return;
        }
        return this.#client(event);
      }
      case 'fault':
        return this.#applyFault(event.fault);
      case 'undo':
        if (this.#healing) return;
        event.undo();
        this.#record({ t: this.#now, kind: 'heal', detail: event.detail });
        return;
      case 'restart': {
        const slot = this.#slots.get(event.node)!;
        if (slot.node || slot.incarnation !== event.incarnation) return;
        this.#start(event.node, 'restart');
        return;
      }
      case 'resume':
        // Not this pause's end: it was lengthened, or a crash or the heal ended it.
        if (this.#slots.get(event.node)!.pause?.until !== event.until) return;
        return this.#resume(event.node);
      default: {
        const unreachable: never = event;
        throw new Error(`sim: unknown event ${stringify(unreachable)}`);
      }
    }
  }

  #tick(event: Extract<SimEvent<M>, { type: 'tick' }>): void {
    this.#stats.ticks++;
    this.#record({ t: this.#now, kind: 'tick', node: event.node });
    this.#call(event.node, 'tick()', { kind: 'tick' }, (n) => n.tick());
    this.#queue.push(this.#now + this.#tickMs, event);
  }

  #client(event: Extract<SimEvent<M>, { type: 'client' }>): void {
    const op = this.spec.workload![event.index]!;
    const label = this.spec.describe?.op?.(op.op) ?? safeDescribe(op.op);
    if (!this.#slots.get(op.node)!.node) {
      this.#record({ t: this.#now, kind: 'client', node: op.node, op: `${label} (skipped: node is down)` });
      return;
    }
    this.#record({ t: this.#now, kind: 'client', node: op.node, op: label });
    const invoke = this.spec.invoke!;
    this.#call(op.node, `client call ${label}`, { kind: 'client', op: event.index }, (n) => invoke(n, op.op));
  }

  /** Ends a pause: the node takes what waited, in arrival order (invariants checked after each), then ticks now and every tickMs from now. */
  #resume(id: NodeId): void {
    const slot = this.#slots.get(id)!;
    const waiting = slot.pause!.waiting;
    slot.pause = undefined;
    const messages = waiting.filter((e) => e.type === 'deliver').length;
    this.#record({ t: this.#now, kind: 'resume', node: id, messages, calls: waiting.length - messages });
    for (const event of waiting) {
      if (event.type === 'deliver') this.#handOver(event);
      else this.#client(event);
      this.#checkInvariants();
    }
    slot.ticks++;
    this.#tick({ type: 'tick', node: id, incarnation: slot.incarnation, chain: slot.ticks });
  }

  #start(id: NodeId, kind: 'start' | 'restart'): void {
    const slot = this.#slots.get(id)!;
    slot.incarnation++;
    const incarnation = slot.incarnation;
    this.#record({ t: this.#now, kind, node: id });
    const context = this.#context(id, slot, incarnation);
    let created: N | undefined;
    this.#call(id, kind === 'start' ? 'its factory' : 'its factory, on restart', { kind: 'start' }, () => {
      created = this.spec.create(context);
    }, true);
    slot.node = created;
    this.#sampleStatus(id);
    this.#queue.push(this.#now + this.#tickMs, { type: 'tick', node: id, incarnation, chain: slot.ticks });
  }

  #context(id: NodeId, slot: NodeSlot<M, N>, incarnation: number): NodeContext<M, O> {
    const peers = this.#view.ids.filter((p) => p !== id).sort();
    const own = () => {
      const current = this.#current;
      if (!current || current.node !== id || slot.incarnation !== incarnation) {
        throw new Error(`sim: ${id} used its context outside one of its own calls (a callback, a timer, or a node from before a crash)`);
      }
      return current;
    };
    return {
      id,
      peers,
      rng: Rng.stream(this.seed, `node/${id}/${incarnation}`),
      clock: slot.clock,
      monotonic: slot.clock.monotonic,
      storage: slot.storage,
      send: (to, message) => {
        const current = own();
        if (to === id || !this.#slots.has(to)) throw new RangeError(`sim: ${id} sent a message to ${stringify(to)}, which is not one of its peers (${peers.join(', ')})`);
        const msg = ++this.#msgIds;
        this.#seq++;
        this.#messages.set(msg, { msg, from: id, to, time: this.#now, seq: this.#seq, cause: current.cause });
        current.outbox.push({ to, body: clone(message), msg });
      },
      emit: (output) => {
        const current = own();
        this.#seq++;
        this.#outputs.push({ node: id, output, time: this.#now, seq: this.#seq, cause: current.cause });
        this.#record({ t: this.#now, kind: 'emit', node: id, output: this.spec.describe?.output?.(output) ?? safeDescribe(output) });
      },
    };
  }

  /** Calls node code with nondeterminism trapped, then sends what it queued. */
  #call(id: NodeId, what: string, cause: Cause, fn: (node: N) => void, creating = false): void {
    const slot = this.#slots.get(id)!;
    const node = slot.node;
    if (!node && !creating) return;
    const outbox: { to: NodeId; body: M; msg: number }[] = [];
    this.#current = { node: id, cause, outbox };
    try {
      guarded(`node ${id} during ${what}`, () => fn(node as N));
    } catch (error) {
      // A stub is not a simulation failure: let the report say "not implemented".
      if (error instanceof Error && error.name === 'NotImplementedError') throw error;
      const reason = error instanceof Error ? `${error.name === 'Error' ? '' : `${error.name}: `}${error.message}` : `a non-Error value (${typeof error})`;
      this.#fail(`${id} threw during ${what}: ${reason}`);
    } finally {
      this.#current = undefined;
    }
    for (const { to, body, msg } of outbox) this.#send(id, to, body, msg);
    if (!creating) this.#sampleStatus(id);
  }

  #send(from: NodeId, to: NodeId, body: M, msg: number): void {
    this.#stats.sent++;
    const plan = this.#network.plan(from, to);
    const fate = plan.lost ? 'lost' : [plan.delays.length > 1 ? 'duplicated' : '', plan.reordered ? 'delayed for reordering' : ''].filter(Boolean).join(', ');
    this.#record({ t: this.#now, kind: 'send', from, to, msg, body: this.spec.describe?.message?.(body) ?? safeDescribe(body), fate });
    if (plan.lost) {
      this.#stats.lost++;
      return;
    }
    if (plan.delays.length > 1) this.#stats.duplicated++;
    // Each copy gets a body of its own: the first the copy made at send time, a duplicate another copy of it, made now.
    plan.delays.forEach((delay, copy) => this.#queue.push(this.#now + delay, { type: 'deliver', msg, copy, from, to, body: copy === 0 ? body : clone(body) }));
  }

  #deliver(event: Extract<SimEvent<M>, { type: 'deliver' }>): void {
    const { from, to, msg, copy } = event;
    if (this.#network.blocked(from, to)) {
      this.#stats.droppedByPartition++;
      this.#record({ t: this.#now, kind: 'drop', from, to, msg, copy, reason: 'link blocked by a partition' });
      return;
    }
    if (this.#network.park(from, to, event)) {
      this.#stats.held++;
      return;
    }
    const slot = this.#slots.get(to)!;
    if (!slot.node) {
      this.#stats.droppedAtDownNode++;
      this.#record({ t: this.#now, kind: 'drop', from, to, msg, copy, reason: 'node is down' });
      return;
    }
    if (slot.pause) {
      slot.pause.waiting.push(event);
      return;
    }
    this.#handOver(event);
  }

  /** The message reaches the node: it steps. */
  #handOver(event: Extract<SimEvent<M>, { type: 'deliver' }>): void {
    const { from, to, msg, copy } = event;
    if (this.#network.delivered(from, to, msg)) this.#stats.reordered++;
    this.#stats.delivered++;
    this.#record({ t: this.#now, kind: 'deliver', from, to, msg, copy });
    // The body is this delivery's own (#send): nothing else holds it, so the node may keep or change it.
    const body = event.body;
    this.#call(to, `step(from ${from}, message #${msg})`, { kind: 'deliver', msg, copy, from }, (n) => n.step(from, body));
  }

  #checkFault(fault: Fault): Fault {
    const nodes = (...ids: NodeId[]) => {
      for (const id of ids) if (!this.#slots.has(id)) throw new RangeError(`sim: fault "${describeFault(fault)}" names unknown node ${stringify(id)}`);
    };
    const lasting = (ms: number) => {
      if (!(ms >= this.#minPartitionMs)) throw new RangeError(`sim: fault "${describeFault(fault)}" lasts less than the minimum of ${this.#minPartitionMs} ms`);
    };
    switch (fault.type) {
      case 'crash':
        nodes(fault.node);
        if (!(fault.downMs >= 0)) throw new RangeError(`sim: crash downMs must be >= 0, got ${fault.downMs}`);
        break;
      case 'partition':
        nodes(...fault.groups.flat());
        lasting(fault.durationMs);
        break;
      case 'one-way':
      case 'hold':
      case 'degrade':
        nodes(fault.from, fault.to);
        lasting(fault.durationMs);
        break;
      case 'isolate':
        nodes(fault.node);
        lasting(fault.durationMs);
        break;
      case 'clock-jump':
      case 'clock-skew':
      case 'clock-drift':
        nodes(fault.node);
        break;
      case 'pause':
        nodes(fault.node);
        if (!(Number.isFinite(fault.durationMs) && fault.durationMs > 0)) throw new RangeError(`sim: pause durationMs must be a positive, finite number of ms, got ${fault.durationMs}`);
        break;
      default: {
        const unreachable: never = fault;
        throw new RangeError(`sim: unknown fault ${stringify(unreachable)}`);
      }
    }
    return fault;
  }

  #applyFault(fault: Fault): void {
    if (this.#healing) return;
    this.#record({ t: this.#now, kind: 'fault', detail: describeFault(fault) });
    const later = (ms: number, detail: string, undo: () => void) => this.#queue.push(this.#now + ms, { type: 'undo', detail, undo });
    const net = this.#network;
    switch (fault.type) {
      case 'crash': {
        const slot = this.#slots.get(fault.node)!;
        if (!slot.node) return;
        slot.node = undefined;
        this.#status.delete(fault.node);
        const report = slot.storage.crash(this.#faultRng);
        this.#stats.crashes++;
        const lost = [
          ...report.torn.map((t) => `${t.name}: kept ${t.kept} of ${t.of} unsynced bytes`),
          ...report.reverted.map((name) => `${name}: reverted to its synced contents`),
          ...report.tornRewrites.map((t) => `${t.name}: rewritten in place, kept ${t.kept} of ${t.of} new bytes`),
          report.directory.of > 0 ? `directory: kept ${report.directory.kept} of ${report.directory.of} unsynced operations` : '',
        ].filter(Boolean);
        this.#record({ t: this.#now, kind: 'crash', node: fault.node, detail: lost.length > 0 ? lost.join('; ') : 'no unsynced data' });
        // A crash while paused ends the pause: what waited meets a down node.
        const waiting = slot.pause?.waiting ?? [];
        slot.pause = undefined;
        for (const event of waiting) {
          if (event.type === 'client') {
            this.#client(event);
            continue;
          }
          this.#stats.droppedAtDownNode++;
          this.#record({ t: this.#now, kind: 'drop', from: event.from, to: event.to, msg: event.msg, copy: event.copy, reason: 'node crashed while paused' });
        }
        this.#queue.push(this.#now + fault.downMs, { type: 'restart', node: fault.node, incarnation: slot.incarnation });
        return;
      }
      case 'partition': {
        const pairs: [NodeId, NodeId][] = [];
        fault.groups.forEach((a, i) => fault.groups.forEach((b, j) => i !== j && a.forEach((x) => b.forEach((y) => pairs.push([x, y])))));
        for (const [x, y] of pairs) net.block(x, y);
        later(fault.durationMs, describeFault(fault), () => pairs.forEach(([x, y]) => net.unblock(x, y)));
        return;
      }
      case 'one-way':
        net.block(fault.from, fault.to);
        later(fault.durationMs, describeFault(fault), () => net.unblock(fault.from, fault.to));
        return;
      case 'isolate': {
        const others = this.#view.ids.filter((id) => id !== fault.node);
        for (const other of others) (net.block(fault.node, other), net.block(other, fault.node));
        later(fault.durationMs, describeFault(fault), () => others.forEach((other) => (net.unblock(fault.node, other), net.unblock(other, fault.node))));
        return;
      }
      case 'hold':
        net.hold(fault.from, fault.to);
        later(fault.durationMs, describeFault(fault), () => this.#release(fault.from, fault.to));
        return;
      case 'degrade': {
        const previous = net.override(fault.from, fault.to);
        net.configure(fault.from, fault.to, { ...net.link(fault.from, fault.to), ...fault.link });
        later(fault.durationMs, describeFault(fault), () => net.configure(fault.from, fault.to, previous));
        return;
      }
      case 'clock-jump':
        this.#slots.get(fault.node)!.clock.jump(fault.byMs);
        this.#stats.clockFaults++;
        return;
      case 'clock-skew':
        this.#slots.get(fault.node)!.clock.skew(fault.skewMs);
        this.#stats.clockFaults++;
        return;
      case 'clock-drift':
        this.#slots.get(fault.node)!.clock.drift(fault.ppm);
        this.#stats.clockFaults++;
        return;
      case 'pause': {
        const slot = this.#slots.get(fault.node)!;
        const until = this.#now + fault.durationMs;
        // A down node has nothing to pause; a pause inside the current one changes nothing.
        if (!slot.node || (slot.pause && slot.pause.until >= until)) return;
        slot.pause = { until, waiting: slot.pause?.waiting ?? [] };
        this.#stats.pauses++;
        this.#record({ t: this.#now, kind: 'pause', node: fault.node, untilMs: until });
        this.#queue.push(until, { type: 'resume', node: fault.node, until });
        return;
      }
      default: {
        const unreachable: never = fault;
        throw new Error(`sim: unknown fault ${stringify(unreachable)}`);
      }
    }
  }

  /** Delivers the messages held on a link, in the order they arrived, now. */
  #release(from: NodeId, to: NodeId): void {
    for (const event of this.#network.release(from, to)) this.#queue.push(this.#now, event);
  }

  #healAll(): void {
    this.#healing = true;
    for (const event of this.#network.heal()) this.#queue.push(this.#now, event);
    this.#record({ t: this.#now, kind: 'heal', detail: 'everything: partitions, holds and degraded links removed, crashed nodes restarted; no more faults' });
    for (const [id, slot] of this.#slots) {
      if (!slot.node) this.#start(id, 'restart');
      else if (slot.pause) this.#resume(id);
    }
    this.#checkInvariants();
  }

  #checkInvariants(): void {
    for (const invariant of this.spec.invariants ?? []) {
      const problem = invariant.check(this.#view);
      if (problem !== undefined) this.#fail(`invariant "${invariant.name}" violated: ${problem}`);
    }
  }

  #fail(what: string): never {
    this.#record({ t: this.#now, kind: 'violation', detail: what });
    const s = this.#stats;
    throw new SimulationFailure(
      `${what}\n\nat ${this.#now.toFixed(3)} ms of virtual time, after ${s.events} events ` +
        `(${s.sent} sent, ${s.delivered} delivered, ${s.lost} lost, ${s.duplicated} duplicated, ${s.reordered} reordered, ` +
        `${s.droppedByPartition} blocked, ${s.crashes} crashes); trace hash ${this.#traceHash()}\n${timeline(this.#trace)}`,
      { nodes: this.#view.ids, trace: this.#trace },
    );
  }
}
