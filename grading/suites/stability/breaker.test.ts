/**
 * Task 3: the CircuitBreaker against the model, step by step: permits
 * acquired and reported in any order, reported twice, reported after the
 * state they were granted in has passed; clocks moving to just before and
 * exactly at every window and open period; a wall clock jumping hours.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { expectRangeError } from '../../../harness/suite/expect-error';
import { claim, guarded } from './herd';
import { BreakerModel, type BreakerSettings, type ModelPermit } from './model';
import { HandClocks, ORIGINS, WALL_JUMPS, breakerSuite, type BreakerModule } from './support';

const suite = breakerSuite();

type BreakerOptions = ConstructorParameters<BreakerModule['CircuitBreaker']>[0];
type Permit = Exclude<ReturnType<InstanceType<BreakerModule['CircuitBreaker']>['tryAcquire']>, 'rejected'>;

const settingsArb: fc.Arbitrary<BreakerSettings> = fc.record({
  failureRateThreshold: fc.constantFrom(Number.MIN_VALUE, 0.1, 0.25, 0.3, 0.5, 0.6, 2 / 3, 1),
  minimumCalls: fc.oneof(fc.integer({ min: 1, max: 6 }), fc.constant(20)),
  windowMs: fc.constantFrom(1, 100, 1000, 10_000),
  openMs: fc.constantFrom(1, 100, 1000, 5000),
  halfOpenMaxCalls: fc.integer({ min: 1, max: 4 }),
  halfOpenSuccessesToClose: fc.integer({ min: 1, max: 4 }),
});

type Step =
  | { readonly op: 'acquire' }
  | { readonly op: 'report'; readonly permit: number; readonly failed: boolean }
  | { readonly op: 'state' }
  | { readonly op: 'advance'; readonly ms: number | 'open' | 'open-1' | 'window' | 'window-1' }
  | { readonly op: 'jump'; readonly ms: number };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 5, arbitrary: fc.constant({ op: 'acquire' as const }) },
  // Most reports are the newest outstanding permit's (permit -1); the rest any permit's, reported or not.
  { weight: 6, arbitrary: fc.record({ op: fc.constant('report' as const), permit: fc.oneof(fc.constant(-1), fc.nat({ max: 60 })), failed: fc.boolean() }) },
  { weight: 1, arbitrary: fc.constant({ op: 'state' as const }) },
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant('advance' as const),
      ms: fc.oneof(fc.constantFrom('open' as const, 'open-1' as const, 'window' as const, 'window-1' as const), fc.constantFrom(0, 1, 50), fc.integer({ min: 0, max: 6000 })),
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('jump' as const), ms: fc.constantFrom(...WALL_JUMPS) }) },
);

const options = (s: BreakerSettings, clocks: HandClocks): BreakerOptions => ({ ...s, clocks });

suite.task(3, () => {
  suite.test(
    {
      points: 12,
      category: 'correctness',
      name: "a breaker's permits, rejections and states are exactly the model's for every sequence of calls, reports and clock moves",
      hint: 'README, task 3: number the state periods; a permit carries its period, and only a report from the current one counts.',
      clauses: ['SP-3.1', 'SP-3.2', 'SP-3.3', 'SP-3.4', 'SP-3.5', 'SP-3.6', 'SP-3.7', 'SP-3.8', 'SP-3.9', 'SP-0.2', 'SP-0.4', 'SP-3.11'],
      deadlineMs: 10_000,
    },
    (t) => {
      const { CircuitBreaker } = suite.impl();
      t.check(
        fc.property(settingsArb, fc.constantFrom(...ORIGINS), fc.array(stepArb, { minLength: 1, maxLength: 80, size: 'max' }), fc.boolean(), (settings, origin, steps, changeOptions) => {
          const clocks = new HandClocks(origin);
          const given = options(settings, clocks);
          const breaker = new CircuitBreaker(given);
          if (changeOptions) Object.assign(given, { failureRateThreshold: 1, minimumCalls: 1000, windowMs: 1, openMs: 1e9, halfOpenMaxCalls: 1000, halfOpenSuccessesToClose: 1000, clocks: new HandClocks() });
          const model = new BreakerModel(settings);
          const permits: { real: Permit; model: ModelPermit }[] = [];
          const log: string[] = [];
          steps.forEach((step, i) => {
            const where = (): string => `step ${i} at ${clocks.t} (${log.slice(-8).join('; ')}${log.length > 8 ? '; …' : ''})`;
            switch (step.op) {
              case 'acquire': {
                const got = breaker.tryAcquire();
                const want = model.acquire(clocks.t);
                log.push(`tryAcquire() → ${want === 'rejected' ? 'rejected' : `permit ${permits.length}`}`);
                if (want === 'rejected') expect(got, `${where()}: tryAcquire() while ${model.state}`).toBe('rejected');
                else {
                  expect(got, `${where()}: tryAcquire() while ${model.state} gives a permit`).not.toBe('rejected');
                  permits.push({ real: got as Permit, model: want });
                }
                break;
              }
              case 'report': {
                if (permits.length === 0) break;
                let newest = permits.length - 1;
                while (newest >= 0 && permits[newest]!.model.reported) newest--;
                const index = step.permit === -1 && newest >= 0 ? newest : Math.abs(step.permit) % permits.length;
                const permit = permits[index]!;
                const verb = step.failed ? 'failure' : 'success';
                const first = !permit.model.reported;
                if (!first) {
                  expect(() => permit.real[verb](), `${where()}: permit ${index}.${verb}() a second time throws`).toThrow(Error);
                  log.push(`permit ${index}.${verb}() again → throws`);
                  break;
                }
                permit.real[verb]();
                model.report(permit.model, step.failed, clocks.t);
                log.push(`permit ${index}.${verb}() → ${model.state}`);
                break;
              }
              case 'state':
                log.push(`state → ${model.at(clocks.t)}`);
                expect(breaker.state, `${where()}: state`).toBe(model.at(clocks.t));
                break;
              case 'advance': {
                const ms =
                  step.ms === 'open' ? settings.openMs : step.ms === 'open-1' ? settings.openMs - 1 : step.ms === 'window' ? settings.windowMs : step.ms === 'window-1' ? settings.windowMs - 1 : step.ms;
                clocks.advance(Math.max(0, ms));
                log.push(`+${Math.max(0, ms)} ms`);
                break;
              }
              case 'jump':
                clocks.jumpWall(step.ms);
                log.push(`wall clock jumps ${step.ms} ms`);
                break;
            }
          });
          expect(breaker.state, `at the end (${log.slice(-8).join('; ')})`).toBe(model.at(clocks.t));
        }),
        { numRuns: 400 },
      );
    },
  );

  /** A breaker driven by hand, and the permits of a scenario by name. */
  const drive = (settings: Partial<BreakerSettings>, origin = 0) => {
    const { CircuitBreaker } = suite.impl();
    const clocks = new HandClocks(origin);
    const breaker = new CircuitBreaker({ failureRateThreshold: 0.5, minimumCalls: 2, windowMs: 10_000, openMs: 1000, halfOpenMaxCalls: 1, halfOpenSuccessesToClose: 1, ...settings, clocks });
    const acquire = (what: string): Permit => {
      const permit = breaker.tryAcquire();
      expect(permit, `${what}: tryAcquire() while ${breaker.state} should give a permit`).not.toBe('rejected');
      return permit as Permit;
    };
    const open = (): void => {
      for (let i = 0; i < (settings.minimumCalls ?? 2); i++) acquire('opening it').failure();
      expect(breaker.state, 'after minimumCalls failures').toBe('open');
    };
    return { breaker, clocks, acquire, open };
  };

  suite.test(
    {
      points: 2,
      category: 'correctness',
      name: 'a breaker never opens on fewer than minimumCalls reports in its window, and opens at exactly the threshold',
      hint: 'README, task 3, SP-3.2: the first failure of a fresh breaker is a 100 % failure rate of one call (opossum #217).',
      clauses: ['SP-3.2', 'SP-3.1'],
    },
    () => {
      const { breaker, clocks, acquire } = drive({ minimumCalls: 5, failureRateThreshold: 0.6, windowMs: 1000 });
      for (let i = 0; i < 4; i++) acquire(`failure ${i + 1} of 4`).failure();
      expect(breaker.state, 'four failures, with minimumCalls 5').toBe('closed');
      clocks.advance(1000);
      acquire('a success a window later').success();
      acquire('then a failure').failure();
      expect(breaker.state, 'the four failures left the window: 1 failure of 2 calls, under minimumCalls').toBe('closed');
      for (let i = 0; i < 2; i++) acquire('two more successes').success();
      acquire('a failure: 2 of 5').failure();
      expect(breaker.state, '2 failures of 5 calls is 0.4, under 0.6').toBe('closed');
      acquire('a failure: 3 of 6').failure();
      expect(breaker.state, '3 of 6 is 0.5, under 0.6').toBe('closed');
      acquire('a failure: 4 of 7').failure();
      expect(breaker.state, '4 of 7 is 0.571…, under 0.6').toBe('closed');
      acquire('a failure: 5 of 8').failure();
      expect(breaker.state, '5 failures of 8 calls is 0.625 ≥ 0.6').toBe('open');
      // Exactly at the threshold opens: 3 failures of 5 is 0.6.
      const exact = drive({ minimumCalls: 5, failureRateThreshold: 0.6 });
      for (const failed of [true, false, true, false, true]) {
        const permit = exact.acquire('a report');
        if (failed) permit.failure();
        else permit.success();
      }
      expect(exact.breaker.state, '3 failures of 5 calls is exactly the threshold 0.6').toBe('open');
    },
  );

  suite.test(
    {
      points: 4,
      category: 'correctness',
      name: 'half-open never has more than halfOpenMaxCalls permits out, however acquisitions and reports interleave',
      hint: 'README, task 3, SP-3.4: count the half-open permits granted and not yet reported; a permit from an older period frees no slot.',
      clauses: ['SP-3.4', 'SP-3.11', 'SP-3.8'],
    },
    (t) => {
      t.check(
        fc.property(
          fc.integer({ min: 1, max: 4 }),
          fc.integer({ min: 1, max: 6 }),
          fc.array(fc.oneof(fc.constant('acquire' as const), fc.constant('success' as const), fc.constant('old-success' as const), fc.constant('old-failure' as const)), { minLength: 1, maxLength: 40, size: 'max' }),
          (maxCalls, toClose, steps) => {
            const { breaker, clocks, acquire, open } = drive({ halfOpenMaxCalls: maxCalls, halfOpenSuccessesToClose: toClose, minimumCalls: 2 });
            const old = [acquire('a slow call before the outage'), acquire('another slow call')];
            open();
            clocks.advance(1000);
            expect(breaker.state, 'openMs later').toBe('half-open');
            const out: Permit[] = [];
            let successes = 0;
            for (const step of steps) {
              if (breaker.state !== 'half-open') break;
              if (step === 'acquire') {
                const permit = breaker.tryAcquire();
                if (out.length < maxCalls) {
                  expect(permit, `half-open with ${out.length} of ${maxCalls} permits out`).not.toBe('rejected');
                  out.push(permit as Permit);
                } else expect(permit, `half-open with all ${maxCalls} permits out: the next is rejected`).toBe('rejected');
              } else if (step === 'success' && out.length > 0) {
                out.shift()!.success();
                successes++;
                expect(breaker.state, `${successes} half-open successes of ${toClose}`).toBe(successes >= toClose ? 'closed' : 'half-open');
              } else if (step !== 'success' && old.length > 0) {
                const permit = old.shift()!;
                if (step === 'old-success') permit.success();
                else permit.failure();
                expect(breaker.state, `a ${step === 'old-success' ? 'success' : 'failure'} from before the outage changes nothing`).toBe('half-open');
              }
            }
          },
        ),
      );
    },
  );

  suite.test(
    {
      points: 4,
      category: 'correctness',
      name: 'a report from a permit granted before the latest change of state changes nothing',
      hint: 'README, task 3, SP-3.8: a slow call from before an outage cannot close the breaker, nor one from an ended half-open period reopen it.',
      clauses: ['SP-3.8', 'SP-3.5', 'SP-3.6'],
    },
    () => {
      // A closed-period failure reported after the breaker closed again is not in the new window.
      {
        const { breaker, clocks, acquire, open } = drive({ minimumCalls: 1, failureRateThreshold: 1 });
        const slow = acquire('a slow call');
        open();
        clocks.advance(1000);
        acquire('the probe').success();
        expect(breaker.state, 'after the probe succeeded').toBe('closed');
        slow.failure();
        expect(breaker.state, 'the slow call from the first closed period fails now: with minimumCalls 1 it would open a breaker that counted it').toBe('closed');
      }
      // A success from the closed period, reported while half-open, neither closes it nor frees the probe's slot.
      {
        const { breaker, clocks, acquire, open } = drive({ minimumCalls: 2 });
        const slow = acquire('a slow call');
        open();
        clocks.advance(1000);
        const probe = acquire('the probe');
        slow.success();
        expect(breaker.state, 'a success from before the outage does not close it').toBe('half-open');
        expect(breaker.tryAcquire(), 'nor does it free the probe’s slot').toBe('rejected');
        probe.success();
        expect(breaker.state).toBe('closed');
      }
      // A failure from the closed period, reported while half-open, does not reopen it.
      {
        const { breaker, clocks, acquire, open } = drive({ minimumCalls: 2 });
        const slow = acquire('a slow call');
        open();
        clocks.advance(1000);
        slow.failure();
        expect(breaker.state, 'a failure from before the outage does not reopen it').toBe('half-open');
      }
      // A probe from a half-open period that ended (it reopened) cannot close the next half-open period.
      {
        const { breaker, clocks, acquire, open } = drive({ minimumCalls: 2, halfOpenMaxCalls: 2, halfOpenSuccessesToClose: 1 });
        open();
        clocks.advance(1000);
        const first = acquire('probe 1');
        const second = acquire('probe 2');
        first.failure();
        expect(breaker.state, 'a probe failed').toBe('open');
        clocks.advance(1000);
        expect(breaker.state).toBe('half-open');
        second.success();
        expect(breaker.state, 'probe 2 belongs to the half-open period that ended: its success does not close this one').toBe('half-open');
        const third = acquire('probe 3');
        const fourth = acquire('probe 4: both slots are free, since probe 2 held none of this period');
        fourth.failure();
        third.success();
        expect(breaker.state, 'probe 3 belongs to the period probe 4 ended').toBe('open');
      }
      // Successes of a half-open period that a failure ended do not count in the next one.
      {
        const { breaker, clocks, acquire, open } = drive({ minimumCalls: 2, halfOpenMaxCalls: 2, halfOpenSuccessesToClose: 2 });
        open();
        clocks.advance(1000);
        const first = acquire('probe 1');
        const second = acquire('probe 2');
        first.success();
        expect(breaker.state, 'one success of two').toBe('half-open');
        second.failure();
        expect(breaker.state, 'probe 2 failed').toBe('open');
        clocks.advance(1000);
        acquire('probe 3').success();
        expect(breaker.state, 'probe 3 is the first success of this half-open period: probe 1’s belonged to the last').toBe('half-open');
        acquire('probe 4').success();
        expect(breaker.state, 'two successes in this period').toBe('closed');
      }
      // A half-open probe reported after the breaker closed does not reopen it.
      {
        const { breaker, clocks, acquire, open } = drive({ minimumCalls: 2, halfOpenMaxCalls: 2, halfOpenSuccessesToClose: 1 });
        open();
        clocks.advance(1000);
        const first = acquire('probe 1');
        const second = acquire('probe 2');
        first.success();
        expect(breaker.state, 'one success closes it').toBe('closed');
        second.failure();
        expect(breaker.state, 'probe 2 fails after it closed').toBe('closed');
        acquire('a new call').failure();
        expect(breaker.state, 'one failure in the new window, under minimumCalls 2: probe 2 was not recorded').toBe('closed');
      }
    },
  );

  suite.test(
    {
      points: 2,
      category: 'api',
      name: 'a permit reports once: a second report throws an Error and changes nothing',
      hint: 'README, task 3, SP-3.7: a permit remembers that it reported.',
      clauses: ['SP-3.7'],
    },
    () => {
      const { breaker, acquire } = drive({ minimumCalls: 2, failureRateThreshold: 1 });
      const permit = acquire('one call');
      permit.failure();
      expect(() => permit.failure(), 'failure() a second time').toThrow(Error);
      expect(() => permit.success(), 'success() after failure()').toThrow(Error);
      expect(breaker.state, 'one failure, reported once: under minimumCalls 2').toBe('closed');
      const other = acquire('another call');
      other.success();
      expect(() => other.failure(), 'failure() after success()').toThrow(Error);
      acquire('a third call').failure();
      expect(breaker.state, '2 failures of 3: the throwing calls recorded nothing').toBe('closed');
    },
  );

  suite.test(
    {
      points: 2,
      category: 'faults',
      name: 'a wall clock that jumps an hour neither unlocks an open breaker nor keeps it open',
      hint: 'README, task 3, SP-3.10: time openMs and the window on clocks.monotonic; Date.now() is the wall clock.',
      clauses: ['SP-3.10', 'SP-0.2', 'SP-3.3'],
    },
    () => {
      for (const origin of ORIGINS) {
        const ahead = drive({ openMs: 5000 }, origin);
        ahead.open();
        ahead.clocks.jumpWall(3_600_000);
        expect(ahead.breaker.tryAcquire(), 'open, right after the wall clock jumped an hour ahead').toBe('rejected');
        expect(ahead.breaker.state).toBe('open');
        ahead.clocks.advance(4999);
        expect(ahead.breaker.state, '4 999 ms of 5 000 later').toBe('open');
        const behind = drive({ openMs: 5000 }, origin);
        behind.open();
        behind.clocks.jumpWall(-3_600_000);
        behind.clocks.advance(5000);
        expect(behind.breaker.state, 'openMs later on the monotonic clock, though the wall clock went back an hour').toBe('half-open');
      }
    },
  );

  suite.test(
    {
      points: 2,
      category: 'api',
      name: 'a breaker refuses each option out of range with a RangeError naming it, and accepts both ends',
      hint: 'README, task 3, SP-3.12: the doc comments of BreakerOptions give each range.',
      clauses: ['SP-3.12', 'SP-0.1'],
    },
    () => {
      const { CircuitBreaker } = suite.impl();
      const good: BreakerOptions = { failureRateThreshold: 0.5, minimumCalls: 5, windowMs: 1000, openMs: 1000, halfOpenMaxCalls: 1, halfOpenSuccessesToClose: 1, clocks: new HandClocks() };
      const bad: [keyof BreakerSettings, number][] = [
        ['failureRateThreshold', 0],
        ['failureRateThreshold', 1.0000001],
        ['failureRateThreshold', -0.5],
        ['failureRateThreshold', Number.NaN],
        ['minimumCalls', 0],
        ['minimumCalls', 2.5],
        ['minimumCalls', Infinity],
        ['windowMs', 0],
        ['windowMs', Infinity],
        ['windowMs', Number.NaN],
        ['openMs', 0],
        ['openMs', -1],
        ['openMs', Infinity],
        ['halfOpenMaxCalls', 0],
        ['halfOpenMaxCalls', 1.5],
        ['halfOpenSuccessesToClose', 0],
        ['halfOpenSuccessesToClose', Number.NaN],
      ];
      for (const [name, value] of bad) expectRangeError(`new CircuitBreaker({ ${name}: ${value} })`, () => new CircuitBreaker({ ...good, [name]: value }), name);
      const ends: [keyof BreakerSettings, number][] = [
        ['failureRateThreshold', 1],
        ['failureRateThreshold', Number.MIN_VALUE],
        ['minimumCalls', 1],
        ['minimumCalls', Number.MAX_SAFE_INTEGER],
        ['windowMs', Number.MIN_VALUE],
        ['openMs', Number.MAX_VALUE],
        ['halfOpenMaxCalls', Number.MAX_SAFE_INTEGER],
        ['halfOpenSuccessesToClose', 1],
      ];
      for (const [name, value] of ends) expect(() => new CircuitBreaker({ ...good, [name]: value }), `${name} ${value} is in range`).not.toThrow();
    },
  );

  suite.test(
    {
      points: 2,
      category: 'faults',
      name: 'a client behind the breaker stops calling a dependency that is down, probing only as half-open allows, and calls again once it is back, through a pause and a wall-clock jump',
      hint: 'README, SP-3.3, SP-3.4 and SP-3.10: while open nothing goes through; half-open lets halfOpenMaxCalls through; time openMs on clocks.monotonic.',
      clauses: ['SP-3.11', 'SP-3.3', 'SP-3.4', 'SP-3.10', 'SP-3.6'],
      deadlineMs: 10_000,
    },
    (t) => {
      const { CircuitBreaker } = suite.impl();
      for (const [jump, pauseAt] of [[3_600_000, 3000], [-3_600_000, 4100]] as const) {
        const o = { downFromMs: 1000, downToMs: 6000, durationMs: 10_000, openMs: 1000, halfOpenMaxCalls: 2 };
        const { run, arrivals, successesAfter } = guarded(t.seed, CircuitBreaker, {
          ...o,
          faults: [
            { atMs: pauseAt, fault: { type: 'pause', node: 'c00', durationMs: 700 } },
            { atMs: 3500, fault: { type: 'clock-jump', node: 'c00', byMs: jump } },
          ],
        });
        const during = arrivals.slice(20, 60).reduce((a, b) => a + b, 0);
        const story = `one client calls every 10 ms through a breaker (minimumCalls 10, threshold 0.5, openMs 1 000, halfOpenMaxCalls 2); the dependency fails every call from 1 000 to 6 000 ms; the client pauses 700 ms at ${pauseAt} ms and its wall clock jumps ${jump > 0 ? '+' : ''}${jump} ms at 3 500 ms.\n  calls reaching the dependency per 100 ms: ${arrivals.join(' ')}\n  trace hash ${run.traceHash}`;
        claim(run, run.endMs, story, [
          [during <= 10, `from 2 000 to 6 000 ms the breaker should be open but for a half-open period each second, with at most 2 probes each: at most 10 calls, got ${during}`],
          [during >= 4, `it should probe the dependency while it is down (half-open after each openMs): got ${during} calls from 2 000 to 6 000 ms`],
          [successesAfter >= 250, `after 6 000 ms the breaker should close and calls flow again: ${successesAfter} succeeded`],
        ]);
      }
    },
  );
});
