/**
 * One node driven by hand, call by call, against the suite's model
 * (model.ts, drive.ts): its replies to clients, its messages and what its
 * replica holds, in every setting the contract allows for 1 to 5 nodes.
 */
import fc from 'fast-check';
import { expectRangeError } from '../../../harness/suite';
import { caseArb, drive, hintCaseArb } from './drive';
import { handContext, NODE_IDS, nodeSuite } from './support';
import type { QuorumConfig } from '../../../exercises/quorum/types';

const suite = nodeSuite();

suite.task(1, () => {
  suite.test(
    {
      points: 3,
      category: 'api',
      name: 'a node refuses settings out of range, accepts both ends, and refuses request ids out of range',
      clauses: ['QR-1.1', 'QR-0.1'],
      hint: 'README, QR-1.1 and QR-0.1: check every number before you use it; n is bounded by the number of nodes, r and w by n.',
    },
    () => {
      const mod = suite.impl();
      const build = (size: number, config: QuorumConfig) => new mod.QuorumNode(handContext(NODE_IDS[0], NODE_IDS.slice(1, size), [], []), config);
      const ok: QuorumConfig = { n: 3, r: 2, w: 2, writeBack: false, sloppy: false, timeoutTicks: 4 };
      for (const [size, config] of [
        [1, { ...ok, n: 1, r: 1, w: 1, timeoutTicks: 1 }],
        [3, { ...ok, n: 3, r: 3, w: 3 }],
        [5, { ...ok, n: 5, r: 1, w: 5, timeoutTicks: Number.MAX_SAFE_INTEGER }],
        [4, { ...ok, n: 2, r: 2, w: 1, writeBack: true, sloppy: true }],
      ] as const) build(size, config);
      const bad: [number, QuorumConfig, string][] = [
        [3, { ...ok, n: 4 }, 'n'],
        [3, { ...ok, n: 0, r: 0, w: 0 }, 'n'],
        [5, { ...ok, n: 1.5 }, 'n'],
        [5, { ...ok, n: 1.5, r: 1, w: 1 }, 'n'],
        [3, { ...ok, n: Number.NaN, r: 1, w: 1 }, 'n'],
        [3, { ...ok, r: 0 }, 'r'],
        [3, { ...ok, r: 4 }, 'r'],
        [3, { ...ok, r: Number.NaN }, 'r'],
        [3, { ...ok, w: 0 }, 'w'],
        [3, { ...ok, w: 4 }, 'w'],
        [3, { ...ok, w: Number.POSITIVE_INFINITY }, 'w'],
        [3, { ...ok, timeoutTicks: 0 }, 'timeoutTicks'],
        [3, { ...ok, timeoutTicks: 2.5 }, 'timeoutTicks'],
        [3, { ...ok, timeoutTicks: -1 }, 'timeoutTicks'],
      ];
      for (const [size, config, field] of bad) expectRangeError(`new QuorumNode(ctx with ${size} nodes, ${JSON.stringify(config)})`, () => build(size, config), field);
      for (const req of [-1, 0.5, Number.NaN, Number.MAX_SAFE_INTEGER + 1, Number.POSITIVE_INFINITY]) {
        const sent: unknown[] = [];
        const node = new mod.QuorumNode(handContext('a', ['b', 'c'], sent as never, []), ok);
        expectRangeError(`get(${req}, "k")`, () => node.get(req, 'k'));
        expectRangeError(`put(${req}, "k", "v")`, () => node.put(req, 'k', 'v'));
        if (sent.length > 0) throw new Error(`get or put with request id ${req} was refused, but the node sent ${sent.length} messages first (QR-0.1: nothing changes)`);
        node.get(Number.MAX_SAFE_INTEGER, 'k');
        node.put(0, 'k', 'v');
      }
    },
  );

  suite.test(
    {
      points: 10,
      category: 'correctness',
      name: 'a coordinator’s replies, messages and timeouts are exactly the README’s, whatever arrives twice, late or from elsewhere',
      clauses: ['QR-1.2', 'QR-1.3', 'QR-1.4', 'QR-1.5', 'QR-1.7', 'QR-1.8', 'QR-0.2', 'QR-0.3'],
      hint: 'README, task 1: count each replica once, answer in the call that brings the R-th or W-th answer, fail at the timeoutTicks-th tick, and ignore whatever arrives for a request that has its reply.',
    },
    (t) => {
      const mod = suite.impl();
      t.check(fc.property(caseArb((c) => ({ ...c, writeBack: false, sloppy: false })), (c) => drive(mod, c)), { numRuns: 150 });
    },
  );
});

suite.task(2, () => {
  suite.test(
    {
      points: 6,
      category: 'correctness',
      name: 'with writeBack, a get stores what it read and answers only once W home replicas hold it',
      clauses: ['QR-2.1', 'QR-1.2', 'QR-1.8'],
      hint: 'README, QR-2.1: after the read phase, a store phase of the newest item; the replicas that answered with that very version already hold it.',
    },
    (t) => {
      const mod = suite.impl();
      t.check(fc.property(caseArb((c) => ({ ...c, writeBack: true, sloppy: false })), (c) => drive(mod, c)), { numRuns: 120 });
    },
  );
});

suite.task(3, () => {
  suite.test(
    {
      points: 10,
      category: 'correctness',
      name: 'in sloppy mode, a store phase short of W hands hints to the next fallbacks at its second tick, and hints go home at every tick until acknowledged',
      clauses: ['QR-3.1', 'QR-3.2', 'QR-3.3', 'QR-1.2', 'QR-1.8'],
      hint: 'README, QR-3.1 to QR-3.3: count ticks per store phase; pair each home that has not acknowledged with the next unused fallback; a fallback’s ack counts for its home.',
    },
    (t) => {
      const mod = suite.impl();
      t.check(fc.property(caseArb((c) => ({ ...c, sloppy: true }), fc.integer({ min: 2, max: 5 })), (c) => drive(mod, c)), { numRuns: 150 });
      t.check(fc.property(hintCaseArb, (c) => drive(mod, c)), { numRuns: 100 });
    },
  );
});
