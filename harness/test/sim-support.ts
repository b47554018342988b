/** A small protocol for the simulator's own tests: nodes ping random peers and report what they receive. */
import { failedRun, simulate, SimulationFailure, type NodeContext, type NodeId, type Output, type ProtocolNode, type SimulationSpec, type TraceEvent } from '../sim';

export interface Ping {
  readonly type: 'ping';
  readonly from: NodeId;
  readonly n: number;
  readonly payload: { hops: number[] };
}

export type Seen =
  | { readonly kind: 'received'; readonly from: NodeId; readonly n: number; readonly hops: number }
  | { readonly kind: 'sent'; readonly to: NodeId; readonly n: number };

/** Sends one ping to a random peer on each tick (with probability `rate`), and emits every send and receipt. */
export class Pinger implements ProtocolNode<Ping> {
  sent = 0;
  received: Ping[] = [];

  constructor(
    private readonly ctx: NodeContext<Ping, Seen>,
    private readonly rate = 1,
  ) {}

  tick(): void {
    if (this.ctx.rng.next() >= this.rate) return;
    const to = this.ctx.peers[this.ctx.rng.int(0, this.ctx.peers.length - 1)]!;
    this.send(to);
  }

  send(to: NodeId): void {
    const n = ++this.sent;
    this.ctx.send(to, { type: 'ping', from: this.ctx.id, n, payload: { hops: [n] } });
    this.ctx.emit({ kind: 'sent', to, n });
  }

  step(from: NodeId, message: Ping): void {
    message.payload.hops.push(-1); // mutate our copy: must not leak to anyone else's
    this.received.push(message);
    this.ctx.emit({ kind: 'received', from, n: message.n, hops: message.payload.hops.length });
  }
}

export const NODES = ['n1', 'n2', 'n3', 'n4', 'n5'] as const;

/** Nodes that only send when a workload tells them to. */
export const quiet = (ctx: NodeContext<Ping, Seen>) => new Pinger(ctx, 0);

export function pingSpec(overrides: Partial<SimulationSpec<Ping, Seen, Pinger, { to: NodeId }>> = {}): SimulationSpec<Ping, Seen, Pinger, { to: NodeId }> {
  return {
    nodes: NODES,
    create: (ctx) => new Pinger(ctx),
    durationMs: 2_000,
    invoke: (node, op) => node.send(op.to),
    ...overrides,
  };
}

/** Receipts of (from, n) pairs per receiving node, from the outputs. */
export const receipts = (outputs: readonly { node: NodeId; output: Seen }[]) =>
  outputs.filter((o) => o.output.kind === 'received').map((o) => ({ at: o.node, ...(o.output as Extract<Seen, { kind: 'received' }>) }));

/**
 * A long failing run for the timeline page: five nodes pinging for `durationMs` under loss, a partition and a
 * crash, failing once n1 has received `limit` pings. A few thousand drawn events at the defaults.
 */
export function longFailure(durationMs = 20_000, limit = 150): { readonly nodes: readonly NodeId[]; readonly trace: readonly TraceEvent[]; readonly message: string } {
  try {
    simulate(
      11,
      pingSpec({
        durationMs,
        link: { loss: 0.05, duplicate: 0.02 },
        faults: [
          { atMs: durationMs * 0.2, fault: { type: 'partition', groups: [['n1', 'n2'], ['n3', 'n4', 'n5']], durationMs: durationMs * 0.1 } },
          { atMs: durationMs * 0.5, fault: { type: 'crash', node: 'n4', downMs: durationMs * 0.1 } },
        ],
        invariants: [{ name: `n1 receives fewer than ${limit} pings`, check: (v) => ((v.node('n1')?.received.length ?? 0) >= limit ? `n1 has received ${limit} pings` : undefined) }],
      }),
    );
  } catch (error) {
    const run = failedRun(error);
    if (error instanceof SimulationFailure && run) return { ...run, message: error.message };
    throw error;
  }
  throw new Error(`the run did not fail: n1 received fewer than ${limit} pings in ${durationMs} ms`);
}

/** One call into a Recorder, with what both its clocks read then. */
export interface Call {
  readonly call: 'start' | 'tick' | 'step' | 'client';
  readonly wall: number;
  readonly mono: number;
  /** For a step: who sent the ping, and its number. */
  readonly from?: NodeId;
  readonly n?: number;
}

/** Emits every call it gets, with both its clocks; sends only when a client call tells it to, so the network's stream is the workload's alone. */
export class Recorder implements ProtocolNode<Ping> {
  sent = 0;

  constructor(private readonly ctx: NodeContext<Ping, Call>) {
    this.#note({ call: 'start' });
  }

  tick(): void {
    this.#note({ call: 'tick' });
  }

  step(from: NodeId, message: Ping): void {
    this.#note({ call: 'step', from, n: message.n });
  }

  send(to: NodeId): void {
    const n = ++this.sent;
    this.ctx.send(to, { type: 'ping', from: this.ctx.id, n, payload: { hops: [n] } });
    this.#note({ call: 'client' });
  }

  #note(call: Omit<Call, 'wall' | 'mono'>): void {
    this.ctx.emit({ ...call, wall: this.ctx.clock.now(), mono: this.ctx.monotonic.now() });
  }
}

export function recorderSpec(overrides: Partial<SimulationSpec<Ping, Call, Recorder, { to: NodeId }>> = {}): SimulationSpec<Ping, Call, Recorder, { to: NodeId }> {
  return {
    nodes: ['n1', 'n2', 'n3'],
    create: (ctx) => new Recorder(ctx),
    durationMs: 2_000,
    invoke: (node, op) => node.send(op.to),
    ...overrides,
  };
}

/** One node's calls, from a run's outputs, with the virtual time of each. */
export const callsOf = (outputs: readonly Output<Call>[], node: NodeId) => outputs.filter((o) => o.node === node).map((o) => ({ t: o.time, ...o.output }));
