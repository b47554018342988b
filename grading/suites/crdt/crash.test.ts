/**
 * Task 4: a crash before every storage call of a node's life, from an empty
 * disk, trying every outcome the disk's crash model allows; then crashes and
 * restarts on the simulator, where every dot any node mints is watched.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { Rng, SimStorage, simulate, type NodeContext, type Storage } from '../../../harness';
import { crashOutcomes, recordCrashPoints } from '../../../harness/storage';
import type { OrSetState, SetOp } from '../../../exercises/crdt/types';
import { appliedDelta, clusterSpec, contextDots, scenarioArb, Watcher } from './cluster';
import { below, dotKey, ModelSet, showSet } from './model';
import { ELEMENTS, gossipSuite, type GossipNodeLike } from './support';

type Message = import('@impl/crdt/gossip').GossipMessage;
type Output = import('@impl/crdt/gossip').GossipOutput;

const suite = gossipSuite();

const ID = 'constructor';

function context(storage: Storage): NodeContext<Message, Output> {
  return { id: ID, peers: ['p', ''], rng: new Rng(3), clock: { now: () => 0 }, monotonic: { now: () => 0 }, storage, send: () => undefined, emit: () => undefined };
}

/** What the node's life holds: its own operations, ticks, and whole states from a peer whose adds it then removes. */
type Event = { readonly op: SetOp } | { readonly tick: true } | { readonly peer: string };
const eventArb = fc.oneof(
  { weight: 4, arbitrary: fc.record({ add: fc.boolean(), element: fc.constantFrom(...ELEMENTS.slice(0, 4)) }).map(({ add, element }): Event => ({ op: add ? { add: element } : { remove: element } })) },
  { weight: 1, arbitrary: fc.constant<Event>({ tick: true }) },
  { weight: 1, arbitrary: fc.constantFrom(...ELEMENTS.slice(0, 4)).map((peer): Event => ({ peer })) },
);

interface Remembered {
  /** The join of the deltas of every apply that returned. */
  readonly applied: OrSetState;
  /** Every dot of an apply that returned, or of a peer's state the node was sent. */
  readonly seen: ReadonlySet<string>;
}

suite.task(4, () => {
  suite.test(
    {
      points: 8,
      category: 'faults',
      name: 'after a crash before any storage call, the restarted node holds every apply that returned and mints only new dots',
      clauses: ['CRDT-4.1', 'CRDT-4.2'],
      hint: 'README, task 4: make the state durable before apply returns (a .tmp file, sync, rename, syncDirectory), and read it back when the node is built.',
      deadlineMs: 30_000,
    },
    (t) => {
      const { GossipNode } = suite.impl();
      t.check(
        fc.property(fc.array(eventArb, { minLength: 1, maxLength: 14 }), (events) => {
          // A peer of the learner's own making: its states reach the node in the learner's own messages.
          const fromPeer: { to: string; message: Message }[] = [];
          const held: { to: string; message: Message }[] = [];
          const peer = new GossipNode({ ...context(new SimStorage()), id: 'p', peers: [ID], send: (to, message) => fromPeer.push({ to, message: structuredClone(message) }) });
          const applied = new ModelSet('');
          const seen = new Set<string>();
          let node: GossipNodeLike | undefined;
          const { points, error } = recordCrashPoints(
            new SimStorage(),
            (storage) => {
              node = new GossipNode(context(storage));
              for (const event of events) {
                if ('tick' in event) node.tick();
                else if ('peer' in event) {
                  // The peer adds twice; the second add's message arrives now, the first's only at the next peer event,
                  // so the node's context has a gap in between: a cloud dot, which a restart must keep.
                  const late = held.splice(0);
                  peer.apply({ add: `${event.peer} late` });
                  peer.tick();
                  held.push(...fromPeer.splice(0));
                  peer.apply({ add: event.peer });
                  peer.tick();
                  for (const { message } of [...fromPeer.splice(0), ...late]) node.step('p', message);
                  for (const d of contextDots(peer.state())) seen.add(dotKey(d));
                } else {
                  const before = node.state();
                  node.apply(event.op);
                  const after = node.state();
                  applied.joinState(appliedDelta(event.op, before, after));
                  for (const d of contextDots(after)) seen.add(dotKey(d));
                }
              }
            },
            // A dot minted by an apply still under way never left the node: a restart may mint it again.
            (): Remembered => ({ applied: applied.state(), seen: new Set(seen) }),
          );
          if (error !== undefined) throw error;
          for (const point of points) {
            for (const outcome of crashOutcomes(point.disk, { limit: 60, seed: point.index })) {
              const where = `a crash before storage call ${point.index + 1} (${point.call}; before it: ${point.recent.join(', ') || 'nothing'})\n${outcome.description}`;
              const restarted = new GossipNode(context(outcome.disk));
              const state = restarted.state();
              if (!below(point.state.applied, state)) {
                expect.fail(`${where}:\nthe restarted node lost an apply that had returned (CRDT-4.1)\n  it holds    ${showSet(state)}\n  it applied  ${showSet(point.state.applied)}`);
              }
              restarted.apply({ add: 'after the crash' });
              const minted = restarted.state().entries.get('after the crash') ?? [];
              expect(minted.length, `${where}:\nthe dots of the add after the restart`).toBe(1);
              if (point.state.seen.has(dotKey(minted[0]!))) expect.fail(`${where}:\nthe restarted node minted ${dotKey(minted[0]!)}, a dot it had already seen before the crash (CRDT-4.2)`);
            }
          }
        }),
        { numRuns: 25 },
      );
    },
  );

  suite.test(
    {
      points: 7,
      category: 'faults',
      name: 'on a cluster whose nodes crash and restart, no dot is minted twice, no apply is lost, and every node converges',
      clauses: ['CRDT-4.1', 'CRDT-4.2', 'CRDT-3.5', 'CRDT-3.3'],
      hint: 'README, task 4: the next counter must come from the durable state, which holds every dot this replica minted.',
      deadlineMs: 30_000,
    },
    (t) => {
      const mod = suite.impl();
      t.check(
        fc.property(scenarioArb(['crash', 'crash', 'partition', 'degrade'], fc.integer({ min: 1, max: 4 })), fc.integer({ min: 0, max: 0xffffffff }), (scenario, seed) => {
          simulate(seed, clusterSpec(mod, scenario, new Watcher()));
        }),
        { numRuns: 25 },
      );
    },
  );
});
