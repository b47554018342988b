/**
 * How many Raft fault scenarios the reference solution gets through per wall
 * second: the same three scenario families as the hidden suite (elections
 * under network faults; replication under network faults; crashes), drawn
 * from the same generators, with the Figure 3 invariants checked after every
 * event. Reports scenarios per second, simulated seconds per wall second and
 * events per second, per family and in total.
 *
 *   npx tsx grading/bench/raft.ts [RUNS_PER_FAMILY=500] [SEED=1]
 */
import fc from 'fast-check';
import { RaftNode } from '../../solutions/raft/raft';
import { parseOrExit } from '../args';
import { commands } from '../commands';
import { SCENARIOS, runCluster, scenarioArb } from '../suites/raft/cluster';

const { counts } = parseOrExit(commands.benchRaft, "Raft fault scenarios per second on the reference: RUNS_PER_FAMILY scenarios of each family (default 500), drawn with fast-check's SEED (default 1).");
const runs = counts.RUNS_PER_FAMILY!;
const seed = counts.SEED!;
const module = { RaftNode } as unknown as Parameters<typeof runCluster>[0];

let totalScenarios = 0;
let totalWall = 0;
let totalSimulated = 0;
for (const [family, { options }] of Object.entries(SCENARIOS)) {
  const scenarios = fc.sample(scenarioArb(options), { numRuns: runs, seed });
  let simulatedMs = 0;
  let events = 0;
  let committed = 0;
  let faults = 0;
  const started = performance.now();
  for (const scenario of scenarios) {
    const { result, checker } = runCluster(module, scenario.seed, scenario);
    simulatedMs += result.endMs;
    events += result.stats.events;
    committed += checker.committedCount;
    faults += result.faultsFired;
  }
  const wall = (performance.now() - started) / 1000;
  totalScenarios += scenarios.length;
  totalWall += wall;
  totalSimulated += simulatedMs / 1000;
  console.log(
    `${family.padEnd(8)} ${scenarios.length} scenarios in ${wall.toFixed(2)} s: ${(scenarios.length / wall).toFixed(0)} scenarios/s, ` +
      `${(simulatedMs / 1000 / wall).toFixed(0)}× real time, ${(events / wall / 1000).toFixed(0)}k events/s ` +
      `(${(simulatedMs / 1000 / scenarios.length).toFixed(1)} simulated s and ${(events / scenarios.length).toFixed(0)} events per scenario; ${committed} entries committed; ${faults} fault effects)`,
  );
}
console.log(`total    ${totalScenarios} scenarios in ${totalWall.toFixed(2)} s: ${(totalScenarios / totalWall).toFixed(0)} scenarios/s, ${(totalSimulated / totalWall).toFixed(0)}× real time`);
