/**
 * How much faster than real time the simulator runs: 5 nodes, each sending a
 * message to a random peer on every tick (100 ms) and answering every message
 * it receives, over a lossy, duplicating, reordering network with a partition,
 * a crash and a clock jump every few seconds. Reports simulated seconds per
 * wall second and events per wall second, over several seeds.
 *
 *   npx tsx grading/bench/sim-speed.ts [SIMULATED_SECONDS=600] [SEEDS=5]
 */
import { simulate, type FaultPlan, type NodeContext, type ProtocolNode } from '../../harness';
import { parseOrExit } from '../args';
import { commands } from '../commands';

type Message = { readonly type: 'ping' | 'pong'; readonly n: number };

class Chatter implements ProtocolNode<Message> {
  #n = 0;
  constructor(private readonly ctx: NodeContext<Message, number>) {}
  tick(): void {
    const to = this.ctx.peers[this.ctx.rng.int(0, this.ctx.peers.length - 1)]!;
    this.ctx.send(to, { type: 'ping', n: ++this.#n });
  }
  step(from: string, message: Message): void {
    if (message.type === 'ping') this.ctx.send(from, { type: 'pong', n: message.n });
    else this.ctx.emit(message.n);
  }
}

const { counts } = parseOrExit(commands.benchSimSpeed, 'Simulated seconds per wall second: SIMULATED_SECONDS per run (default 600), over SEEDS seeds (default 5).');
const seconds = counts.SIMULATED_SECONDS!;
const seeds = counts.SEEDS!;
const nodes = ['n1', 'n2', 'n3', 'n4', 'n5'];
const faults: FaultPlan = Array.from({ length: Math.floor(seconds / 5) }, (_, i) => {
  const at = i * 5000;
  const node = nodes[i % nodes.length]!;
  return [
    { atMs: at + 1000, fault: { type: 'partition' as const, groups: [[node], nodes.filter((n) => n !== node)], durationMs: 1500 } },
    { atMs: at + 3000, fault: { type: 'crash' as const, node, downMs: 800 } },
    { atMs: at + 4000, fault: { type: 'clock-jump' as const, node, byMs: -2000 } },
  ];
}).flat();

console.log(`5 nodes, ${seconds} simulated seconds per run, tick 100 ms, loss 5 %, duplicate 2 %, reorder 5 %, ${faults.length} scheduled faults`);
const rates: number[] = [];
for (let seed = 1; seed <= seeds; seed++) {
  const started = performance.now();
  const result = simulate(seed, {
    nodes,
    create: (ctx: NodeContext<Message, number>) => new Chatter(ctx),
    durationMs: seconds * 1000,
    link: { loss: 0.05, duplicate: 0.02, reorder: 0.05, delay: { kind: 'uniform', minMs: 1, maxMs: 20 } },
    faults,
  });
  const wall = (performance.now() - started) / 1000;
  const speedup = seconds / wall;
  rates.push(speedup);
  console.log(
    `seed ${seed}: ${wall.toFixed(2)} s wall, ${speedup.toFixed(0)}× real time, ${(result.stats.events / wall / 1000).toFixed(0)}k events/s ` +
      `(${result.stats.events} events: ${result.stats.sent} sent, ${result.stats.delivered} delivered, ${result.stats.lost} lost, ${result.stats.crashes} crashes)`,
  );
}
rates.sort((a, b) => a - b);
console.log(`median ${rates[Math.floor(rates.length / 2)]!.toFixed(0)}× real time`);
