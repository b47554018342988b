/**
 * How fast the reference OR-set merges, and what delta gossip saves on the
 * wire.
 *
 * Merges: five replicas of a set of ELEMENTS elements, each with a few
 * hundred operations of its own the others have not seen (adds, re-adds,
 * removes), so every merge has dots to keep, drop and add. A full merge joins
 * one replica's whole state into another's copy; a delta merge joins the
 * delta of one add. Each runs once to warm up, then RUNS times; the median is
 * reported.
 *
 * Bytes: five reference gossip nodes on the simulator, 2 000 adds and removes
 * over 60 s of virtual time on a network that loses nothing, with the set
 * growing to about 1 000 elements. Every message is measured as the
 * simulator copies it (v8's structured-clone serialization). Beside each
 * delta message, the bytes the node's whole state would have taken in its
 * place: what gossiping whole states at every tick with news would cost.
 *
 *   npx tsx grading/bench/crdt.ts [ELEMENTS=10000] [RUNS=5]
 */
import { serialize } from 'node:v8';
import { simulate, type NodeContext } from '../../harness';
import { GossipNode, type GossipMessage, type GossipOutput } from '../../solutions/crdt/gossip';
import { OrSet } from '../../solutions/crdt/or-set';
import type { OrSetState } from '../../solutions/crdt/types';
import { parseOrExit } from '../args';
import { commands } from '../commands';

const { counts } = parseOrExit(
  commands.benchCrdt,
  'Merges per second of the reference OR-set of ELEMENTS elements (default 10000) across 5 replicas, the median of RUNS runs (default 5); then bytes per operation of delta gossip against whole-state gossip.',
);
const elements = counts.ELEMENTS!;
const runs = counts.RUNS!;

function median(measure: () => number): number {
  measure();
  const values = Array.from({ length: runs }, measure).sort((a, b) => a - b);
  return values[Math.floor(values.length / 2)]!;
}
const k = (x: number): string => (x >= 1e6 ? `${(x / 1e6).toFixed(2)} M` : x >= 1e3 ? `${(x / 1e3).toFixed(1)} k` : x.toFixed(0));

// Five replicas that share ELEMENTS elements, then each goes its own way for a while.
const ids = ['r1', 'r2', 'r3', 'r4', 'r5'];
const replicas = ids.map((id) => new OrSet(id));
for (let i = 0; i < elements; i++) replicas[i % ids.length]!.add(`e${i}`);
for (const r of replicas) for (const other of replicas) if (other !== r) r.merge(other.state());
replicas.forEach((r, j) => {
  for (let i = 0; i < 300; i++) {
    const e = `e${(i * 37 + j * 101) % elements}`;
    if (i % 3 === 0) r.remove(e);
    else r.add(i % 3 === 1 ? e : `new-${j}-${i}`);
  }
});
const states = replicas.map((r) => r.state());

console.log(`OR-set of ${elements} elements across ${ids.length} replicas, ${runs} runs after one warm-up (Node ${process.version})`);
const full = median(() => {
  const copies = states.map((s, j) => {
    const r = new OrSet(ids[j]!);
    r.merge(s);
    return r;
  });
  const started = performance.now();
  let merges = 0;
  for (const [j, r] of copies.entries()) {
    for (const [i, s] of states.entries()) {
      if (i === j) continue;
      r.merge(s);
      merges++;
    }
  }
  return merges / ((performance.now() - started) / 1000);
});
console.log(`  full-state merges: ${k(full)}/s (each joins one replica's whole state into another's)`);
const delta = median(() => {
  const r = new OrSet('r1');
  r.merge(states[0]!);
  const source = new OrSet('r9');
  source.merge(states[1]!);
  const deltas: OrSetState[] = Array.from({ length: 2000 }, (_, i) => source.add(`d${i}`));
  const started = performance.now();
  for (const d of deltas) r.merge(d);
  return deltas.length / ((performance.now() - started) / 1000);
});
console.log(`  delta merges:      ${k(delta)}/s (each joins the delta of one add)`);

// Bytes on the wire.
const sizes = { delta: 0, deltaMessages: 0, state: 0, stateMessages: 0, instead: 0 };
const ops = 2000;
const nodes = ['n1', 'n2', 'n3', 'n4', 'n5'];
const workload = Array.from({ length: ops }, (_, i) => ({
  atMs: Math.floor((i * 58_000) / ops),
  node: nodes[i % nodes.length]!,
  op: i % 4 === 3 ? { remove: `e${(i * 7) % (i + 1)}` } : { add: `e${i}` },
}));
const run = simulate(1, {
  nodes,
  durationMs: 60_000,
  link: { loss: 0, duplicate: 0, reorder: 0 },
  create: (ctx: NodeContext<GossipMessage, GossipOutput>) => {
    let node: GossipNode | undefined = undefined;
    const measured: NodeContext<GossipMessage, GossipOutput> = {
      id: ctx.id,
      peers: ctx.peers,
      rng: ctx.rng,
      clock: ctx.clock,
      monotonic: ctx.monotonic,
      storage: ctx.storage,
      emit: (o) => ctx.emit(o),
      send: (to, message) => {
        const bytes = serialize(message).length;
        if (message.kind === 'delta') {
          sizes.delta += bytes;
          sizes.deltaMessages++;
          sizes.instead += serialize({ kind: 'state', state: node!.state() }).length;
        } else {
          sizes.state += bytes;
          sizes.stateMessages++;
        }
        ctx.send(to, message);
      },
    };
    node = new GossipNode(measured);
    return node;
  },
  workload,
  invoke: (node, op) => node.apply(op),
});
const perOp = (bytes: number) => `${k(bytes / ops)} B/op`;
console.log(`gossip, ${nodes.length} nodes, ${ops} operations over ${run.endMs / 1000} s of virtual time, ${run.stats.sent} messages:`);
console.log(`  deltas:                      ${perOp(sizes.delta)} (${sizes.deltaMessages} messages, ${k(sizes.delta / sizes.deltaMessages)} B each)`);
console.log(`  the whole state every 10 ticks: ${perOp(sizes.state)} (${sizes.stateMessages} messages)`);
console.log(`  whole states in place of the deltas: ${perOp(sizes.instead)}, ${(sizes.instead / sizes.delta).toFixed(0)} times the deltas`);
