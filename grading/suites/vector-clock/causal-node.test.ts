import fc from 'fast-check';
import { expect } from 'vitest';
import { Rng, faultPlanArb, finishedRunFailure, simulate, timeline, type NodeContext, type NodeId, type ProtocolNode, type SimulationSpec } from '../../../harness';
import { gradedSuite } from '../../../harness/suite';
import { exerciseSpec } from '../../catalog';
import { happensBefore } from './happens-before';
import { checkNodeRuns } from './model-node';

type CausalModule = typeof import('@impl/vector-clock/causal-node');
type Clock = import('@impl/vector-clock').VectorClock;
type Stamped = import('@impl/vector-clock/causal-node').Stamped;
type Node = import('@impl/vector-clock/causal-node').CausalNode;
type Op = { readonly type: 'local' } | { readonly type: 'send'; readonly to: NodeId; readonly payload: string };

const suite = gradedSuite<CausalModule>(exerciseSpec('vector-clock'), () => import('@impl/vector-clock/causal-node'));

/** Node ids a real system would not choose, on purpose. */
const IDS = ['alpha', 'constructor', '__proto__', 'delta', 'épsilon', 'e\u0301psilon'];

/** A context for a node driven by hand, outside the simulator: it sends and emits into the void. */
const handContext = (id: NodeId): NodeContext<Stamped, Clock> => ({
  id,
  peers: [],
  rng: new Rng(1),
  clock: { now: () => 0 },
  monotonic: { now: () => 0 },
  storage: undefined as unknown as NodeContext<Stamped, Clock>['storage'],
  send: () => undefined,
  emit: () => undefined,
});

const showClock = (clock: Clock): string => {
  try {
    return JSON.stringify(clock.entries());
  } catch {
    return '(a clock whose entries() throws)';
  }
};

function spec(CausalNode: CausalModule['CausalNode'], nodes: readonly NodeId[], workload: readonly { atMs: number; node: NodeId; op: Op }[], extra: Partial<SimulationSpec<Stamped, Clock, Node, Op>> = {}): SimulationSpec<Stamped, Clock, Node, Op> {
  return {
    nodes,
    create: (ctx: NodeContext<Stamped, Clock>) => new CausalNode(ctx),
    durationMs: 6_000,
    workload,
    invoke: (node, op) => (op.type === 'local' ? node.local() : node.send(op.to, op.payload)),
    describe: { output: showClock, op: (op) => (op.type === 'local' ? 'local()' : `send(${op.to}, ${JSON.stringify(op.payload)})`) },
    ...extra,
  };
}

/**
 * A message-passing run: 1 to 6 nodes (mostly 3 to 5), up to 60 local and send events, a faulty network and a
 * few partitions or holds. A node alone has no one to send to: its events are all local.
 */
const scenarioArb = fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 3, max: 5 }) }, { weight: 1, arbitrary: fc.constantFrom(1, 2, 6) }).chain((size) => {
  const nodes = IDS.slice(0, size);
  const op = fc.record({
    atMs: fc.integer({ min: 0, max: 2000 }),
    from: fc.integer({ min: 0, max: size - 1 }),
    send: size > 1 ? fc.boolean() : fc.constant(false),
    skip: fc.integer({ min: 1, max: Math.max(1, size - 1) }),
  });
  return fc.record({
    nodes: fc.constant(nodes),
    workload: fc.array(op, { minLength: 1, maxLength: 60, size: 'max' }).map((ops) =>
      ops.map(({ atMs, from, send, skip }, i) => ({
        atMs,
        node: nodes[from]!,
        op: send && size > 1 ? ({ type: 'send', to: nodes[(from + skip) % size]!, payload: `m${i}` } as const) : ({ type: 'local' } as const),
      })),
    ),
    link: fc.record({
      loss: fc.double({ min: 0.05, max: 0.3, noNaN: true }),
      duplicate: fc.double({ min: 0.05, max: 0.3, noNaN: true }),
      reorder: fc.double({ min: 0.05, max: 0.3, noNaN: true }),
      delay: fc.constant({ kind: 'uniform' as const, minMs: 1, maxMs: 60 }),
    }),
    // A fault between two nodes needs two: faultPlanArb draws its pairs until they differ.
    faults: faultPlanArb(nodes, { untilMs: 2000, kinds: size > 1 ? ['partition', 'one-way', 'isolate', 'hold', 'degrade'] : ['isolate'], maxFaults: 4, maxDurationMs: 1500 }),
  });
});

const describeEvent = (run: { outputs: readonly { node: NodeId; time: number; cause: { kind: string; msg?: number } }[] }, i: number): string => {
  const o = run.outputs[i]!;
  const what = o.cause.kind === 'deliver' ? `receive of message #${o.cause.msg}` : 'local or send event';
  return `event ${i} (${what} on ${o.node} at ${o.time.toFixed(3)} ms)`;
};

suite.task(2, () => {
  suite.test(
    {
      points: 5,
      category: 'correctness',
      name: 'every event emits exactly one clock, raising only its own node’s counter by one',
      clauses: ['VC-2.1', 'VC-2.4', 'VC-2.8'],
      hint: 'README, task 2: local(), send() and each arriving message are one event each; tick() is none.',
      deadlineMs: 20_000,
    },
    (t) => {
      const { CausalNode } = suite.impl();
      t.check(
        fc.property(scenarioArb, fc.integer({ min: 0, max: 0xffffffff }), (scenario, seed) => {
          const run = simulate(seed, spec(CausalNode, scenario.nodes, scenario.workload, { link: scenario.link, faults: scenario.faults }));
          expect(happensBefore(run).problems, 'every send and receive is exactly one event').toEqual([]);
          const perOp = new Map<number, number>();
          for (const o of run.outputs) if (o.cause.kind === 'client') perOp.set(o.cause.op, (perOp.get(o.cause.op) ?? 0) + 1);
          scenario.workload.forEach((w, i) => expect(perOp.get(i) ?? 0, `events emitted by ${w.node}'s ${w.op.type}() (workload op ${i})`).toBe(1));
          const last = new Map<NodeId, Clock>();
          for (const o of run.outputs) {
            const before = last.get(o.node);
            const own = before ? before.get(o.node) : 0;
            expect(o.output.get(o.node), `${o.node}'s own counter after an event, previously ${own}`).toBe(own + 1);
            last.set(o.node, o.output);
          }
        }),
        { numRuns: 20 },
      );
    },
  );

  suite.test(
    {
      points: 4,
      category: 'correctness',
      name: 'a receive merges the message’s clock, then increments',
      clauses: ['VC-2.3'],
      hint: 'README, task 2: merge first (the pointwise maximum), then add one to your own counter.',
    },
    () => {
      const { CausalNode } = suite.impl();
      const workload = [
        { atMs: 0, node: 'a', op: { type: 'local' } as const },
        { atMs: 10, node: 'a', op: { type: 'local' } as const },
        { atMs: 20, node: 'a', op: { type: 'send', to: 'b', payload: 'x' } as const },
        { atMs: 30, node: 'c', op: { type: 'send', to: 'b', payload: 'y' } as const },
        { atMs: 500, node: 'b', op: { type: 'local' } as const },
      ];
      const run = simulate(1, spec(CausalNode, ['a', 'b', 'c'], workload, { link: { delay: { kind: 'uniform', minMs: 100, maxMs: 100 } }, durationMs: 1000 }));
      expect(run.outputs.filter((o) => o.node === 'b').map((o) => showClock(o.output))).toEqual([
        JSON.stringify([['a', 3], ['b', 1]]),
        JSON.stringify([['a', 3], ['b', 2], ['c', 1]]),
        JSON.stringify([['a', 3], ['b', 3], ['c', 1]]),
      ]);
      // A hand-made message carrying a counter for the receiver above its own: merge, then increment, gives 1 + the larger.
      const emitted: Clock[] = [];
      const b = new CausalNode({ ...handContext('b'), emit: (clock: Clock) => emitted.push(clock) });
      b.local();
      b.step('a', { type: 'stamped', clock: [['a', 1], ['b', 5]], payload: 'from the future' });
      expect(emitted.map(showClock), 'b: local(), then step("a", a message with clock [["a",1],["b",5]])').toEqual([JSON.stringify([['b', 1]]), JSON.stringify([['a', 1], ['b', 6]])]);
      b.step('c', { type: 'stamped', clock: [['b', 2], ['c', 4]], payload: 'from the past' });
      expect(showClock(emitted.at(-1)!), 'then step("c", a message with clock [["b",2],["c",4]])').toBe(JSON.stringify([['a', 1], ['b', 7], ['c', 4]]));
    },
  );

  suite.test(
    {
      points: 3,
      category: 'api',
      name: 'a message carries its send event’s clock and payload',
      clauses: ['VC-2.2'],
      hint: 'README, task 2: the message is { type: "stamped", clock: clock.entries(), payload }, with the clock after the send’s increment.',
    },
    () => {
      const { CausalNode } = suite.impl();
      const received: Stamped[] = [];
      class Probe implements ProtocolNode<Stamped> {
        tick(): void {}
        step(_from: NodeId, message: Stamped): void {
          received.push(message);
        }
      }
      const workload = [
        { atMs: 0, node: 'sender', op: { type: 'local' } as const },
        { atMs: 10, node: 'sender', op: { type: 'send', to: 'probe', payload: 'hello' } as const },
        { atMs: 20, node: 'sender', op: { type: 'send', to: 'probe', payload: '' } as const },
      ];
      const run = simulate(1, {
        ...spec(CausalNode, ['sender', 'probe'], workload, { durationMs: 500 }),
        create: (ctx: NodeContext<Stamped, Clock>) => (ctx.id === 'probe' ? (new Probe() as unknown as Node) : new CausalNode(ctx)),
      });
      expect(received, 'the messages the probe received: "hello", then the empty payload').toEqual([
        { type: 'stamped', clock: [['sender', 2]], payload: 'hello' },
        { type: 'stamped', clock: [['sender', 3]], payload: '' },
      ]);
      expect(showClock(run.outputs.at(-1)!.output)).toBe(JSON.stringify(received[1]!.clock));
    },
  );

  suite.test(
    {
      points: 3,
      category: 'faults',
      name: 'a duplicated message is received twice, each an event, and the second merge changes nothing else',
      clauses: ['VC-2.5'],
      hint: 'README, task 2: merging a clock you have already merged is a no-op (merge is idempotent); the receive still counts.',
    },
    () => {
      const { CausalNode } = suite.impl();
      const workload = [{ atMs: 0, node: 'a', op: { type: 'send', to: 'b', payload: 'twice' } as const }];
      const run = simulate(1, spec(CausalNode, ['a', 'b'], workload, { link: { duplicate: 1 }, durationMs: 500 }));
      expect(run.stats.duplicated).toBe(1);
      expect(run.outputs.filter((o) => o.node === 'b').map((o) => showClock(o.output))).toEqual([JSON.stringify([['a', 1], ['b', 1]]), JSON.stringify([['a', 1], ['b', 2]])]);
    },
  );

  suite.test(
    {
      points: 2,
      category: 'api',
      name: 'node.clock is the clock of the node’s latest event, and the empty clock before any',
      clauses: ['VC-2.6'],
      hint: 'README, task 2: keep the current clock in a field and return it from the getter; it starts as VectorClock.empty().',
      deadlineMs: 20_000,
    },
    (t) => {
      const { CausalNode } = suite.impl();
      t.check(
        fc.property(scenarioArb, fc.integer({ min: 0, max: 0xffffffff }), (scenario, seed) => {
          /** What each node's getter read, in order: when it was created, then after each call that is an event. */
          const readings = new Map<NodeId, string[]>();
          const idOf = new WeakMap<Node, NodeId>();
          const read = (id: NodeId, node: Node): void => {
            readings.set(id, [...(readings.get(id) ?? []), showClock(node.clock)]);
          };
          class Watched extends CausalNode {
            readonly #id: NodeId;
            constructor(ctx: NodeContext<Stamped, Clock>) {
              super(ctx);
              this.#id = ctx.id;
              idOf.set(this, ctx.id);
              read(ctx.id, this);
            }
            override step(from: NodeId, message: Stamped): void {
              super.step(from, message);
              read(this.#id, this);
            }
          }
          const run = simulate(seed, {
            ...spec(CausalNode, scenario.nodes, scenario.workload, { link: scenario.link, faults: scenario.faults }),
            create: (ctx: NodeContext<Stamped, Clock>) => new Watched(ctx),
            invoke: (node, op) => {
              if (op.type === 'local') node.local();
              else node.send(op.to, op.payload);
              read(idOf.get(node)!, node);
            },
          });
          for (const id of scenario.nodes) {
            const expected = ['[]', ...run.outputs.filter((o) => o.node === id).map((o) => showClock(o.output))];
            const got = readings.get(id) ?? [];
            for (let i = 0; i < Math.min(got.length, expected.length); i++) {
              const when = i === 0 ? 'before any event (the empty clock)' : `after its event ${i}, which emitted ${expected[i]}`;
              expect(got[i], `${id}.clock ${when}, as entries()`).toBe(expected[i]);
            }
            expect(got.length - 1, `${id}: its local, send and receive calls (one event each), against the clocks it emitted`).toBe(expected.length - 1);
          }
        }),
        { numRuns: 10 },
      );
    },
  );

  suite.test(
    {
      points: 4,
      category: 'correctness',
      name: 'driven call by call, every node’s events, messages and clock getter follow the rules, whatever arrives, in any order, any number of times',
      clauses: ['VC-2.1', 'VC-2.2', 'VC-2.3', 'VC-2.4', 'VC-2.5', 'VC-2.6'],
      hint: 'README, task 2: local, send and every arriving message are one event each: merge (a receive), add one to your own counter, emit once. A tick is nothing.',
    },
    (t) => checkNodeRuns(suite.impl().CausalNode, t),
  );

  suite.test(
    {
      points: 9,
      category: 'faults',
      name: 'under loss, duplication, delay and reordering, compare of any two events matches happens-before',
      clauses: ['VC-2.7', 'VC-2.8'],
      hint: 'README, task 2: a send carries the clock after its own increment; a receive merges, then increments. Lamport 1978 §2 defines happened-before.',
      deadlineMs: 20_000,
    },
    (t) => {
      const { CausalNode } = suite.impl();
      const fired = { lost: 0, duplicated: 0, reordered: 0, runs: 0 };
      t.check(
        fc.property(scenarioArb, fc.integer({ min: 0, max: 0xffffffff }), (scenario, seed) => {
          const run = simulate(seed, spec(CausalNode, scenario.nodes, scenario.workload, { link: scenario.link, faults: scenario.faults }));
          fired.lost += run.stats.lost;
          fired.duplicated += run.stats.duplicated;
          fired.reordered += run.stats.reordered;
          fired.runs++;
          const hb = happensBefore(run);
          expect(hb.problems, 'every local, send and receive is exactly one event').toEqual([]);
          const clocks = run.outputs.map((o) => o.output);
          for (let a = 0; a < clocks.length; a++) {
            for (let b = 0; b < clocks.length; b++) {
              const expected = a === b ? 'equal' : hb.before(a, b) ? 'before' : hb.before(b, a) ? 'after' : 'concurrent';
              const actual = clocks[a]!.compare(clocks[b]!);
              if (actual !== expected) {
                // Found only after the run: the failure carries the run to the later event, for the timeline picture.
                const at = Math.max(run.outputs[a]!.time, run.outputs[b]!.time);
                const what =
                  `${describeEvent(run, a)} has clock ${showClock(clocks[a]!)}, ${describeEvent(run, b)} has ${showClock(clocks[b]!)}: ` +
                  `compare gave '${actual}', but the first happened ${expected === 'before' ? 'before' : expected === 'after' ? 'after' : expected === 'equal' ? 'as (it is the same event)' : 'concurrently with'} the second`;
                throw finishedRunFailure(run, at, what, `${what}\n${timeline(run.trace.filter((e) => e.t <= at), 12)}`);
              }
            }
          }
        }),
        { numRuns: 40 },
      );
      // The vacuity guard, over the whole property: every fault the test is named for must have happened.
      for (const [fault, count] of Object.entries(fired)) expect(count, `${fault} over ${fired.runs} runs`).toBeGreaterThan(0);
    },
  );
});
