/** Each network fault does what network.ts says, and nothing more. */
import { describe, expect, test } from 'vitest';
import { simulate } from '../sim';
import { pingSpec, quiet, receipts, type Seen } from './sim-support';

/** n1 sends 200 pings to n2, one every 5 ms; nobody else sends. */
const burst = Array.from({ length: 200 }, (_, i) => ({ atMs: i * 5, node: 'n1', op: { to: 'n2' } }));
const quietSpec = (overrides: Parameters<typeof pingSpec>[0] = {}) => pingSpec({ create: quiet, workload: burst, durationMs: 3_000, ...overrides });

const orderAt = (result: { outputs: readonly { node: string; output: Seen }[] }, node: string) =>
  receipts(result.outputs).filter((r) => r.at === node).map((r) => r.n);

describe('the network', () => {
  test('by default every message arrives exactly once, within its delay, as the receiver\'s own copy', () => {
    const result = simulate(1, quietSpec());
    expect(orderAt(result, 'n2').sort((a, b) => a - b)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    for (const e of result.trace) {
      if (e.kind !== 'deliver') continue;
      const delay = e.t - result.messages.get(e.msg)!.time;
      expect(delay).toBeGreaterThanOrEqual(1);
      expect(delay).toBeLessThanOrEqual(10);
    }
    expect(result.stats).toMatchObject({ sent: 200, delivered: 200, lost: 0, duplicated: 0, droppedByPartition: 0 });
    // Random delays reorder messages on their own: that is the only fault the default link fires.
    expect(result.faultsFired).toBe(result.stats.reordered);
  });

  test('a message is deep-copied: the receiver mutating its copy changes no other copy', () => {
    // Pinger pushes into the hops of the copy it receives; two deliveries sharing one object would see 3 hops.
    const result = simulate(2, quietSpec({ link: { duplicate: 1 } }));
    const hops = receipts(result.outputs).map((r) => r.hops);
    expect(hops).toHaveLength(400);
    expect(new Set(hops)).toEqual(new Set([2]));
  });

  test('loss 1 drops everything; loss 0.3 drops about 30 %', () => {
    expect(simulate(3, quietSpec({ link: { loss: 1 } })).stats).toMatchObject({ sent: 200, delivered: 0, lost: 200 });
    const { stats } = simulate(3, quietSpec({ link: { loss: 0.3 } }));
    expect(stats.lost + stats.delivered).toBe(200);
    expect(stats.lost).toBeGreaterThan(30);
    expect(stats.lost).toBeLessThan(90);
  });

  test('duplicate 1 delivers every message twice, and nothing else', () => {
    const result = simulate(4, quietSpec({ link: { duplicate: 1 } }));
    expect(result.stats).toMatchObject({ sent: 200, delivered: 400, duplicated: 200, lost: 0 });
    const counts = new Map<number, number>();
    for (const n of orderAt(result, 'n2')) counts.set(n, (counts.get(n) ?? 0) + 1);
    expect([...counts.values()].every((c) => c === 2)).toBe(true);
  });

  test('a constant delay keeps each link in order; random delays and reordering do not', () => {
    const fifo = simulate(5, quietSpec({ link: { delay: { kind: 'uniform', minMs: 7, maxMs: 7 } } }));
    expect(orderAt(fifo, 'n2')).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    expect(fifo.stats.reordered).toBe(0);
    const shuffled = simulate(5, quietSpec({ link: { delay: { kind: 'uniform', minMs: 7, maxMs: 7 }, reorder: 0.2 } }));
    expect(shuffled.stats.reordered).toBeGreaterThan(0);
    expect(orderAt(shuffled, 'n2').sort((a, b) => a - b)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
  });

  test('exponential delays stay above their minimum and average near their mean', () => {
    const result = simulate(6, quietSpec({ link: { delay: { kind: 'exponential', minMs: 2, meanMs: 12 } } }));
    const delays = result.trace.filter((e) => e.kind === 'deliver').map((e) => e.t - result.messages.get((e as { msg: number }).msg)!.time);
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(2);
    const mean = delays.reduce((a, b) => a + b, 0) / delays.length;
    expect(mean).toBeGreaterThan(8);
    expect(mean).toBeLessThan(16);
  });

  test('a symmetric partition blocks both directions for its duration, then heals by itself', () => {
    const workload = [0, 1, 2, 3, 4, 5].flatMap((i) => [{ atMs: i * 100, node: 'n1', op: { to: 'n2' } }, { atMs: i * 100, node: 'n2', op: { to: 'n1' } }]);
    const result = simulate(7, quietSpec({ workload, faults: [{ atMs: 150, fault: { type: 'partition', groups: [['n1'], ['n2', 'n3', 'n4', 'n5']], durationMs: 200 } }] }));
    // Sent at 200 and 300 ms (inside 150–350) are blocked in both directions; the rest arrive.
    expect(orderAt(result, 'n2')).toEqual([1, 2, 5, 6]);
    expect(orderAt(result, 'n1')).toEqual([1, 2, 5, 6]);
    expect(result.stats.droppedByPartition).toBe(4);
  });

  test('a one-way partition blocks only its direction', () => {
    const workload = [{ atMs: 100, node: 'n1', op: { to: 'n2' } }, { atMs: 100, node: 'n2', op: { to: 'n1' } }];
    const result = simulate(8, quietSpec({ workload, faults: [{ atMs: 50, fault: { type: 'one-way', from: 'n1', to: 'n2', durationMs: 200 } }] }));
    expect(orderAt(result, 'n2')).toEqual([]);
    expect(orderAt(result, 'n1')).toEqual([1]);
  });

  test('an isolated node neither sends nor receives; the others still talk', () => {
    const workload = [{ atMs: 100, node: 'n1', op: { to: 'n2' } }, { atMs: 100, node: 'n2', op: { to: 'n1' } }, { atMs: 100, node: 'n2', op: { to: 'n3' } }];
    const result = simulate(9, quietSpec({ workload, faults: [{ atMs: 50, fault: { type: 'isolate', node: 'n1', durationMs: 200 } }] }));
    expect(orderAt(result, 'n2')).toEqual([]);
    expect(orderAt(result, 'n1')).toEqual([]);
    expect(orderAt(result, 'n3')).toEqual([2]);
  });

  test('a held link keeps its messages, in order, and delivers them all on release', () => {
    const workload = [100, 110, 120].map((atMs) => ({ atMs, node: 'n1', op: { to: 'n2' } }));
    const result = simulate(10, quietSpec({ workload, link: { delay: { kind: 'uniform', minMs: 1, maxMs: 1 } }, faults: [{ atMs: 50, fault: { type: 'hold', from: 'n1', to: 'n2', durationMs: 400 } }] }));
    const delivered = result.trace.filter((e) => e.kind === 'deliver');
    expect(delivered.map((e) => e.t)).toEqual([450, 450, 450]);
    expect(orderAt(result, 'n2')).toEqual([1, 2, 3]);
    expect(result.stats.held).toBe(3);
  });

  test('a partition shorter than the minimum duration is refused', () => {
    expect(() => simulate(11, quietSpec({ faults: [{ atMs: 0, fault: { type: 'isolate', node: 'n1', durationMs: 20 } }] }))).toThrow(/lasts less than the minimum of 100 ms/);
  });

  test('a fault naming an unknown node is refused', () => {
    expect(() => simulate(12, quietSpec({ faults: [{ atMs: 0, fault: { type: 'crash', node: 'n9', downMs: 10 } }] }))).toThrow(/unknown node "n9"/);
  });
});
