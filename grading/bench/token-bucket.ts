/**
 * How fast the reference token bucket decides: operations per second of
 * TokenBucket.tryTake on one bucket, and of KeyedLimiter.tryTake with a new
 * key on every call (buckets created, swept and forgotten as operations go
 * on) and with one hot key. The clock is a fake one the loop advances by 1 µs
 * per call, so refills, refusals and evictions all happen as they would under
 * a steady load of a million requests per second. Each scenario runs once to
 * warm up, then RUNS timed runs of OPS calls; the median is reported.
 *
 *   npx tsx grading/bench/token-bucket.ts [OPS=1000000] [RUNS=5]
 */
import { TokenBucket } from '../../solutions/token-bucket/token-bucket';
import { parseOrExit } from '../args';
import { commands } from '../commands';
import { KeyedLimiter } from '../../solutions/token-bucket/keyed-limiter';

const { counts } = parseOrExit(commands.benchTokenBucket, 'Decisions per second of the reference token bucket and keyed limiter: OPS calls per run (default 1000000), the median of RUNS runs (default 5).');
const ops = counts.OPS!;
const runs = counts.RUNS!;
const STEP_MS = 0.001;

class FakeClock {
  t = 1_700_000_000_000;
  now(): number {
    return this.t;
  }
}

/** One timed run: calls `op(i)` for i in [0, ops), advancing the clock before each; returns calls/s and how many were allowed. */
type Scenario = (clock: FakeClock) => { readonly op: (i: number) => boolean; readonly after: () => string };

function measure(scenario: Scenario): { rate: number; allowed: number; note: string } {
  const clock = new FakeClock();
  const { op, after } = scenario(clock);
  let allowed = 0;
  const started = performance.now();
  for (let i = 0; i < ops; i++) {
    clock.t += STEP_MS;
    if (op(i)) allowed++;
  }
  const seconds = (performance.now() - started) / 1000;
  return { rate: ops / seconds, allowed, note: after() };
}

// Distinct keys are built once, outside the timed loop: the benchmark measures the limiter, not string concatenation.
const distinctKeys = Array.from({ length: ops }, (_, i) => `client-${i}`);

const options = (clock: FakeClock) => ({ capacity: 10, refillPerSecond: 100, clock });

const scenarios: Record<string, Scenario> = {
  'TokenBucket.tryTake, one bucket': (clock) => {
    const bucket = new TokenBucket(options(clock));
    return { op: () => bucket.tryTake(), after: () => '' };
  },
  'KeyedLimiter.tryTake, a new key every call': (clock) => {
    const limiter = new KeyedLimiter(options(clock));
    return { op: (i) => limiter.tryTake(distinctKeys[i]!), after: () => `, ${limiter.size} buckets held at the end` };
  },
  'KeyedLimiter.tryTake, one hot key': (clock) => {
    const limiter = new KeyedLimiter(options(clock));
    return { op: () => limiter.tryTake('hot'), after: () => `, ${limiter.size} bucket(s) held at the end` };
  },
};

const format = (rate: number): string => `${(rate / 1e6).toFixed(2)} M ops/s`;

console.log(
  `${ops} calls per run, ${runs} runs after one warm-up, clock +${STEP_MS * 1000} µs per call; ` +
    `capacity 10, refill 100/s (Node ${process.version})`,
);
for (const [name, scenario] of Object.entries(scenarios)) {
  measure(scenario); // warm-up: let the JIT settle before timing
  const results = Array.from({ length: runs }, () => measure(scenario));
  const rates = results.map((r) => r.rate).sort((a, b) => a - b);
  const last = results[results.length - 1]!;
  console.log(
    `${name.padEnd(44)} median ${format(rates[Math.floor(rates.length / 2)]!)} ` +
      `(min ${format(rates[0]!)}, max ${format(rates[rates.length - 1]!)}); ${last.allowed} of ${ops} allowed${last.note}`,
  );
}
