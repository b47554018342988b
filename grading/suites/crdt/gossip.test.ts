/**
 * Task 3: the gossip node driven by hand, message by message, and then on
 * the simulator under every network fault. A node's messages are its own
 * design, so the suite reads them only through what they do: each is
 * delivered to a fresh probe node, whose state then says what it carried.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { Rng, SimStorage, simulate, type NodeContext, type NodeId } from '../../../harness';
import { FULL_STATE_EVERY, type OrSetState, type SetOp } from '../../../exercises/crdt/types';
import { clusterSpec, scenarioArb, Watcher } from './cluster';
import { canonSet, joinAll, ModelSet, showSet } from './model';
import { ELEMENTS, expectSetState, gossipSuite, sortedValue, type GossipModule, type GossipNodeLike } from './support';

type Message = import('@impl/crdt/gossip').GossipMessage;
type Output = import('@impl/crdt/gossip').GossipOutput;

const suite = gossipSuite();

interface Sent {
  readonly to: NodeId;
  readonly message: Message;
}

/** A context for a node driven by hand: its sends are kept, in order, as copies the node cannot reach. */
function handContext(id: NodeId, peers: readonly NodeId[], sent: Sent[], storage = new SimStorage(), now: () => number = () => 0): NodeContext<Message, Output> {
  return {
    id,
    peers,
    rng: new Rng(7),
    clock: { now },
    monotonic: { now },
    storage,
    send: (to, message) => sent.push({ to, message: structuredClone(message) }),
    emit: () => undefined,
  };
}

/** What messages carry: delivered to a fresh node of the learner's, the state they leave it in. */
function carried(mod: GossipModule, from: NodeId, messages: readonly Message[]): OrSetState {
  const probe = new mod.GossipNode(handContext('probe', [from], []));
  for (const m of messages) probe.step(from, structuredClone(m));
  return probe.state();
}

const opArb = fc.record({ add: fc.boolean(), element: fc.constantFrom(...ELEMENTS) }).map(({ add, element }): SetOp => (add ? { add: element } : { remove: element }));

/** A node's own replica id: the replica of the dot its first add minted. */
function mintedBy(node: GossipNodeLike, element: string): string {
  const dots = node.state().entries.get(element) ?? [];
  expect(dots.length, `after apply({add: ${JSON.stringify(element)}}), the element's dots`).toBe(1);
  return dots[0]!.replica;
}

suite.task(3, () => {
  suite.test(
    {
      points: 4,
      category: 'correctness',
      name: 'apply acts on the node’s set at once, as OrSet’s add and remove do',
      clauses: ['CRDT-3.1'],
      hint: 'README, task 3: apply changes the node’s own OrSet before it returns; value() and state() read it.',
    },
    (t) => {
      const mod = suite.impl();
      t.check(
        fc.property(fc.array(opArb, { minLength: 1, maxLength: 25 }), (ops) => {
          const node = new mod.GossipNode(handContext('constructor', ['p'], []));
          node.apply({ add: 'first' });
          const model = new ModelSet(mintedBy(node, 'first'));
          model.add('first');
          for (const [i, op] of ops.entries()) {
            node.apply(op);
            if ('add' in op) model.add(op.add);
            else model.remove(op.remove);
            expectSetState(node.state(), model.state(), `after op ${i}, apply(${JSON.stringify(op)}): state()`);
            expect(sortedValue(node.value()), `after op ${i}, apply(${JSON.stringify(op)}): value()`).toEqual(sortedValue(model.value()));
          }
          const out = node.state();
          (out.entries as Map<string, unknown>).clear();
          (node.value() as Set<string>).add('spoiled');
          expectSetState(node.state(), model.state(), 'after the caller changed what state() and value() returned');
        }),
        { numRuns: 60 },
      );
    },
  );

  suite.test(
    {
      points: 5,
      category: 'correctness',
      name: 'at the next tick the join of the applied deltas goes to every peer, and nothing but that is sent between whole states',
      clauses: ['CRDT-3.2'],
      hint: 'README, task 3: keep the deltas apply returned, join them, send the join at the next tick, then forget them.',
    },
    (t) => {
      const mod = suite.impl();
      const peers = ['p1', '', '__proto__'];
      t.check(
        fc.property(fc.array(fc.array(opArb, { maxLength: 4 }), { minLength: 1, maxLength: FULL_STATE_EVERY - 1 }), (rounds) => {
          const sent: Sent[] = [];
          const node = new mod.GossipNode(handContext('n', peers, sent));
          let model: ModelSet | undefined;
          for (const [tick, ops] of rounds.entries()) {
            const deltas: OrSetState[] = [];
            for (const op of ops) {
              node.apply(op);
              model ??= 'add' in op ? new ModelSet(mintedBy(node, op.add)) : undefined;
              if (model !== undefined) deltas.push('add' in op ? model.add(op.add) : model.remove(op.remove));
            }
            sent.length = 0;
            node.tick();
            const what = `tick ${tick + 1} after ${ops.length === 0 ? 'no apply' : ops.map((o) => `apply(${JSON.stringify(o)})`).join(', ')}`;
            const strangers = sent.filter((s) => !peers.includes(s.to));
            expect(strangers.map((s) => s.to), `${what}: messages to nodes that are not peers`).toEqual([]);
            if (ops.length === 0) {
              expect(sent.length, `${what}: the messages sent (a tick with nothing applied since the last sends nothing)`).toBe(0);
              continue;
            }
            // A node whose first ops were removes of absent elements has no model yet: its deltas are all empty.
            const want = deltas.length === 0 ? joinAll([]) : joinAll(deltas);
            // An empty join may go unsent: it carries nothing.
            const empty = want.entries.size === 0 && want.context.vv.size === 0 && want.context.cloud.length === 0;
            for (const peer of peers) {
              const messages = sent.filter((s) => s.to === peer).map((s) => s.message);
              if (empty && messages.length === 0) continue;
              expect(messages.length, `${what}: messages to peer ${JSON.stringify(peer)}`).toBeGreaterThan(0);
              const got = carried(mod, 'n', messages);
              if (canonSet(got) !== canonSet(want)) {
                expect.fail(`${what}: what peer ${JSON.stringify(peer)} was sent carries\n  ${showSet(got)}\n  expected the join of the deltas since the last tick\n  ${showSet(want)}`);
              }
            }
          }
        }),
        { numRuns: 60 },
      );
    },
  );

  suite.test(
    {
      points: 4,
      category: 'correctness',
      name: 'every tenth tick since the node started, its whole state goes to every peer',
      clauses: ['CRDT-3.3', 'CRDT-3.2'],
      hint: 'README, task 3: count ticks from the start of this incarnation; on the 10th, 20th, … send state(), to every peer.',
    },
    (t) => {
      const mod = suite.impl();
      t.check(
        fc.property(fc.array(fc.option(opArb, { freq: 2 }), { minLength: 3 * FULL_STATE_EVERY, maxLength: 3 * FULL_STATE_EVERY }), fc.integer({ min: 1, max: 3 }), (plan, size) => {
          const peers = ['a', 'b', 'c'].slice(0, size);
          const sent: Sent[] = [];
          // A clock that keeps no step with the ticks: whole states go by ticks, not by time.
          let time = 1_000_003;
          const node = new mod.GossipNode(handContext('n', peers, sent, new SimStorage(), () => time));
          for (const [i, op] of plan.entries()) {
            if (op !== null) node.apply(op);
            sent.length = 0;
            time += 73;
            node.tick();
            if ((i + 1) % FULL_STATE_EVERY !== 0) continue;
            const whole = node.state();
            for (const peer of peers) {
              const messages = sent.filter((s) => s.to === peer).map((s) => s.message);
              const got = carried(mod, 'n', messages);
              if (canonSet(got) !== canonSet(whole)) expect.fail(`tick ${i + 1}: what peer ${JSON.stringify(peer)} was sent carries\n  ${showSet(got)}\n  expected the whole state\n  ${showSet(whole)}`);
            }
          }
        }),
        { numRuns: 30 },
      );
      // A node alone has no peer to send to, and still counts its ticks.
      const sent: Sent[] = [];
      const alone = new mod.GossipNode(handContext('alone', [], sent));
      alone.apply({ add: 'x' });
      for (let i = 0; i < 2 * FULL_STATE_EVERY; i++) alone.tick();
      expect(sent.length, 'messages sent by a node without peers').toBe(0);
    },
  );

  suite.test(
    {
      points: 4,
      category: 'faults',
      name: 'a node merges any message any number of times in any order, long after it was sent, and answers none',
      clauses: ['CRDT-3.4', 'CRDT-0.3', 'CRDT-3.2'],
      hint: 'README, task 3: step only merges; merge is a join, so order and repetition cannot matter.',
    },
    (t) => {
      const mod = suite.impl();
      const ids = ['a', 'b', 'c'];
      t.check(
        fc.property(
          fc.array(fc.record({ at: fc.nat(2), op: fc.option(opArb, { freq: 3 }) }), { minLength: 1, maxLength: 40 }),
          fc.array(opArb, { maxLength: 4 }),
          fc.infiniteStream(fc.nat()),
          (plan, own, picks) => {
            const sent = ids.map((): Sent[] => []);
            const nodes = ids.map((id, i) => new mod.GossipNode(handContext(id, ['d'], sent[i]!)));
            for (const { at, op } of plan) {
              if (op !== null) nodes[at]!.apply(op);
              nodes[at]!.tick();
            }
            // Enough ticks that each sends its whole state at least once.
            for (const node of nodes) for (let i = 0; i < FULL_STATE_EVERY; i++) node.tick();
            const messages = sent.flatMap((s, i) => s.map((x) => ({ from: ids[i]!, message: x.message })));
            // Delivered shuffled, each once or twice, to a node with operations of its own.
            const it = picks[Symbol.iterator]();
            const next = () => it.next().value as number;
            const order = messages.flatMap((m) => (next() % 3 === 0 ? [m, m] : [m])).map((m) => ({ m, k: next() })).sort((x, y) => x.k - y.k).map((x) => x.m);
            const fromD: Sent[] = [];
            const d = new mod.GossipNode(handContext('d', ids, fromD));
            for (const op of own) d.apply(op);
            const mine = d.state();
            for (const { from, message } of order) d.step(from, structuredClone(message));
            expect(fromD.length, 'messages a node sent while it was only receiving (it sends only at its ticks)').toBe(0);
            const want = joinAll([mine, ...messages.map(({ from, message }) => carried(mod, from, [message]))]);
            if (canonSet(d.state()) !== canonSet(want)) expect.fail(`after ${order.length} deliveries of ${messages.length} messages:\n  got      ${showSet(d.state())}\n  expected ${showSet(want)}`);
          },
        ),
        { numRuns: 40 },
      );
    },
  );

  suite.test(
    {
      points: 13,
      category: 'faults',
      name: 'under loss, duplication, reordering and partitions, every node holds the same add-wins state within 2.5 s of healing',
      clauses: ['CRDT-3.5', 'CRDT-3.2', 'CRDT-3.3', 'CRDT-2.7', 'CRDT-0.4'],
      hint: 'README, task 3: a lost delta is repaired only by a whole state, and only if the context kept a gap as a gap.',
      deadlineMs: 30_000,
    },
    (t) => {
      const mod = suite.impl();
      t.check(
        fc.property(scenarioArb(['partition', 'one-way', 'isolate', 'hold', 'degrade']), fc.integer({ min: 0, max: 0xffffffff }), (scenario, seed) => {
          const watcher = new Watcher();
          simulate(seed, clusterSpec(mod, scenario, watcher));
        }),
        { numRuns: 25 },
      );
    },
  );
});
