/** The simulator's promises: determinism, crashes, traps, invariants, liveness and the vacuity guard. */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { faultPlanArb, simulate, SimulationFailure, type NodeContext, type ProtocolNode } from '../sim';
import { NODES, Pinger, pingSpec, type Ping, type Seen } from './sim-support';

const faulty = () =>
  pingSpec({
    link: { loss: 0.1, duplicate: 0.05, reorder: 0.1 },
    tickMs: 20,
    faults: [
      { atMs: 300, fault: { type: 'partition', groups: [['n1', 'n2'], ['n3', 'n4', 'n5']], durationMs: 400 } },
      { atMs: 500, fault: { type: 'crash', node: 'n3', downMs: 300 } },
      { atMs: 900, fault: { type: 'clock-jump', node: 'n4', byMs: -5000 } },
    ],
  });

describe('determinism', () => {
  test('the same seed gives the same trace, byte for byte, and the same hash', () => {
    const a = simulate(42, faulty());
    const b = simulate(42, faulty());
    expect(a.traceHash).toBe(b.traceHash);
    expect(JSON.stringify(a.trace)).toBe(JSON.stringify(b.trace));
    expect(a.trace.length).toBeGreaterThan(500);
  });

  test('different seeds give different traces', () => {
    const hashes = new Set([1, 2, 3, 4, 5].map((seed) => simulate(seed, faulty()).traceHash));
    expect(hashes.size).toBe(5);
  });

  test('ties at the same virtual time resolve in scheduling order', () => {
    const workload = ['n2', 'n3', 'n4', 'n5'].map((to) => ({ atMs: 100, node: 'n1', op: { to } }));
    const result = simulate(1, pingSpec({ create: (ctx) => new Pinger(ctx, 0), workload, link: { delay: { kind: 'uniform', minMs: 5, maxMs: 5 } } }));
    expect(result.trace.filter((e) => e.kind === 'deliver').map((e) => (e as { to: string }).to)).toEqual(['n2', 'n3', 'n4', 'n5']);
  });
});

class Counter implements ProtocolNode<Ping> {
  ticks = 0;
  constructor(private readonly ctx: NodeContext<Ping, Seen | string>) {
    const saved = ctx.storage.read('count');
    ctx.emit(`started with ${saved ? saved[0] : 'nothing'}`);
  }
  tick(): void {
    this.ticks++;
    if (this.ticks === 3) {
      this.ctx.storage.write('count', Uint8Array.from([this.ticks]));
      this.ctx.storage.sync('count');
      this.ctx.storage.syncDirectory();
    }
    if (this.ticks === 5) this.ctx.storage.write('count', Uint8Array.from([this.ticks])); // never synced
  }
  step(): void {}
}

describe('crash and restart', () => {
  test('a crash loses volatile state and unsynced writes, keeps synced ones, and stops ticks until the restart', () => {
    const result = simulate(1, {
      nodes: ['a'],
      create: (ctx: NodeContext<Ping, Seen | string>) => new Counter(ctx),
      tickMs: 10,
      durationMs: 200,
      faults: [{ atMs: 65, fault: { type: 'crash', node: 'a', downMs: 50 } }],
    });
    expect(result.outputs.map((o) => o.output)).toEqual(['started with nothing', 'started with 3']);
    const ticks = result.trace.filter((e) => e.kind === 'tick').map((e) => e.t);
    expect(ticks.some((t) => t > 65 && t < 115)).toBe(false);
    expect(ticks.filter((t) => t >= 115).length).toBeGreaterThan(0);
    expect(result.trace.find((e) => e.kind === 'crash')).toMatchObject({ node: 'a', detail: 'count: reverted to its synced contents' });
  });

  test('messages to a crashed node are dropped', () => {
    const workload = [{ atMs: 100, node: 'n1', op: { to: 'n2' } }];
    const result = simulate(1, pingSpec({ create: (ctx) => new Pinger(ctx, 0), workload, faults: [{ atMs: 50, fault: { type: 'crash', node: 'n2', downMs: 500 } }] }));
    expect(result.stats).toMatchObject({ sent: 1, delivered: 0, droppedAtDownNode: 1, crashes: 1 });
  });
});

class Cheater implements ProtocolNode<Ping> {
  constructor(private readonly how: string) {}
  tick(): void {
    if (this.how === 'random') Math.random();
    if (this.how === 'now') Date.now();
    if (this.how === 'date') new Date();
    if (this.how === 'timer') setTimeout(() => undefined, 1);
    if (this.how === 'performance') performance.now();
  }
  step(): void {}
}

describe('nondeterminism is trapped inside node code, and only there', () => {
  test.each([
    ['random', /n1 during tick\(\) called Math\.random\(\).*ctx\.rng/],
    ['now', /called Date\.now\(\).*ctx\.clock\.now\(\)/],
    ['date', /called new Date\(\).*ctx\.clock\.now\(\)/],
    ['timer', /called setTimeout\(\).*tick\(\)/],
    ['performance', /called performance\.now\(\)/],
  ])('%s', (how, message) => {
    expect(() => simulate(1, { nodes: ['n1', 'n2'], create: () => new Cheater(how), durationMs: 500 })).toThrow(message);
    expect(typeof Math.random()).toBe('number');
    expect(Date.now()).toBeGreaterThan(0);
    expect(new Date(0).getTime()).toBe(0);
  });
});

describe('invariants, liveness and the vacuity guard', () => {
  test('a violated invariant fails the run with the last events as a timeline', () => {
    let failure: unknown;
    try {
      simulate(3, pingSpec({ invariants: [{ name: 'no node receives 3 pings', check: (v) => (v.node('n1')?.received.length ?? 0) >= 3 ? 'n1 has received 3 pings' : undefined }] }));
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(SimulationFailure);
    const message = (failure as Error).message;
    expect(message).toMatch(/^invariant "no node receives 3 pings" violated: n1 has received 3 pings/);
    expect(message).toMatch(/receive #\d+ ← n\d/);
    expect(message).toMatch(/VIOLATION/);
    expect(message).toMatch(/trace hash [0-9a-f]{16}/);
  });

  test('the liveness phase heals everything, then waits for progress within its bound', () => {
    const result = simulate(4, pingSpec({
      durationMs: 1000,
      faults: [{ atMs: 900, fault: { type: 'isolate', node: 'n1', durationMs: 5000 } }, { atMs: 950, fault: { type: 'crash', node: 'n2', downMs: 10_000 } }],
      liveness: { withinMs: 2000, done: (v) => (v.node('n1')?.received.length ?? 0) > 0 && v.time > 1500, pending: () => 'n1 has received nothing' },
    }));
    expect(result.trace.some((e) => e.kind === 'heal' && e.detail.startsWith('everything'))).toBe(true);
    expect(result.trace.some((e) => e.kind === 'restart' && e.node === 'n2' && e.t === 1000)).toBe(true);
  });

  test('liveness that is never reached fails and says what is pending', () => {
    expect(() => simulate(5, pingSpec({ liveness: { withinMs: 500, done: () => false, pending: () => '3 proposals not applied' } }))).toThrow(/liveness: not done within 500 ms after the network healed: 3 proposals not applied/);
  });

  test('a fault scenario in which no fault fires fails itself; one in which a fault fires passes', () => {
    const quietLink = { delay: { kind: 'uniform' as const, minMs: 5, maxMs: 5 } };
    expect(() => simulate(6, pingSpec({ link: quietLink, requireFault: true }))).toThrow(/vacuous scenario/);
    // A partition of a node nobody sends to during it fires nothing either.
    const idle = [{ atMs: 0, fault: { type: 'isolate' as const, node: 'n1', durationMs: 100 } }];
    expect(() => simulate(6, pingSpec({ link: quietLink, create: (ctx) => new Pinger(ctx, 0), faults: idle, requireFault: true }))).toThrow(/vacuous/);
    expect(simulate(6, pingSpec({ link: { ...quietLink, loss: 0.2 }, requireFault: true })).faultsFired).toBeGreaterThan(0);
  });

  test('a node that throws fails the run, naming the node and the call', () => {
    const thrower: ProtocolNode<Ping> = { tick: () => { throw new TypeError('boom'); }, step: () => undefined };
    expect(() => simulate(7, { nodes: ['x', 'y'], create: () => thrower, durationMs: 300 })).toThrow(/x threw during tick\(\): TypeError: boom/);
  });

  test('generated fault plans are valid, sorted, and run', () => {
    fc.assert(
      fc.property(faultPlanArb(NODES, { untilMs: 2000 }), fc.integer({ min: 0, max: 1000 }), (plan, seed) => {
        expect(plan.map((f) => f.atMs)).toEqual([...plan.map((f) => f.atMs)].sort((a, b) => a - b));
        simulate(seed, pingSpec({ faults: plan, tickMs: 50 }));
      }),
      { numRuns: 50, seed: 7 },
    );
  });

  test('a one-node cluster gets plans without link faults, and a plan of link faults alone is a clear error', () => {
    const kinds = fc.sample(faultPlanArb(['n1'], { untilMs: 2000, maxFaults: 20 }), { numRuns: 50, seed: 3 }).flat().map((f) => f.fault.type);
    expect(kinds.length).toBeGreaterThan(0);
    expect(kinds.filter((k) => k === 'one-way' || k === 'hold' || k === 'degrade')).toEqual([]);
    expect(() => faultPlanArb(['n1'], { untilMs: 2000, kinds: ['hold', 'degrade'] })).toThrow(/sim: no fault of kinds hold, degrade fits a cluster of 1 node/);
  });
});

describe('clocks', () => {
  test('skew offsets, drift runs fast or slow, and jumps step either way', () => {
    let readings: number[] = [];
    class Reader implements ProtocolNode<Ping> {
      constructor(private readonly ctx: NodeContext<Ping, never>) {}
      tick(): void {
        if (this.ctx.id === 'a') readings.push(this.ctx.clock.now());
      }
      step(): void {}
    }
    const run = (faults: Parameters<typeof simulate>[1]['faults']) => {
      readings = [];
      simulate(1, { nodes: ['a', 'b'], create: (ctx: NodeContext<Ping, never>) => new Reader(ctx), tickMs: 100, durationMs: 1000, faults });
      return readings;
    };
    expect(run([])).toEqual([100, 200, 300, 400, 500, 600, 700, 800, 900, 1000]);
    expect(run([{ atMs: 0, fault: { type: 'clock-skew', node: 'a', skewMs: 5000 } }])[0]).toBe(5100);
    expect(run([{ atMs: 0, fault: { type: 'clock-drift', node: 'a', ppm: 100_000 } }]).at(-1)).toBeCloseTo(1100, 6);
    const jumped = run([{ atMs: 450, fault: { type: 'clock-jump', node: 'a', byMs: -300 } }]);
    expect(jumped.slice(3, 6)).toEqual([400, 200, 300]);
  });
});
