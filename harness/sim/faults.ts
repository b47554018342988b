/**
 * Faults as data. A fault plan is a list of timed fault events; the
 * simulator applies each at its time (in virtual ms). Visible tests script
 * plans by hand; hidden tests generate them with `faultPlanArb`, a fast-check
 * arbitrary, so that a failing plan shrinks to the few faults that matter.
 *
 * Durations: partitions, isolations, holds and degraded links last
 * `durationMs`, at least the simulation's `minPartitionMs` (default 100 ms), so
 * a network does not flap every tick; then they heal by themselves. A crashed
 * node restarts after `downMs`.
 *
 * A pause (a stop-the-world GC pause, a SIGSTOP) stops a live node for
 * `durationMs` (> 0): no ticks, no messages, no client calls, while its clocks
 * run on. What arrives meanwhile waits, none of it lost, and reaches it in
 * arrival order when it resumes (simulator.ts). A pause of a down node does
 * nothing; a second pause extends the first to the later end. `faultPlanArb`
 * makes pauses only when asked to by name.
 */
import fc from 'fast-check';
import type { LinkConfig } from './network';
import type { NodeId } from './types';

export type Fault =
  | { readonly type: 'crash'; readonly node: NodeId; readonly downMs: number }
  | { readonly type: 'partition'; readonly groups: readonly (readonly NodeId[])[]; readonly durationMs: number }
  | { readonly type: 'one-way'; readonly from: NodeId; readonly to: NodeId; readonly durationMs: number }
  | { readonly type: 'isolate'; readonly node: NodeId; readonly durationMs: number }
  | { readonly type: 'hold'; readonly from: NodeId; readonly to: NodeId; readonly durationMs: number }
  | { readonly type: 'degrade'; readonly from: NodeId; readonly to: NodeId; readonly link: Partial<LinkConfig>; readonly durationMs: number }
  | { readonly type: 'clock-jump'; readonly node: NodeId; readonly byMs: number }
  | { readonly type: 'clock-skew'; readonly node: NodeId; readonly skewMs: number }
  | { readonly type: 'clock-drift'; readonly node: NodeId; readonly ppm: number }
  | { readonly type: 'pause'; readonly node: NodeId; readonly durationMs: number };

export type FaultType = Fault['type'];

export interface TimedFault {
  readonly atMs: number;
  readonly fault: Fault;
}

export type FaultPlan = readonly TimedFault[];

/** A one-line description, for the trace and failure messages. */
export function describeFault(fault: Fault): string {
  switch (fault.type) {
    case 'crash':
      return `crash ${fault.node} for ${fault.downMs} ms`;
    case 'partition':
      return `partition ${fault.groups.map((g) => `{${g.join(',')}}`).join(' | ')} for ${fault.durationMs} ms`;
    case 'one-way':
      return `block ${fault.from} → ${fault.to} for ${fault.durationMs} ms`;
    case 'isolate':
      return `isolate ${fault.node} for ${fault.durationMs} ms`;
    case 'hold':
      return `hold ${fault.from} → ${fault.to} for ${fault.durationMs} ms`;
    case 'degrade':
      return `degrade ${fault.from} → ${fault.to} ${JSON.stringify(fault.link)} for ${fault.durationMs} ms`;
    case 'clock-jump':
      return `clock of ${fault.node} jumps ${fault.byMs >= 0 ? '+' : ''}${fault.byMs} ms`;
    case 'clock-skew':
      return `clock of ${fault.node} skewed to ${fault.skewMs} ms`;
    case 'clock-drift':
      return `clock of ${fault.node} drifts ${fault.ppm} ppm`;
    case 'pause':
      return `pause ${fault.node} for ${fault.durationMs} ms`;
    default: {
      const unreachable: never = fault;
      return JSON.stringify(unreachable);
    }
  }
}

export interface FaultPlanOptions {
  /** Faults happen in [0, untilMs). */
  readonly untilMs: number;
  /** Which kinds to generate (default: every kind but `pause`). pause is opt-in, so plans that name no kinds are the ones they were. */
  readonly kinds?: readonly FaultType[];
  readonly maxFaults?: number;
  readonly minDurationMs?: number;
  readonly maxDurationMs?: number;
}

/** The default kinds: every kind but `pause`, in this order (the order decides which plans a seed gives). */
const DEFAULT_KINDS: readonly FaultType[] = ['crash', 'partition', 'one-way', 'isolate', 'hold', 'degrade', 'clock-jump', 'clock-skew', 'clock-drift'];

/** Faults on a link between two distinct nodes. */
const PAIR_KINDS: readonly FaultType[] = ['one-way', 'hold', 'degrade'];

/** Generates fault plans over `nodes`, sorted by time; shrinks towards fewer, shorter, earlier faults. */
export function faultPlanArb(nodes: readonly NodeId[], options: FaultPlanOptions): fc.Arbitrary<FaultPlan> {
  // A one-node cluster has no link to cut, hold or degrade: those kinds are left out (drawing two distinct nodes from one never ends).
  const kinds = (options.kinds ?? DEFAULT_KINDS).filter((kind) => nodes.length >= 2 || !PAIR_KINDS.includes(kind));
  if (kinds.length === 0) throw new RangeError(`sim: no fault of kinds ${(options.kinds ?? []).join(', ')} fits a cluster of ${nodes.length} node(s)`);
  const minDuration = options.minDurationMs ?? 100;
  const duration = fc.integer({ min: minDuration, max: Math.max(minDuration, options.maxDurationMs ?? 2000) });
  const node = fc.constantFrom(...nodes);
  const pair = fc.uniqueArray(node, { minLength: 2, maxLength: 2 }).map(([from, to]) => ({ from: from!, to: to! }));
  const byKind: Record<FaultType, fc.Arbitrary<Fault>> = {
    crash: fc.record({ node, downMs: duration }).map((f) => ({ type: 'crash' as const, ...f })),
    partition: fc
      .shuffledSubarray([...nodes], { minLength: 1, maxLength: Math.max(1, nodes.length - 1) })
      .chain((side) => duration.map((durationMs) => ({ side, durationMs })))
      .map(({ side, durationMs }) => ({ type: 'partition' as const, groups: [side.sort(), nodes.filter((n) => !side.includes(n))], durationMs })),
    'one-way': fc.record({ pair, durationMs: duration }).map(({ pair: p, durationMs }) => ({ type: 'one-way' as const, ...p, durationMs })),
    isolate: fc.record({ node, durationMs: duration }).map((f) => ({ type: 'isolate' as const, ...f })),
    hold: fc.record({ pair, durationMs: duration }).map(({ pair: p, durationMs }) => ({ type: 'hold' as const, ...p, durationMs })),
    degrade: fc
      .record({ pair, loss: fc.double({ min: 0, max: 0.5, noNaN: true }), duplicate: fc.double({ min: 0, max: 0.5, noNaN: true }), reorder: fc.double({ min: 0, max: 0.5, noNaN: true }), durationMs: duration })
      .map(({ pair: p, durationMs, ...link }) => ({ type: 'degrade' as const, ...p, link, durationMs })),
    'clock-jump': fc.record({ node, byMs: fc.integer({ min: -60_000, max: 60_000 }) }).map((f) => ({ type: 'clock-jump' as const, ...f })),
    'clock-skew': fc.record({ node, skewMs: fc.integer({ min: -60_000, max: 60_000 }) }).map((f) => ({ type: 'clock-skew' as const, ...f })),
    'clock-drift': fc.record({ node, ppm: fc.integer({ min: -500, max: 500 }) }).map((f) => ({ type: 'clock-drift' as const, ...f })),
    pause: fc.record({ node, durationMs: duration }).map((f) => ({ type: 'pause' as const, ...f })),
  };
  const fault = fc.oneof(...kinds.map((k) => byKind[k]));
  return fc
    .array(fc.record({ atMs: fc.integer({ min: 0, max: Math.max(0, options.untilMs - 1) }), fault }), { maxLength: options.maxFaults ?? 8 })
    .map((plan) => [...plan].sort((a, b) => a.atMs - b.atMs));
}
