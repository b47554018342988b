/**
 * The model-based test of task 2: CausalNodes driven call by call, without the
 * simulator, each with a context that records what it sends and emits, and
 * checked after every call against the rules of README task 2 applied to a
 * Map of counters.
 *
 * The test is the network: it delivers any message sent so far to its
 * addressee, in any order, any number of times (copied by value, as the
 * simulator does), ticks nodes, and sometimes hands a node a message no run
 * would produce but its type allows: counters of nodes it never heard of, or
 * one for the receiver itself above its own, the one case where "merge, then
 * increment" and "increment, then merge" differ. A node may be asked to send
 * to itself, as a node alone always is.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { Rng, type NodeContext, type NodeId, type Storage } from '../../../harness';
import type { GradedContext } from '../../../harness/suite';
import { type Counters, nodeIdArb, oracleMerge, show, sortedEntries } from './support';

type CausalModule = typeof import('@impl/vector-clock/causal-node');
type Clock = import('@impl/vector-clock').VectorClock;
type Stamped = import('@impl/vector-clock/causal-node').Stamped;

type Call =
  | { readonly kind: 'local'; readonly node: number }
  | { readonly kind: 'send'; readonly node: number; readonly to: number }
  | { readonly kind: 'deliver'; readonly message: number }
  | { readonly kind: 'tick'; readonly node: number }
  | { readonly kind: 'hand-made'; readonly node: number; readonly counters: readonly number[]; readonly own: number };

const callArb: fc.Arbitrary<Call> = fc.oneof(
  fc.record({ kind: fc.constant('local' as const), node: fc.nat() }),
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('send' as const), node: fc.nat(), to: fc.nat() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('deliver' as const), message: fc.nat() }) },
  fc.record({ kind: fc.constant('tick' as const), node: fc.nat() }),
  fc.record({
    kind: fc.constant('hand-made' as const),
    node: fc.nat(),
    counters: fc.array(fc.oneof(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 5, max: 2 ** 40 })), { minLength: 1, maxLength: 4 }),
    own: fc.integer({ min: 0, max: 6 }),
  }),
);

/** 1 to 4 nodes, any ids, and the calls. */
export const runArb = fc.record({
  ids: fc.uniqueArray(fc.oneof(nodeIdArb, fc.constantFrom('', '__proto__', 'constructor')), { minLength: 1, maxLength: 4 }),
  calls: fc.array(callArb, { minLength: 1, maxLength: 40 }),
});

const noStorage: Storage = new Proxy({} as Storage, {
  get: () => () => {
    throw new Error('vector-clock: a CausalNode keeps no state on disk');
  },
});

interface Harnessed {
  readonly id: NodeId;
  readonly node: InstanceType<CausalModule['CausalNode']>;
  readonly sent: { to: NodeId; message: Stamped }[];
  readonly emitted: Clock[];
  model: Counters;
}

export function checkNodeRuns(CausalNode: CausalModule['CausalNode'], t: GradedContext): void {
  t.check(
    fc.property(runArb, ({ ids, calls }) => {
      const nodes: Harnessed[] = ids.map((id, i) => {
        const sent: Harnessed['sent'] = [];
        const emitted: Clock[] = [];
        const ctx: NodeContext<Stamped, Clock> = {
          id,
          peers: ids.filter((p) => p !== id).sort(),
          rng: new Rng(i + 1),
          clock: { now: () => 0 },
          monotonic: { now: () => 0 },
          storage: noStorage,
          send: (to, message) => sent.push({ to, message }),
          emit: (clock) => emitted.push(clock),
        };
        return { id, node: new CausalNode(ctx), sent, emitted, model: new Map() };
      });
      const network: { from: NodeId; to: NodeId; message: Stamped }[] = [];
      const log: string[] = [];
      const story = (): string => `\n  the calls so far:\n    ${log.slice(-10).join('\n    ')}`;
      /** Every emitted clock with the counters it had when emitted: later events must not change it. */
      const history: { clock: Clock; model: Counters; what: string }[] = [];
      const name = (h: Harnessed): string => JSON.stringify(h.id);

      const expectGetter = (h: Harnessed, when: string): void => {
        for (const read of ['first', 'second']) {
          expect(JSON.stringify(h.node.clock.entries()), `node ${name(h)}.clock ${when}, read a ${read} time${story()}`).toBe(show(h.model));
        }
      };
      for (const h of nodes) expectGetter(h, 'before any call (the empty clock)');

      /** Runs one call on h; `event` says whether it is one, `merged` is what a receive merges. */
      const call = (h: Harnessed, what: string, run: () => void, event: boolean, merged?: Counters): void => {
        log.push(`${name(h)}.${what}`);
        const [emittedBefore, sentBefore] = [h.emitted.length, h.sent.length];
        run();
        if (event) {
          // The rule: merge first (a receive), then one more on the node's own counter.
          const base = merged === undefined ? h.model : oracleMerge(h.model, merged);
          h.model = new Map(base).set(h.id, (base.get(h.id) ?? 0) + 1);
        }
        const fresh = h.emitted.slice(emittedBefore);
        expect(fresh.length, `clocks ${name(h)} emitted during ${what} (${event ? 'an event emits exactly one' : 'not an event: none'})${story()}`).toBe(event ? 1 : 0);
        if (event) {
          expect(JSON.stringify(fresh[0]!.entries()), `the clock ${name(h)} emitted for ${what}${story()}`).toBe(show(h.model));
          history.push({ clock: fresh[0]!, model: h.model, what: `the clock ${name(h)} emitted for ${what}` });
        }
        expectGetter(h, `after ${what}`);
        const out = h.sent.slice(sentBefore);
        if (!what.startsWith('send(')) expect(out.map((m) => m.message), `messages ${name(h)} sent during ${what}${story()}`).toEqual([]);
      };

      calls.forEach((c, n) => {
        switch (c.kind) {
          case 'local': {
            const h = nodes[c.node % nodes.length]!;
            call(h, 'local()', () => h.node.local(), true);
            break;
          }
          case 'tick': {
            const h = nodes[c.node % nodes.length]!;
            call(h, 'tick()', () => h.node.tick(), false);
            break;
          }
          case 'send': {
            const h = nodes[c.node % nodes.length]!;
            // Any node of the run, itself included (the only choice of a node alone): a send to itself is a send like any other.
            const to = nodes[(c.node + c.to) % nodes.length]!;
            const payload = `m${n}`;
            const before = h.sent.length;
            call(h, `send(${name(to)}, "${payload}")`, () => h.node.send(to.id, payload), true);
            const out = h.sent.slice(before);
            expect(out, `what ${name(h)} sent for send(${name(to)}, "${payload}"): one message stamped with the send event's clock${story()}`).toEqual([
              { to: to.id, message: { type: 'stamped', clock: sortedEntries(h.model), payload } },
            ]);
            network.push({ from: h.id, to: to.id, message: structuredClone(out[0]!.message) });
            break;
          }
          case 'deliver': {
            if (network.length === 0) break;
            const m = network[c.message % network.length]!;
            const h = nodes.find((x) => x.id === m.to)!;
            const message = structuredClone(m.message); // each delivery is its own copy, as in the simulator
            call(h, `step(${JSON.stringify(m.from)}, ${JSON.stringify(message)})`, () => h.node.step(m.from, message), true, new Map(message.clock));
            break;
          }
          case 'hand-made': {
            const h = nodes[c.node % nodes.length]!;
            // Counters of nodes it may never have heard of, and one for itself above its own.
            const others = ['x', 'y\u0301', '__proto__', ''].filter((id) => id !== h.id);
            const entries = new Map<NodeId, number>();
            c.counters.forEach((counter, i) => {
              if (counter > 0) entries.set(others[i % others.length]!, counter);
            });
            entries.set(h.id, (h.model.get(h.id) ?? 0) + c.own);
            const from = others[0]!;
            const message: Stamped = { type: 'stamped', clock: sortedEntries(new Map([...entries].filter(([, v]) => v > 0))), payload: 'hand-made' };
            call(h, `step(${JSON.stringify(from)}, ${JSON.stringify(message)}) (a hand-made message)`, () => h.node.step(from, message), true, new Map(message.clock));
            break;
          }
          default: {
            const never: never = c;
            throw new Error(`unknown call ${JSON.stringify(never)}`);
          }
        }
      });
      // A clock once emitted is a value: nothing that happened later changed it.
      for (const { clock, model, what } of history) expect(JSON.stringify(clock.entries()), `${what}, at the end of the run`).toBe(show(model));
    }),
    { numRuns: 120 },
  );
}
