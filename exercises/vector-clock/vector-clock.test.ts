/**
 * Visible tests: a few worked examples of the contract, to read before you
 * start. They earn no points; the hidden suite (grading/suites/vector-clock)
 * does, and `npm test` runs both. `@impl/vector-clock` is your vector-clock.ts;
 * `@impl/vector-clock/causal-node` and `@impl/vector-clock/versioned-store` are
 * your causal-node.ts and versioned-store.ts.
 */
import { describe, expect, test } from 'vitest';
import { VectorClock } from '@impl/vector-clock';
import { CausalNode, type Stamped } from '@impl/vector-clock/causal-node';
import { VersionedStore } from '@impl/vector-clock/versioned-store';
import { simulate, type NodeContext } from '@faultline/harness';

describe('task 1: vector clock', () => {
  test('each event of one node comes after the one before it', () => {
    const first = VectorClock.empty().increment('a');
    const second = first.increment('a');
    expect(first.compare(second)).toBe('before');
    expect(second.compare(first)).toBe('after');
  });

  test('two nodes that never exchanged a message are concurrent; a receive orders them', () => {
    const sent = VectorClock.empty().increment('a'); // a sends
    const elsewhere = VectorClock.empty().increment('b'); // b does something of its own
    expect(sent.compare(elsewhere)).toBe('concurrent');
    const received = elsewhere.merge(sent).increment('b'); // b receives a's message
    expect(sent.compare(received)).toBe('before');
    expect(received.entries()).toEqual([['a', 1], ['b', 2]]);
  });

  test("clocks with the same counters are 'equal', however they were built", () => {
    const x = VectorClock.from([['b', 1], ['a', 2], ['c', 0]]);
    const y = VectorClock.empty().increment('a').increment('b').increment('a');
    expect(x.compare(y)).toBe('equal');
    expect(x.serialize()).toBe('[["a",2],["b",1]]');
  });

  test("a node never counted is 0, even one named 'constructor'", () => {
    expect(VectorClock.empty().get('constructor')).toBe(0);
    expect(VectorClock.from([['__proto__', 3]]).get('__proto__')).toBe(3);
  });

  test('a negative counter is a RangeError that names the node', () => {
    expect(() => VectorClock.from([['node-7', -1]])).toThrow(RangeError);
    expect(() => VectorClock.from([['node-7', -1]])).toThrow(/node-7/);
  });
});

describe('task 2: timestamping events in the simulator', () => {
  // A scripted run: b is cut off while a sends to it, so a's second message is lost;
  // c's message arrives. The same fault events drive the hidden suite's generated runs.
  const run = () =>
    simulate(1, {
      nodes: ['a', 'b', 'c'],
      create: (ctx: NodeContext<Stamped, VectorClock>) => new CausalNode(ctx),
      durationMs: 2000,
      link: { delay: { kind: 'uniform', minMs: 10, maxMs: 10 } },
      faults: [{ atMs: 150, fault: { type: 'isolate', node: 'b', durationMs: 300 } }],
      workload: [
        { atMs: 100, node: 'a', op: { to: 'b', payload: 'first' } },
        { atMs: 200, node: 'a', op: { to: 'b', payload: 'lost in the partition' } },
        { atMs: 600, node: 'c', op: { to: 'b', payload: 'after the heal' } },
      ],
      invoke: (node, op: { to: string; payload: string }) => node.send(op.to, op.payload),
    });

  test('each send and each receive emits one clock; a message lost in a partition is never received', () => {
    const clocks = run().outputs.map((o) => `${o.node} ${o.output.serialize()}`);
    expect(clocks).toEqual([
      'a [["a",1]]', // a sends "first"
      'b [["a",1],["b",1]]', // b receives it: merge, then increment
      'a [["a",2]]', // a sends again; b is isolated, the message is dropped
      'c [["c",1]]', // c sends
      'b [["a",1],["b",2],["c",1]]', // b receives c's message
    ]);
  });

  test("a send happens before its receive; a's second send and c's send are concurrent", () => {
    const [firstSend, firstReceive, secondSend, cSend] = run().outputs.map((o) => o.output);
    expect(firstSend!.compare(firstReceive!)).toBe('before');
    expect(secondSend!.compare(cSend!)).toBe('concurrent');
  });
});

describe('task 3: versioned store', () => {
  test('two writes sent with the same read are both kept, as siblings', () => {
    const store = new VersionedStore<string[]>('coordinator');
    store.put('cart', ['milk'], VectorClock.empty());
    const { context } = store.get('cart'); // both shoppers read the cart …
    store.put('cart', ['milk', 'eggs'], context); // … one adds eggs …
    store.put('cart', ['milk', 'bread'], context); // … the other, who never saw the eggs, adds bread
    expect(store.get('cart').siblings.map((v) => v.value)).toEqual([
      ['milk', 'eggs'],
      ['milk', 'bread'],
    ]);
  });

  test('a write sent with the context of a read replaces every sibling that read returned', () => {
    const store = new VersionedStore<string[]>('coordinator');
    store.put('cart', ['eggs'], VectorClock.empty());
    store.put('cart', ['bread'], VectorClock.empty());
    const read = store.get('cart');
    const merged = [...new Set(read.siblings.flatMap((v) => v.value))].sort();
    const clock = store.put('cart', merged, read.context);
    const after = store.get('cart');
    expect(after.siblings.map((v) => v.value)).toEqual([['bread', 'eggs']]);
    expect(clock.entries()).toEqual([['coordinator', 3]]);
    expect(after.context.compare(clock)).toBe('equal');
  });
});
