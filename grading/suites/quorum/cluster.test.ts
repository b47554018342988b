/**
 * Whole clusters on the simulator, 1 to 5 nodes, every setting the contract
 * allows: each configuration held to exactly the guarantee the README's
 * table gives it, under loss, duplication, reordering, partitions and
 * crashes (cluster.ts).
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import type { FaultType, NodeId } from '../../../harness';
import { preferenceList } from '../../../exercises/quorum/placement';
import { configArb, runScenario, scenarioArb, type Scenario } from './cluster';
import { play, scheduleArb } from './schedule';
import { KEYS, NODE_IDS, nodeSuite } from './support';

const suite = nodeSuite();
const seedArb = fc.integer({ min: 0, max: 0xffffffff });
const NETWORK: readonly FaultType[] = ['partition', 'partition', 'one-way', 'isolate', 'hold', 'degrade'];
const WITH_CRASHES: readonly FaultType[] = ['crash', 'crash', 'partition', 'isolate', 'degrade'];

suite.task(1, () => {
  suite.test(
    {
      points: 3,
      category: 'faults',
      name: 'with R + W > N and no write-back, every get is regular, under loss, duplication, reordering, partitions and crashes',
      clauses: ['QR-1.9', 'QR-1.2', 'QR-1.3', 'QR-1.4', 'QR-1.6', 'QR-1.7'],
      hint: 'README, QR-1.9: a read quorum meets every write quorum; a put’s read phase must see the newest counter, and a replica must never go back.',
      deadlineMs: 30_000,
    },
    (t) => {
      const mod = suite.impl();
      t.check(fc.property(scenarioArb(configArb({ writeBack: false, sloppy: false, intersect: true }), [...NETWORK, 'crash']), seedArb, (s, seed) => void runScenario(mod, s, seed)), { numRuns: 30 });
    },
  );

  suite.test(
    {
      points: 4,
      category: 'faults',
      name: 'with any R and W, gets return written values and acknowledged puts stay at W home replicas; on a network that loses nothing, every request gets its ok',
      clauses: ['QR-1.9', 'QR-1.4', 'QR-1.6', 'QR-1.7', 'QR-0.2'],
      hint: 'README, QR-1.9: acknowledge a store only once it is on disk, and count each home replica once.',
      deadlineMs: 30_000,
    },
    (t) => {
      const mod = suite.impl();
      t.check(fc.property(scenarioArb(configArb({ writeBack: false, sloppy: false, intersect: false }), WITH_CRASHES), seedArb, (s, seed) => void runScenario(mod, s, seed)), { numRuns: 20 });
      t.check(
        fc.property(scenarioArb(configArb({ writeBack: false, sloppy: false, intersect: undefined }), []), seedArb, (s, seed) => {
          const run = runScenario(mod, s, seed, { loss: 0, duplicate: 0.1, reorder: 0, delay: { kind: 'uniform', minMs: 1, maxMs: 10 } });
          const fails = run.outputs.filter((o) => o.output.type === 'fail');
          expect(fails.map((o) => `${JSON.stringify(o.node)} at ${o.time} ms: ${JSON.stringify(o.output)}`), `requests that failed on a network that loses nothing and delivers within 10 ms, every node up (QR-1.9), settings ${JSON.stringify(s.config)}`).toEqual([]);
        }),
        { numRuns: 20 },
      );
    },
  );

  suite.test(
    {
      points: 3,
      category: 'faults',
      name: 'with R + W > N and no write-back, every get is regular whatever order an adversary delivers, loses or repeats messages in',
      clauses: ['QR-1.9', 'QR-1.2', 'QR-1.3', 'QR-1.4', 'QR-1.5', 'QR-1.6'],
      hint: 'README, QR-1.9: the newest version among R answers, each replica counted once; a replica never goes back, and keeps what it acknowledged through a power loss.',
      deadlineMs: 30_000,
    },
    (t) => {
      const mod = suite.impl();
      t.check(fc.property(scheduleArb(configArb({ writeBack: false, sloppy: false, intersect: true }), true), (s) => play(mod, s)), { numRuns: 300 });
    },
  );
});

suite.task(2, () => {
  suite.test(
    {
      points: 7,
      category: 'faults',
      name: 'with R + W > N and write-back, every key is linearizable whatever order an adversary delivers, loses or repeats messages in, power losses included',
      clauses: ['QR-2.2', 'QR-2.1', 'QR-1.3', 'QR-1.6'],
      hint: 'README, task 2: a get that saw a put some replicas lack must not answer before W replicas hold it; otherwise the next get, asking others, reads what came before.',
      deadlineMs: 30_000,
    },
    (t) => {
      const mod = suite.impl();
      t.check(fc.property(scheduleArb(configArb({ writeBack: true, sloppy: false, intersect: true }), true), (s) => play(mod, s)), { numRuns: 400 });
    },
  );

  suite.test(
    {
      points: 7,
      category: 'faults',
      name: 'with R + W > N and write-back, every key is linearizable under loss, duplication, reordering, partitions and clock faults',
      clauses: ['QR-2.2', 'QR-2.1', 'QR-1.9'],
      hint: 'README, task 2: a get that answers before W replicas hold what it read lets a later get read something older: new, then old again.',
      deadlineMs: 30_000,
    },
    (t) => {
      const mod = suite.impl();
      t.check(fc.property(scenarioArb(configArb({ writeBack: true, sloppy: false, intersect: true }), [...NETWORK, 'clock-skew', 'clock-jump']), seedArb, (s, seed) => void runScenario(mod, s, seed)), { numRuns: 30 });
    },
  );

  suite.test(
    {
      points: 5,
      category: 'faults',
      name: 'with R + W > N and write-back, every key stays linearizable when nodes crash and restart',
      clauses: ['QR-2.2', 'QR-1.6', 'QR-1.7'],
      hint: 'README, QR-1.6 and QR-1.7: a crashed coordinator’s requests are indeterminate; what a replica acknowledged must come back after the restart.',
      deadlineMs: 30_000,
    },
    (t) => {
      const mod = suite.impl();
      t.check(fc.property(scenarioArb(configArb({ writeBack: true, sloppy: false, intersect: true }), WITH_CRASHES), seedArb, (s, seed) => void runScenario(mod, s, seed)), { numRuns: 30 });
    },
  );
});

suite.task(3, () => {
  suite.test(
    {
      points: 13,
      category: 'faults',
      name: 'in sloppy mode, after healing every hint goes home and is removed, and every acknowledged put is held by W home replicas',
      clauses: ['QR-3.4', 'QR-3.1', 'QR-3.2', 'QR-3.3', 'QR-1.6'],
      hint: 'README, QR-3.3: every tick, send each hint home; remove it only when its home acknowledges that very version.',
      deadlineMs: 30_000,
    },
    (t) => {
      const mod = suite.impl();
      const any = (size: number) => fc.boolean().chain((writeBack) => configArb({ writeBack, sloppy: true, intersect: undefined })(size));
      t.check(fc.property(scenarioArb(any, WITH_CRASHES, { sizes: fc.integer({ min: 2, max: 5 }) }), seedArb, (s, seed) => void runScenario(mod, s, seed)), { numRuns: 30 });
    },
  );

  suite.test(
    {
      points: 8,
      category: 'faults',
      name: 'a sloppy put succeeds while home replicas are down, where a strict one fails, and its hints reach those replicas once they are back',
      clauses: ['QR-3.1', 'QR-3.4', 'QR-3.3'],
      hint: 'README, QR-3.1: the hints go out at the store phase’s second tick, one fallback per home replica that has not acknowledged, in preference-list order.',
      deadlineMs: 30_000,
    },
    (t) => {
      const mod = suite.impl();
      t.check(fc.property(outageArb, fc.integer({ min: 0, max: 0xffffffff }), ({ scenario, down }, seed) => {
        const strict = runScenario(mod, { ...scenario, config: { ...scenario.config, sloppy: false } }, seed, CALM);
        expect(strict.outputs.map((o) => o.output), `a strict put with ${down.length} of ${scenario.config.n} home replicas down and W = ${scenario.config.w} (QR-1.4: only home replicas count)`).toEqual([{ type: 'fail', req: 0 }]);
        const sloppy = runScenario(mod, scenario, seed, CALM);
        expect(sloppy.outputs.map((o) => o.output), `a sloppy put with home replicas ${JSON.stringify(down)} down, settings ${JSON.stringify(scenario.config)} (QR-3.1: hints to fallbacks count towards W)`).toEqual([{ type: 'put-ok', req: 0 }]);
      }), { numRuns: 25 });
    },
  );
});

/** A network that loses nothing and delivers within 10 ms. */
const CALM = { loss: 0, duplicate: 0.1, reorder: 0, delay: { kind: 'uniform', minMs: 1, maxMs: 10 } } as const;

/**
 * 3 to 5 nodes; one put, at time 0, to a key some of whose home replicas are down for 2.5 s. W is one more than the
 * home replicas that are up, and there are fallbacks enough for the rest, so only hints can make W.
 */
const outageArb = fc
  .record({ size: fc.integer({ min: 3, max: 5 }), key: fc.constantFrom(...KEYS), n: fc.nat(), downs: fc.nat(), coordinator: fc.nat(), timeoutTicks: fc.integer({ min: 3, max: 8 }) })
  .map(({ size, key, n: nPick, downs, coordinator, timeoutTicks }) => {
    const nodes = NODE_IDS.slice(0, size) as NodeId[];
    const n = 2 + (nPick % (size - 2));
    const list = preferenceList(key, nodes);
    const home = list.slice(0, n);
    const fallbacks = list.slice(n);
    // At least one home replica up, at least one down, and no more down than there are fallbacks.
    const downCount = 1 + (downs % Math.min(n - 1, fallbacks.length));
    const down = home.slice(n - downCount);
    const up = nodes.filter((id) => !down.includes(id));
    const config = { n, r: 1, w: n - downCount + 1, writeBack: false, sloppy: true, timeoutTicks };
    const scenario: Scenario = {
      nodes,
      config,
      calls: [{ atMs: 50, node: up[coordinator % up.length]!, req: 0, key, put: 'written while they were down' }],
      faults: down.map((node) => ({ atMs: 0, fault: { type: 'crash' as const, node, downMs: 2_500 } })),
    };
    return { scenario, down };
  });

