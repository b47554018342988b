/** What a simulation is given, and what it hands back. */
import type { FaultPlan } from './faults';
import type { LinkConfig } from './network';
import type { TraceEvent } from './trace';
import type { NodeFactory, NodeId, ProtocolNode } from './types';

/** Why a node was called: the simulator records it on every output, for oracles built from the trace. */
export type Cause =
  | { readonly kind: 'start' }
  | { readonly kind: 'tick' }
  | { readonly kind: 'client'; readonly op: number }
  | { readonly kind: 'deliver'; readonly msg: number; readonly copy: number; readonly from: NodeId };

export interface Output<O> {
  readonly node: NodeId;
  readonly output: O;
  readonly time: number;
  /** Global order of emits and sends: an output and a send in one call are ordered by it. */
  readonly seq: number;
  readonly cause: Cause;
}

export interface SentMessage {
  readonly msg: number;
  readonly from: NodeId;
  readonly to: NodeId;
  readonly time: number;
  readonly seq: number;
  /** The call that sent it: outputs with the same node and an equal cause were emitted in that call. */
  readonly cause: Cause;
}

/** True when two causes name the same call of one node (ticks are told apart by time). */
export function sameCall(a: { cause: Cause; time: number }, b: { cause: Cause; time: number }): boolean {
  const x = a.cause;
  const y = b.cause;
  switch (x.kind) {
    case 'start':
    case 'tick':
      return y.kind === x.kind && a.time === b.time;
    case 'client':
      return y.kind === 'client' && y.op === x.op;
    case 'deliver':
      return y.kind === 'deliver' && y.msg === x.msg && y.copy === x.copy;
    default: {
      const unreachable: never = x;
      return unreachable;
    }
  }
}

/** What invariants, liveness checks and oracles may look at. */
export interface SimView<N, O> {
  readonly time: number;
  readonly ids: readonly NodeId[];
  /** The live node, or undefined while it is crashed. */
  node(id: NodeId): N | undefined;
  readonly outputs: readonly Output<O>[];
  readonly messages: ReadonlyMap<number, SentMessage>;
}

export interface Invariant<N, O> {
  readonly name: string;
  /** Undefined when it holds; otherwise what is wrong, with the evidence. */
  check(view: SimView<N, O>): string | undefined;
}

export interface Liveness<N, O> {
  /** How long after healing the system has to get there. */
  readonly withinMs: number;
  done(view: SimView<N, O>): boolean;
  /** What is still pending, for the failure message. */
  pending(view: SimView<N, O>): string;
}

export interface SimulationSpec<M, O, N extends ProtocolNode<M>, C = never> {
  readonly nodes: readonly NodeId[];
  readonly create: NodeFactory<M, O, N>;
  /** The network's base link configuration (network.ts; default: no loss, 1–10 ms delays). */
  readonly link?: Partial<LinkConfig>;
  /** Virtual ms between two ticks of a node (default 100). */
  readonly tickMs?: number;
  /** How long the fault phase lasts, in virtual ms. */
  readonly durationMs: number;
  readonly faults?: FaultPlan;
  /** Partitions, isolations, holds and degradations shorter than this are refused (default 100 ms). */
  readonly minPartitionMs?: number;
  /** Client calls, by time: each runs `invoke(node, op)`. */
  readonly workload?: readonly { readonly atMs: number; readonly node: NodeId; readonly op: C }[];
  readonly invoke?: (node: N, op: C) => void;
  readonly invariants?: readonly Invariant<N, O>[];
  readonly liveness?: Liveness<N, O>;
  /** A fault scenario in which no fault fired fails itself (the vacuity guard). */
  readonly requireFault?: boolean;
  readonly describe?: { readonly message?: (m: M) => string; readonly output?: (o: O) => string; readonly op?: (op: C) => string };
}

export interface SimStats {
  events: number;
  ticks: number;
  sent: number;
  delivered: number;
  lost: number;
  duplicated: number;
  reordered: number;
  droppedByPartition: number;
  droppedAtDownNode: number;
  held: number;
  crashes: number;
  clockFaults: number;
  /** Pause faults that stopped a live node, or lengthened its pause. */
  pauses: number;
}

export interface SimulationResult<O> {
  readonly seed: number;
  /** Every node, in the order the spec listed them. */
  readonly nodes: readonly NodeId[];
  readonly traceHash: string;
  readonly trace: readonly TraceEvent[];
  readonly outputs: readonly Output<O>[];
  readonly messages: ReadonlyMap<number, SentMessage>;
  readonly stats: Readonly<SimStats>;
  /** Faults that actually did something (a loss, a blocked message, a crash, …). */
  readonly faultsFired: number;
  readonly endMs: number;
}
