/**
 * Task 2: the Retrier against the model, call by call: many calls at once,
 * every outcome, clocks from any origin moving by nothing, a little, exactly
 * a window or a deadline, and a wall clock jumping hours either way; the
 * caller changing its options after construction; every bad argument.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { expectRangeError } from '../../../harness/suite/expect-error';
import { closeEnough, RetrierModel, type ModelDecision, type RetrierSettings, type RetryOutcome } from './model';
import { claim, herd } from './herd';
import { stackedRetries } from './scenarios';
import { HandClocks, ORIGINS, ScriptedRandom, WALL_JUMPS, retrierSuite, type RetrierModule } from './support';

const suite = retrierSuite();

type RetryOptions = ConstructorParameters<RetrierModule['Retrier']>[0];

const settingsArb: fc.Arbitrary<RetrierSettings> = fc.record({
  maxAttempts: fc.oneof(fc.integer({ min: 1, max: 6 }), fc.constant(1000)),
  deadlineMs: fc.oneof(fc.constantFrom(1, 50, 400, 1000, 5000, 1e9), fc.integer({ min: 1, max: 3000 })),
  ratio: fc.constantFrom(0, 0.1, 0.125, 0.2, 0.5, 1, 3),
  minRetriesPerSecond: fc.constantFrom(0, 0, 0.5, 1, 4, 10, 1000),
  windowMs: fc.constantFrom(1, 100, 1000, 2500, 10_000),
  backoff: fc.record({
    baseMs: fc.constantFrom(1, 10, 100),
    capMs: fc.constantFrom(100, 1000, 30_000),
    jitter: fc.constantFrom('none' as const, 'full' as const, 'equal' as const, 'decorrelated' as const),
  }),
});

type Step =
  | { readonly op: 'begin' }
  | { readonly op: 'next'; readonly call: number; readonly outcome: RetryOutcome }
  | { readonly op: 'advance'; readonly ms: number }
  | { readonly op: 'jump'; readonly ms: number };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 3, arbitrary: fc.constant({ op: 'begin' as const }) },
  {
    weight: 8,
    arbitrary: fc.record({
      op: fc.constant('next' as const),
      call: fc.nat({ max: 50 }),
      outcome: fc.oneof({ weight: 6, arbitrary: fc.constant('retryable' as const) }, { weight: 1, arbitrary: fc.constant('ok' as const) }, { weight: 1, arbitrary: fc.constant('fatal' as const) }),
    }),
  },
  { weight: 4, arbitrary: fc.record({ op: fc.constant('advance' as const), ms: fc.oneof(fc.constantFrom(0, 1, 10, 100, 1000, 2500), fc.integer({ min: 0, max: 3000 })) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('jump' as const), ms: fc.constantFrom(...WALL_JUMPS) }) },
);

const options = (s: RetrierSettings, clocks: HandClocks, random: ScriptedRandom): RetryOptions => ({
  maxAttempts: s.maxAttempts,
  deadlineMs: s.deadlineMs,
  budget: { ratio: s.ratio, minRetriesPerSecond: s.minRetriesPerSecond, windowMs: s.windowMs },
  backoff: { ...s.backoff },
  clocks,
  random,
});

/** The caller reuses its options object for something else: every field changes. */
function scribble(o: RetryOptions): void {
  const loose = o as unknown as Record<string, unknown> & { budget: Record<string, unknown>; backoff: Record<string, unknown> };
  loose.maxAttempts = 1;
  loose.deadlineMs = 0.5;
  loose.budget.ratio = 0;
  loose.budget.minRetriesPerSecond = 0;
  loose.budget.windowMs = 1e9;
  loose.backoff.baseMs = 7777;
  loose.backoff.capMs = 7777;
  loose.backoff.jitter = 'none';
  loose.clocks = { wall: { now: () => 0 }, monotonic: { now: () => 0 } };
  loose.random = { next: () => 0.999 };
}

function sameDecision(got: unknown, want: ModelDecision, where: string): void {
  if (want.kind !== 'retry') {
    expect(got, where).toEqual(want);
    return;
  }
  expect(got, where).toMatchObject({ kind: 'retry', attempt: want.attempt });
  const retry = got as { delayMs: number; atMs: number };
  expect(Object.keys(got as object).sort(), `${where}: a retry decision has exactly kind, attempt, delayMs and atMs`).toEqual(['atMs', 'attempt', 'delayMs', 'kind']);
  expect(closeEnough(retry.delayMs, want.delayMs), `${where}: delayMs ${retry.delayMs}, but the backoff gives ${want.delayMs}`).toBe(true);
  expect(closeEnough(retry.atMs, want.atMs), `${where}: atMs ${retry.atMs}, but now + delay is ${want.atMs}`).toBe(true);
}

suite.task(2, () => {
  suite.test(
    {
      points: 10,
      category: 'correctness',
      name: "a retrier's decisions are exactly the model's for every sequence of calls, outcomes and clock moves",
      hint: 'README, task 2: the checks go fatal, attempts, then the delay and the deadline, then the budget over (now − windowMs, now].',
      clauses: ['SP-2.2', 'SP-2.3', 'SP-2.4', 'SP-2.5', 'SP-2.6', 'SP-2.7', 'SP-2.9', 'SP-0.2', 'SP-0.3', 'SP-0.4'],
      deadlineMs: 10_000,
    },
    (t) => {
      const { Retrier } = suite.impl();
      t.check(
        fc.property(
          settingsArb,
          fc.constantFrom(...ORIGINS),
          fc.array(fc.double({ min: 0, max: 1 - 2 ** -53, noNaN: true }), { maxLength: 60 }),
          fc.array(stepArb, { minLength: 1, maxLength: 60, size: 'max' }),
          fc.boolean(),
          (settings, origin, draws, steps, changeOptions) => {
            const clocks = new HandClocks(origin);
            const random = new ScriptedRandom(draws);
            const given = options(settings, clocks, random);
            const retrier = new Retrier(given);
            if (changeOptions) scribble(given);
            const model = new RetrierModel(settings);
            // The model draws from its own copy of the same numbers: the two must have read as many.
            const modelRandom = new ScriptedRandom(draws);
            const draw = (): number => modelRandom.next();
            const calls: { real: ReturnType<typeof retrier.begin>; model: ReturnType<RetrierModel['begin']> }[] = [];
            const log: string[] = [];
            steps.forEach((step, i) => {
              const where = `step ${i} (${log.slice(-6).join('; ')}${log.length > 6 ? '; …' : ''})`;
              if (step.op === 'begin') {
                clocks.monotonicReads = 0;
                const real = retrier.begin();
                expect(clocks.monotonicReads, `${where}: begin() reads the monotonic clock once`).toBe(1);
                const mine = model.begin(clocks.t);
                calls.push({ real, model: mine });
                log.push(`begin() → call ${calls.length - 1} at ${clocks.t}`);
                expect(real.startedAtMs, `${where}: startedAtMs is the monotonic clock's reading`).toBe(mine.startedAtMs);
              } else if (step.op === 'advance') {
                clocks.advance(step.ms);
                log.push(`+${step.ms} ms`);
              } else if (step.op === 'jump') {
                clocks.jumpWall(step.ms);
                log.push(`wall clock jumps ${step.ms} ms`);
              } else if (calls.length > 0) {
                const index = step.call % calls.length;
                const call = calls[index]!;
                if (call.model.over) {
                  expect(() => call.real.next(step.outcome), `${where}: next('${step.outcome}') on call ${index}, which is over, throws`).toThrow(Error);
                  log.push(`call ${index}.next('${step.outcome}') → throws`);
                  return;
                }
                clocks.monotonicReads = 0;
                const got = call.real.next(step.outcome);
                const want = model.next(call.model, step.outcome, clocks.t, draw);
                expect(clocks.monotonicReads, `${where}: call ${index}.next('${step.outcome}') reads the monotonic clock at most once`).toBeLessThanOrEqual(1);
                log.push(`call ${index}.next('${step.outcome}') → ${JSON.stringify(want)}`);
                sameDecision(got, want, `${where}: call ${index}.next('${step.outcome}') at ${clocks.t}`);
                // The decision is the caller's: writing over it must change no later one (SP-0.4).
                try {
                  Object.assign(got, { kind: 'retry', attempt: -1, delayMs: -1, atMs: -1, reason: 'scribbled' });
                } catch {
                  // a frozen decision is the caller's too
                }
                expect(random.taken, `${where}: random.next() was read ${random.taken} times in all; the rules read it ${modelRandom.taken} times`).toBe(modelRandom.taken);
              }
            });
          },
        ),
        { numRuns: 400 },
      );
    },
  );

  suite.test(
    {
      points: 3,
      category: 'api',
      name: 'a retrier refuses each option out of range with a RangeError naming it, and accepts both ends',
      hint: 'README, task 2, SP-2.1: the doc comments of RetryOptions and RetryBudgetOptions give each range.',
      clauses: ['SP-2.1', 'SP-0.1'],
    },
    () => {
      const { Retrier } = suite.impl();
      const base = (): RetryOptions => ({
        maxAttempts: 3,
        deadlineMs: 1000,
        budget: { ratio: 0.1, minRetriesPerSecond: 1, windowMs: 1000 },
        backoff: { baseMs: 10, capMs: 100, jitter: 'full' },
        clocks: new HandClocks(),
        random: new ScriptedRandom(),
      });
      const bad: [string, string, (o: RetryOptions) => RetryOptions][] = [];
      for (const v of [0, -1, 1.5, Number.NaN, Infinity]) bad.push([`maxAttempts ${v}`, 'maxAttempts', (o) => ({ ...o, maxAttempts: v })]);
      for (const v of [0, -1, Number.NaN, Infinity]) bad.push([`deadlineMs ${v}`, 'deadlineMs', (o) => ({ ...o, deadlineMs: v })]);
      for (const v of [-0.1, Number.NaN, Infinity]) bad.push([`budget.ratio ${v}`, 'ratio', (o) => ({ ...o, budget: { ...o.budget, ratio: v } })]);
      for (const v of [-1, Number.NaN, Infinity]) bad.push([`budget.minRetriesPerSecond ${v}`, 'minRetriesPerSecond', (o) => ({ ...o, budget: { ...o.budget, minRetriesPerSecond: v } })]);
      for (const v of [0, -5, Number.NaN, Infinity]) bad.push([`budget.windowMs ${v}`, 'windowMs', (o) => ({ ...o, budget: { ...o.budget, windowMs: v } })]);
      for (const v of [0, Number.NaN]) bad.push([`backoff.baseMs ${v}`, 'baseMs', (o) => ({ ...o, backoff: { ...o.backoff, baseMs: v } })]);
      for (const v of [9, Infinity]) bad.push([`backoff.capMs ${v}`, 'capMs', (o) => ({ ...o, backoff: { ...o.backoff, capMs: v } })]);
      bad.push(['backoff.jitter "half"', 'jitter', (o) => ({ ...o, backoff: { ...o.backoff, jitter: 'half' as never } })]);
      for (const [what, name, change] of bad) expectRangeError(`new Retrier({ ${what} })`, () => new Retrier(change(base())), name);
      const ends: [string, (o: RetryOptions) => RetryOptions][] = [
        ['maxAttempts 1', (o) => ({ ...o, maxAttempts: 1 })],
        ['maxAttempts Number.MAX_SAFE_INTEGER', (o) => ({ ...o, maxAttempts: Number.MAX_SAFE_INTEGER })],
        ['deadlineMs Number.MIN_VALUE', (o) => ({ ...o, deadlineMs: Number.MIN_VALUE })],
        ['deadlineMs Number.MAX_VALUE', (o) => ({ ...o, deadlineMs: Number.MAX_VALUE })],
        ['ratio 0 and minRetriesPerSecond 0', (o) => ({ ...o, budget: { ...o.budget, ratio: 0, minRetriesPerSecond: 0 } })],
        ['ratio 1000', (o) => ({ ...o, budget: { ...o.budget, ratio: 1000 } })],
        ['windowMs Number.MIN_VALUE', (o) => ({ ...o, budget: { ...o.budget, windowMs: Number.MIN_VALUE } })],
        ['capMs equal to baseMs', (o) => ({ ...o, backoff: { ...o.backoff, capMs: 10 } })],
      ];
      for (const [what, change] of ends) expect(() => new Retrier(change(base())), `new Retrier({ ${what} }) is in range`).not.toThrow();
    },
  );

  suite.test(
    {
      points: 2,
      category: 'api',
      name: 'next after the last decision throws an Error, and a bad outcome a RangeError, and neither changes anything',
      hint: 'README, task 2, SP-2.9: a call is over after done or give-up; check the outcome before you count an attempt.',
      clauses: ['SP-2.9', 'SP-0.1'],
    },
    () => {
      const { Retrier } = suite.impl();
      const clocks = new HandClocks(5);
      const random = new ScriptedRandom([0.25, 0.25, 0.25]);
      const retrier = new Retrier({ maxAttempts: 3, deadlineMs: 10_000, budget: { ratio: 0, minRetriesPerSecond: 2, windowMs: 1000 }, backoff: { baseMs: 100, capMs: 1000, jitter: 'full' }, clocks, random });
      const call = retrier.begin();
      for (const outcome of ['OK', 'timeout', '', 'retry'] as never[]) expectRangeError(`next(${JSON.stringify(outcome)})`, () => call.next(outcome), 'outcome');
      expect(random.taken, 'a refused outcome reads nothing from random').toBe(0);
      // The bad outcomes counted no attempt: the first real one is attempt 1, retried as attempt 2 after 0.25 × 100 ms.
      expect(call.next('retryable'), 'the first real report, after four refused ones').toEqual({ kind: 'retry', attempt: 2, delayMs: 25, atMs: 30 });
      expect(call.next('ok')).toEqual({ kind: 'done' });
      for (const outcome of ['ok', 'retryable', 'fatal'] as const) expect(() => call.next(outcome), `next('${outcome}') after done`).toThrow(Error);
      expectRangeError("next('OK') after done: the outcome is checked first", () => call.next('OK' as never), 'outcome');
      // The finished call spent none of the budget again: a second call still has its one retry of the reserve (2/s × 1 s = 2).
      const second = retrier.begin();
      expect(second.next('retryable'), 'the budget after the refused calls').toMatchObject({ kind: 'retry', attempt: 2 });
      expect(second.next('retryable'), 'the third retry in the window is over the reserve of 2').toEqual({ kind: 'give-up', reason: 'budget' });
      expect(() => second.next('retryable'), 'next after give-up').toThrow(Error);
    },
  );

  suite.test(
    {
      points: 2,
      category: 'correctness',
      name: 'the budget grants exactly what its expression, evaluated as written, allows at the boundary',
      hint: 'README, SP-2.7: `retries + 1 <= ratio * requests + minRetriesPerSecond * windowMs / 1000`, in that order: 25 * 1160 / 1000 is 29, but 25 * (1160 / 1000) is 28.999999999999996.',
      clauses: ['SP-2.7'],
    },
    () => {
      const { Retrier } = suite.impl();
      const cases = [
        { ratio: 0, minRetriesPerSecond: 25, windowMs: 1160, requests: 1, allowed: 29 },
        { ratio: 0.1, minRetriesPerSecond: 0, windowMs: 1000, requests: 10, allowed: 1 },
        { ratio: 0.7, minRetriesPerSecond: 0, windowMs: 1000, requests: 10, allowed: 7 },
        { ratio: 0.1, minRetriesPerSecond: 0.3, windowMs: 1000, requests: 7, allowed: 1 },
        { ratio: 0, minRetriesPerSecond: 0, windowMs: 1000, requests: 3, allowed: 0 },
      ];
      for (const c of cases) {
        const retrier = new Retrier({ maxAttempts: 1000, deadlineMs: 1e9, budget: { ratio: c.ratio, minRetriesPerSecond: c.minRetriesPerSecond, windowMs: c.windowMs }, backoff: { baseMs: 1, capMs: 1, jitter: 'none' }, clocks: new HandClocks(7), random: new ScriptedRandom() });
        const calls = Array.from({ length: c.requests }, () => retrier.begin());
        let granted = 0;
        for (let i = 0; i < 100; i++) {
          const decision = calls[0]!.next('retryable');
          if (decision.kind !== 'retry') {
            expect(decision, `ratio ${c.ratio}, minRetriesPerSecond ${c.minRetriesPerSecond}, windowMs ${c.windowMs}, ${c.requests} requests: after ${granted} retries`).toEqual({ kind: 'give-up', reason: 'budget' });
            break;
          }
          granted++;
        }
        expect(granted, `ratio ${c.ratio}, minRetriesPerSecond ${c.minRetriesPerSecond}, windowMs ${c.windowMs}, ${c.requests} requests at one instant: retries granted`).toBe(c.allowed);
      }
    },
  );

  suite.test(
    {
      points: 5,
      category: 'faults',
      name: 'thirty clients retrying through an outage with full jitter put a lower peak on the recovering dependency, and succeed sooner, than without jitter on the same seed',
      hint: 'README, task 1 and SP-2.8: without jitter every client computes the same delays and comes back at the same instant (Brooker, "Exponential Backoff And Jitter").',
      clauses: ['SP-2.8', 'SP-1.2', 'SP-2.6'],
      deadlineMs: 10_000,
    },
    (t) => {
      const { Retrier } = suite.impl();
      const o = { clients: 30, recoverAtMs: 2000, capacity: 5, durationMs: 20_000 };
      const none = herd(t.seed, Retrier, 'none', o);
      const full = herd(t.seed, Retrier, 'full', o);
      const tell = (r: typeof none): string => `peak ${r.peakAfterRecovery} calls in 100 ms after recovery, first success at ${r.firstSuccessMs.toFixed(0)} ms, ${r.successes} of 30 succeeded`;
      const story = `the dependency fails every call until 2 000 ms, then serves 5 at a time; 30 clients retry with baseMs 50, capMs 2 000.\n  without jitter: ${tell(none)}\n  full jitter:    ${tell(full)}`;
      // Calibrated on the reference, seeds 1–50: without jitter all 30 come back in the same 100 ms (peak 30, first
      // success about 3 270 ms); with full jitter the peak is at most 9, and the first success comes before 2 300 ms.
      claim(full.run, full.run.endMs, story, [
        [none.successes === 30, 'without jitter, every client should get through within 20 s'],
        [full.successes === 30, 'with full jitter, every client should get through within 20 s'],
        [full.peakAfterRecovery <= none.peakAfterRecovery / 2, 'full jitter should spread the retries: at most half the peak without it'],
        [full.firstSuccessMs < none.firstSuccessMs, 'full jitter should reach the recovered dependency sooner'],
      ]);
    },
  );

  suite.test(
    {
      points: 3,
      category: 'faults',
      name: 'three stacked retriers with a 10 % budget multiply the calls reaching a failing dependency by at most 1.1³, not maxAttempts³',
      hint: 'README, SP-2.7 and SP-2.8: the budget counts the retries of every call of this Retrier in the window, against the requests begun in it (Google SRE book, "Handling Overload").',
      clauses: ['SP-2.8', 'SP-2.7'],
    },
    () => {
      const { Retrier } = suite.impl();
      for (const origin of [0, 1_700_000_000_000]) {
        const clocks = new HandClocks(origin);
        const layer = (): InstanceType<typeof Retrier> =>
          new Retrier({ maxAttempts: 4, deadlineMs: 1e9, budget: { ratio: 0.1, minRetriesPerSecond: 0, windowMs: 1e9 }, backoff: { baseMs: 1, capMs: 10, jitter: 'full' }, clocks, random: new ScriptedRandom() });
        const requests = 200;
        const { bottomCalls, attempts, finished } = stackedRetries([layer(), layer(), layer()], clocks, requests, 5);
        const story = `${requests} requests, each layer retrying up to 4 attempts with a 10 % budget over a dependency that always fails: attempts per layer ${attempts.join(', ')}, calls at the dependency ${bottomCalls}`;
        expect(finished, `${story}; every request should get its answer`).toBe(requests);
        expect(attempts[0], `${story}; the top layer may retry 10 % of its 200 requests`).toBeLessThanOrEqual(220);
        expect(bottomCalls, `${story}; at most 200 × 1.1³ = 266 may reach the dependency, where 4³ × 200 = 12 800 could without a budget`).toBeLessThanOrEqual(266);
        expect(bottomCalls, `${story}; the budget allows 10 % more at each layer, and a retrier should use it`).toBeGreaterThanOrEqual(260);
      }
    },
  );
});
