/**
 * Visible tests: worked examples of the contract in README.md. They earn no
 * points; the hidden suite (grading/suites/crdt) checks much more, and
 * `npm test` runs both.
 */
import { describe, expect, test } from 'vitest';
import { Rng, SimStorage, simulate, type NodeContext } from '@faultline/harness';
import { GCounter, PNCounter } from '@impl/crdt/counters';
import { GossipNode, type GossipMessage, type GossipOutput } from '@impl/crdt/gossip';
import { LwwRegister } from '@impl/crdt/lww-register';
import { OrSet } from '@impl/crdt/or-set';

describe('task 1: counters', () => {
  test('a G-counter state merged twice counts once: merge takes each replica’s maximum', () => {
    const a = new GCounter('a');
    const b = new GCounter('b');
    a.increment(2);
    b.increment(5);
    a.merge(b.state());
    a.merge(b.state());
    expect(a.value()).toBe(7);
    expect(a.state()).toEqual(new Map([['a', 2], ['b', 5]]));
  });

  test('a PN-counter is its increments less its decrements, across replicas', () => {
    const a = new PNCounter('a');
    const b = new PNCounter('b');
    a.increment(10);
    b.decrement(3);
    b.merge(a.state());
    expect(b.value()).toBe(7);
  });
});

describe('task 2: a register and an add-wins set', () => {
  test('two writes with one timestamp: the greater replica id wins, on both replicas', () => {
    const a = new LwwRegister<string>('a');
    const b = new LwwRegister<string>('b');
    a.set('from a', 100);
    b.set('from b', 100);
    const [sa, sb] = [a.state(), b.state()];
    a.merge(sb);
    b.merge(sa);
    expect([a.value(), b.value()]).toEqual(['from b', 'from b']);
  });

  test('a write beats every write its replica had seen, even with a smaller timestamp', () => {
    const a = new LwwRegister<string>('a');
    const b = new LwwRegister<string>('b');
    b.set('early, from a fast clock', 500);
    a.merge(b.state());
    a.set('later, from a slow clock', 20);
    expect(a.state()).toEqual({ ts: 501, replica: 'a', value: 'later, from a slow clock' });
  });

  test('add returns its delta: the new dot, and a context of that dot and the element’s old dots', () => {
    const a = new OrSet('a');
    a.add('x'); // dot (a, 1)
    const delta = a.add('x'); // dot (a, 2), which replaces (a, 1)
    expect(delta.entries).toEqual(new Map([['x', [{ replica: 'a', counter: 2 }]]]));
    // (a, 1) and (a, 2) run from 1 without a gap, so the compact form keeps them in vv.
    expect(delta.context).toEqual({ vv: new Map([['a', 2]]), cloud: [] });
  });

  test('a delta that arrives before an earlier one waits in the cloud, and the earlier one still counts', () => {
    const a = new OrSet('a');
    const b = new OrSet('b');
    const first = a.add('x');
    const second = a.add('y');
    b.merge(second);
    expect(b.state().context).toEqual({ vv: new Map(), cloud: [{ replica: 'a', counter: 2 }] });
    b.merge(first);
    expect([...b.value()].sort()).toEqual(['x', 'y']);
    expect(b.state().context).toEqual({ vv: new Map([['a', 2]]), cloud: [] });
  });

  test('a remove does not take away an add it had not seen: the concurrent add wins', () => {
    const a = new OrSet('a');
    const b = new OrSet('b');
    b.merge(a.add('x'));
    a.add('x'); // a adds x again; b has not seen this add
    b.remove('x'); // removes only the add b had seen
    a.merge(b.state());
    b.merge(a.state());
    expect([...a.value()]).toEqual(['x']);
    expect([...b.value()]).toEqual(['x']);
  });
});

describe('task 3: delta gossip', () => {
  test('three nodes split by a partition hold the same set once it heals', () => {
    const run = simulate(1, {
      nodes: ['n1', 'n2', 'n3'],
      create: (ctx: NodeContext<GossipMessage, GossipOutput>) => new GossipNode(ctx),
      durationMs: 3_000,
      faults: [{ atMs: 0, fault: { type: 'partition', groups: [['n1'], ['n2', 'n3']], durationMs: 2_500 } }],
      workload: [
        { atMs: 100, node: 'n1', op: { add: 'x' } },
        { atMs: 200, node: 'n2', op: { add: 'y' } },
        { atMs: 900, node: 'n3', op: { remove: 'y' } },
      ],
      invoke: (node, op) => node.apply(op),
      liveness: {
        withinMs: 3_000,
        done: (view) => view.ids.every((id) => [...(view.node(id)?.value() ?? [])].join() === 'x'),
        pending: (view) => view.ids.map((id) => `${id}: {${[...(view.node(id)?.value() ?? [])].join(', ')}}`).join('; '),
      },
    });
    // simulate throws unless liveness was reached; the partition really did block messages on the way.
    expect(run.stats.droppedByPartition).toBeGreaterThan(0);
  });
});

describe('task 4: dots that survive a crash', () => {
  test('a node restarted after a power failure mints a dot past every dot it used before', () => {
    const disk = new SimStorage();
    const context = (storage: SimStorage): NodeContext<GossipMessage, GossipOutput> => ({
      id: 'n1',
      peers: [],
      rng: new Rng(1),
      clock: { now: () => 0 },
      monotonic: { now: () => 0 },
      storage,
      send: () => undefined,
      emit: () => undefined,
    });
    new GossipNode(context(disk)).apply({ add: 'x' }); // dot (n1, 1), durable when apply returns
    const restarted = new GossipNode(context(disk.durableCopy()));
    restarted.apply({ add: 'y' });
    expect(restarted.state().entries.get('y')).toEqual([{ replica: 'n1', counter: 2 }]);
    expect([...restarted.value()].sort()).toEqual(['x', 'y']);
  });
});
