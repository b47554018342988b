/**
 * Gossip nodes on the simulator, watched from outside. Every `apply` is
 * bracketed by reads of the node's state, which tell the dot it minted and
 * the dots it covered; from those alone the suite knows the state every node
 * must converge to: each add's dot survives unless an operation at a node
 * that held it under its element replaced or removed it, and the context is
 * every dot minted (README, CRDT-2.4, 2.5, 2.7). After every event each live
 * node's state must be well-formed and compact, and hold no dot that was never
 * minted; a dot minted twice, or an apply a restart forgot, fails at once.
 */
import fc from 'fast-check';
import { faultPlanArb, type FaultType, type NodeContext, type NodeId, type SimView, type SimulationSpec } from '../../../harness';
import type { Dot, OrSetState, SetOp } from '../../../exercises/crdt/types';
import { below, canonSet, dotKey, ModelContext, ModelSet, shapeProblem, showSet } from './model';
import { ELEMENTS, type GossipModule, type GossipNodeLike } from './support';

type Message = import('@impl/crdt/gossip').GossipMessage;
type Output = import('@impl/crdt/gossip').GossipOutput;

/** Node ids a real system would not choose, on purpose. */
export const NODE_IDS = ['n1', '__proto__', '', 'constructor', 'n5'] as const;

export interface Call {
  readonly node: NodeId;
  readonly op: SetOp;
}

/** What the watcher learned; the first problem stops the run (an invariant reports it). */
export class Watcher {
  /** Every dot minted, with its element. */
  readonly minted = new Map<string, { readonly dot: Dot; readonly element: string }>();
  /** Dots replaced or removed by some operation. */
  readonly covered = new Set<string>();
  /** Every dot seen in any node's state. */
  readonly seen = new Set<string>();
  /** Per node, the join of the deltas of its applies that returned. */
  readonly applied = new Map<NodeId, ModelSet>();
  problem: string | undefined;

  fail(what: string): void {
    this.problem ??= what;
  }

  /** Reads a node's state and checks it (below), failing the run on a throw or a bad state. */
  read(node: GossipNodeLike, id: NodeId, when: string): OrSetState | undefined {
    const state = this.#shape(node, id, when);
    if (state !== undefined) this.#dots(state, id, when);
    return state;
  }

  /** The node's state, if it gives one that is well-formed and compact. */
  #shape(node: GossipNodeLike, id: NodeId, when: string): OrSetState | undefined {
    let state: OrSetState;
    try {
      state = node.state();
    } catch (error) {
      this.fail(`${JSON.stringify(id)}.state() ${when} threw ${String(error)}`);
      return undefined;
    }
    const shape = shapeProblem(state, true);
    if (shape !== undefined) {
      this.fail(`${JSON.stringify(id)}.state() ${when} is not well-formed and compact (CRDT-3.1): ${shape}`);
      return undefined;
    }
    return state;
  }

  /** Every dot of the state was minted, and sits under the element whose add minted it. */
  #dots(state: OrSetState, id: NodeId, when: string): void {
    for (const [e, dots] of state.entries) {
      for (const d of dots) {
        const m = this.minted.get(dotKey(d));
        if (m === undefined) this.fail(`${JSON.stringify(id)} ${when} holds dot ${dotKey(d)} under ${JSON.stringify(e)}, but no add minted it`);
        else if (m.element !== e) this.fail(`${JSON.stringify(id)} ${when} holds dot ${dotKey(d)} under ${JSON.stringify(e)}, but it was minted by add(${JSON.stringify(m.element)})`);
      }
    }
    for (const d of contextDots(state)) {
      if (!this.minted.has(dotKey(d))) this.fail(`${JSON.stringify(id)} ${when} has dot ${dotKey(d)} in its context, but no add minted it`);
    }
  }

  /** Records the dots of a state's context as seen. */
  note(state: OrSetState | undefined): void {
    if (state !== undefined) for (const d of contextDots(state)) this.seen.add(dotKey(d));
  }

  /** Runs one client call, learning what it minted and covered. */
  apply(node: GossipNodeLike, call: Call): void {
    const what = `apply(${JSON.stringify(call.op)})`;
    const before = this.read(node, call.node, `before ${what}`);
    this.note(before);
    node.apply(call.op);
    // The dots are checked once the one this add minted is known.
    const after = this.#shape(node, call.node, `after ${what}`);
    if (before === undefined || after === undefined) return;
    const element = 'add' in call.op ? call.op.add : call.op.remove;
    const delta = appliedDelta(call.op, before, after);
    for (const d of before.entries.get(element) ?? []) this.covered.add(dotKey(d));
    if ('add' in call.op) {
      const now = after.entries.get(element) ?? [];
      const fresh = delta.entries.get(element) ?? [];
      if (now.length !== 1 || fresh.length !== 1) {
        this.fail(`${JSON.stringify(call.node)}: after ${what} the element's dots are [${now.map(dotKey).join(', ')}]; an add leaves exactly one new dot (CRDT-2.4)`);
        return;
      }
      const dot = fresh[0]!;
      if (this.seen.has(dotKey(dot)) || this.minted.has(dotKey(dot))) {
        this.fail(`${JSON.stringify(call.node)} minted dot ${dotKey(dot)} for add(${JSON.stringify(element)}), a dot some replica had already seen (CRDT-4.2)`);
        return;
      }
      this.minted.set(dotKey(dot), { dot, element });
    } else if (after.entries.has(element)) {
      this.fail(`${JSON.stringify(call.node)}: ${JSON.stringify(element)} is still present after ${what} (CRDT-3.1)`);
    }
    this.#dots(after, call.node, `after ${what}`);
    this.note(after);
    let joined = this.applied.get(call.node);
    if (joined === undefined) this.applied.set(call.node, (joined = new ModelSet('')));
    joined.joinState(delta);
  }

  /** A restarted node must hold every apply of its earlier incarnations (CRDT-4.1). */
  restarted(node: GossipNodeLike, id: NodeId): void {
    const state = this.read(node, id, 'right after a restart');
    this.note(state);
    const joined = this.applied.get(id);
    if (state === undefined || joined === undefined) return;
    if (!below(joined.state(), state)) {
      this.fail(`${JSON.stringify(id)} restarted without an apply that had returned before the crash (CRDT-4.1):\n  it holds    ${showSet(state)}\n  it applied  ${showSet(joined.state())}`);
    }
  }

  /** The state every node must converge to. */
  expected(): OrSetState {
    const entries = new Map<string, Dot[]>();
    const context = new ModelContext();
    for (const { dot, element } of this.minted.values()) {
      context.insert(dot);
      if (this.covered.has(dotKey(dot))) continue;
      entries.set(element, [...(entries.get(element) ?? []), dot]);
    }
    return { entries, context: context.compact() };
  }
}

/**
 * The delta an apply had, read off the node's state before and after it: for an add, the dots it
 * left under the element that were not there before; for both, a context of the element's old dots
 * and those (README, CRDT-2.4 and 2.5).
 */
export function appliedDelta(op: SetOp, before: OrSetState, after: OrSetState): OrSetState {
  const element = 'add' in op ? op.add : op.remove;
  const old = before.entries.get(element) ?? [];
  const fresh = 'add' in op ? (after.entries.get(element) ?? []).filter((d) => !old.some((o) => dotKey(o) === dotKey(d))) : [];
  const context = ModelContext.from({ vv: new Map(), cloud: [...old, ...fresh] }).compact();
  return { entries: new Map(fresh.length > 0 ? [[element, fresh]] : []), context };
}

export function contextDots(state: OrSetState): Dot[] {
  const out: Dot[] = [...state.context.cloud];
  for (const [replica, n] of state.context.vv) for (let c = 1; c <= n; c++) out.push({ replica, counter: c });
  return out;
}

export interface Scenario {
  readonly nodes: readonly NodeId[];
  readonly workload: readonly { readonly atMs: number; readonly node: NodeId; readonly op: Call }[];
  readonly faults: SimulationSpec<Message, Output, GossipNodeLike, Call>['faults'];
}

/**
 * 1 to 5 nodes, up to 40 adds and removes of a few elements in the first 2 s, and up to 6 faults of `kinds`
 * in the first 2.5 s of a 3 s fault phase.
 */
export const scenarioArb = (kinds: readonly FaultType[], sizes: fc.Arbitrary<number> = fc.integer({ min: 1, max: 5 })): fc.Arbitrary<Scenario> =>
  sizes.chain((size) => {
    const nodes = NODE_IDS.slice(0, size);
    const pairKinds = kinds.filter((k) => size > 1 || !['one-way', 'hold', 'degrade', 'partition'].includes(k));
    const call = fc.record({ atMs: fc.integer({ min: 0, max: 2000 }), node: fc.constantFrom(...nodes), add: fc.boolean(), element: fc.constantFrom(...ELEMENTS.slice(0, 4)) });
    return fc.record({
      nodes: fc.constant(nodes),
      workload: fc.array(call, { minLength: 1, maxLength: 40, size: 'max' }).map((calls) => calls.map((c) => ({ atMs: c.atMs, node: c.node, op: { node: c.node, op: c.add ? { add: c.element } : { remove: c.element } } }))),
      faults: pairKinds.length === 0 ? fc.constant([]) : faultPlanArb(nodes, { untilMs: 2500, kinds: pairKinds, maxFaults: 6, maxDurationMs: 1500 }),
    });
  });

/** The run's spec: a network that duplicates and reorders, faults on top, and the liveness check of CRDT-3.5. */
export function clusterSpec(mod: GossipModule, scenario: Scenario, watcher: Watcher): SimulationSpec<Message, Output, GossipNodeLike, Call> {
  const starts = new Map<NodeId, number>();
  const converged = (view: SimView<GossipNodeLike, Output>): boolean => {
    const want = canonSet(watcher.expected());
    return view.ids.every((id) => {
      const node = view.node(id);
      if (node === undefined) return false;
      try {
        return canonSet(node.state()) === want;
      } catch {
        return false;
      }
    });
  };
  return {
    nodes: scenario.nodes,
    create: (ctx: NodeContext<Message, Output>) => {
      const node = new mod.GossipNode(ctx);
      const n = (starts.get(ctx.id) ?? 0) + 1;
      starts.set(ctx.id, n);
      if (n > 1) watcher.restarted(node, ctx.id);
      return node;
    },
    link: { loss: 0, duplicate: 0.1, reorder: 0.2, delay: { kind: 'uniform', minMs: 1, maxMs: 60 } },
    durationMs: 3000,
    faults: scenario.faults,
    workload: scenario.workload,
    invoke: (node, call) => watcher.apply(node, call),
    invariants: [
      {
        name: 'every state well-formed, compact, and made of minted dots; no dot minted twice; no apply forgotten',
        check: (view) => {
          for (const id of view.ids) {
            const node = view.node(id);
            if (node !== undefined) watcher.note(watcher.read(node, id, `at ${view.time.toFixed(3)} ms`));
          }
          return watcher.problem;
        },
      },
    ],
    liveness: {
      withinMs: 2500,
      done: converged,
      pending: (view) =>
        `expected every node to hold ${showSet(watcher.expected())}\n` +
        view.ids
          .map((id) => {
            const node = view.node(id);
            try {
              return `  ${JSON.stringify(id)}: ${node === undefined ? 'down' : showSet(node.state())}`;
            } catch (error) {
              return `  ${JSON.stringify(id)}: state() threw ${String(error)}`;
            }
          })
          .join('\n'),
    },
    describe: { op: (call) => `apply(${JSON.stringify(call.op)})` },
  };
}
