/**
 * The stability patterns: how many decisions each reference piece makes per
 * wall second, and what the suite's scenarios measure with the reference and
 * with the mistakes the patterns exist to prevent.
 *
 * - Decisions per second: backoffMs (full jitter), Retrier (a begin and a
 *   retryable next per call), CircuitBreaker (a tryAcquire and a report),
 *   LoadShedder (an offer and a done), each over OPS operations, median of
 *   RUNS.
 * - The herd (grading/suites/stability/herd.ts): 30 clients through a 2 s
 *   outage of a dependency that then serves 5 at a time, with full jitter and
 *   with none, seeds 1 to 5: the peak calls per 100 ms after recovery, and the
 *   first success.
 * - Stacked retries: 200 requests through three layers that each try 4
 *   times over a dependency that always fails, with a 10 % budget and with
 *   none (a budget too large to bind).
 * - Overload: 4 slots of 100 ms offered 80 requests a second for 10 s, each
 *   waiting 300 ms: goodput with the reference shedder (queue of 8) and with
 *   a plain first-in-first-out queue that never sheds, seeds 1 to 5.
 *
 *   npx tsx grading/bench/stability.ts [OPS=200000] [RUNS=3]
 */
import { parseOrExit } from '../args';
import { commands } from '../commands';
import { backoffMs } from '../../solutions/stability/backoff';
import { Retrier } from '../../solutions/stability/retrier';
import { CircuitBreaker } from '../../solutions/stability/circuit-breaker';
import { LoadShedder } from '../../solutions/stability/load-shedder';
import { herd } from '../suites/stability/herd';
import { overload, stackedRetries, type OverloadResult, type ShedderLike } from '../suites/stability/scenarios';
import { HandClocks, ScriptedRandom } from '../suites/stability/clocks';

const { counts } = parseOrExit(
  commands.benchStability,
  'Decisions per wall second of each reference stability piece over OPS operations (default 200000), median of RUNS (default 3); then the herd, stacked-retry and overload scenarios with the reference and with the mistakes.',
);
const ops = counts.OPS!;
const runs = counts.RUNS!;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Operations per wall second of `work` (which does `ops` of them), median of `runs` after one warm-up. */
function rate(work: () => void): number {
  work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    work();
    times.push(performance.now() - started);
  }
  return ops / (median(times) / 1000);
}

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US').replace(/,/g, ' ');

const rates = {
  backoff: rate(() => {
    const random = new ScriptedRandom();
    for (let i = 0; i < ops; i++) backoffMs((i % 40) + 1, { baseMs: 100, capMs: 30_000, jitter: 'full' }, random);
  }),
  retrier: rate(() => {
    const clocks = new HandClocks();
    const retrier = new Retrier({ maxAttempts: 3, deadlineMs: 10_000, budget: { ratio: 0.1, minRetriesPerSecond: 10, windowMs: 1000 }, backoff: { baseMs: 10, capMs: 1000, jitter: 'full' }, clocks, random: new ScriptedRandom() });
    for (let i = 0; i < ops / 2; i++) {
      retrier.begin().next('retryable');
      clocks.advance(1);
    }
  }),
  breaker: rate(() => {
    const clocks = new HandClocks();
    const breaker = new CircuitBreaker({ failureRateThreshold: 0.5, minimumCalls: 20, windowMs: 1000, openMs: 500, halfOpenMaxCalls: 3, halfOpenSuccessesToClose: 3, clocks });
    for (let i = 0; i < ops / 2; i++) {
      const permit = breaker.tryAcquire();
      if (permit !== 'rejected') {
        if (i % 3 === 0) permit.failure();
        else permit.success();
      }
      clocks.advance(1);
    }
  }),
  shedder: rate(() => {
    const clocks = new HandClocks();
    const shedder = new LoadShedder({ maxConcurrency: 8, maxQueue: 32, clocks });
    const running: string[] = [];
    for (let i = 0; i < ops / 2; i++) {
      const answer = shedder.offer({ id: `r${i}`, priority: i % 5 === 0 ? 'critical' : 'normal', deadlineMs: clocks.t + 50 });
      running.push(...answer.started);
      if (running.length > 0 && i % 2 === 0) running.push(...shedder.done(running.shift()!).started);
      clocks.advance(1);
    }
  }),
};
process.stdout.write(
  `decisions per wall second (median of ${runs}, ${fmt(ops)} operations): backoffMs ${fmt(rates.backoff)}, Retrier ${fmt(rates.retrier)}, CircuitBreaker ${fmt(rates.breaker)}, LoadShedder ${fmt(rates.shedder)}\n`,
);

const seeds = [1, 2, 3, 4, 5];
const herdOptions = { clients: 30, recoverAtMs: 2000, capacity: 5, durationMs: 20_000 };
for (const jitter of ['full', 'none'] as const) {
  const results = seeds.map((seed) => herd(seed, Retrier, jitter, herdOptions));
  process.stdout.write(
    `herd, ${jitter === 'full' ? 'full jitter' : 'no jitter  '}: peak after recovery ${results.map((r) => r.peakAfterRecovery).join(', ')} calls per 100 ms; first success at ${results.map((r) => Math.round(r.firstSuccessMs)).join(', ')} ms (seeds 1–5)\n`,
  );
}

for (const [label, ratio, minRetriesPerSecond] of [['10 % budget', 0.1, 0], ['no budget  ', 1000, 1e6]] as const) {
  const clocks = new HandClocks();
  const layer = (): Retrier => new Retrier({ maxAttempts: 4, deadlineMs: 1e9, budget: { ratio, minRetriesPerSecond, windowMs: 1e9 }, backoff: { baseMs: 1, capMs: 10, jitter: 'full' }, clocks, random: new ScriptedRandom() });
  const { bottomCalls, attempts } = stackedRetries([layer(), layer(), layer()], clocks, 200, 5);
  process.stdout.write(`stacked retries, ${label}: 200 requests → attempts per layer ${attempts.join(', ')}; ${bottomCalls} calls reach the dependency (${(bottomCalls / 200).toFixed(2)} per request)\n`);
}

/** The server without a shedder: one first-in-first-out queue, every request served in turn, late or not. */
function plainQueue(slots: number): ShedderLike {
  const queue: string[] = [];
  let busy = 0;
  return {
    offer: (request) => {
      if (busy < slots) {
        busy++;
        return { started: [request.id], shed: [] };
      }
      queue.push(request.id);
      return { started: [], shed: [] };
    },
    done: () => {
      const next = queue.shift();
      if (next === undefined) busy--;
      return { started: next === undefined ? [] : [next], shed: [] };
    },
  };
}

const overloadOptions = { slots: 4, serviceMs: 100, load: 2, patienceMs: 300, durationMs: 10_000 };
const total = (r: OverloadResult): number => r.goodput.critical + r.goodput.normal + r.goodput.sheddable;
for (const [label, make] of [
  ['the reference, queue of 8', (clocks: HandClocks): ShedderLike => new LoadShedder({ maxConcurrency: 4, maxQueue: 8, clocks })],
  ['a plain FIFO queue       ', (): ShedderLike => plainQueue(4)],
] as const) {
  const results = seeds.map((seed) => {
    const clocks = new HandClocks();
    return overload(make(clocks), clocks, seed, overloadOptions);
  });
  const critical = results.map((r) => `${r.goodput.critical}/${r.offeredBy.critical}`);
  process.stdout.write(
    `overload, ${label}: goodput ${results.map(total).join(', ')} of ${results.map((r) => r.offered).join(', ')} offered (capacity 400); critical in time ${critical.join(', ')} (seeds 1–5)\n`,
  );
}
