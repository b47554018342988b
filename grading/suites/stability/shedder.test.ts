/**
 * Task 4: the LoadShedder against the model, call by call: ids a plain
 * object gets wrong, every priority, deadlines at −Infinity, exactly now
 * and Infinity, one slot and no queue up to wide ones, a caller changing
 * what it got back; then every bad argument.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { expectRangeError } from '../../../harness/suite/expect-error';
import { IMPORTANCE, ShedderModel, type Importance, type ShedderSettings } from './model';
import { overload, type OverloadResult } from './scenarios';
import { HandClocks, ORIGINS, WALL_JUMPS, shedderSuite, type ShedderModule } from './support';

const suite = shedderSuite();

type ShedderOptions = ConstructorParameters<ShedderModule['LoadShedder']>[0];

/** Ids: ordinary ones beside names a plain object used as a map gets wrong. */
const IDS = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', '', '__proto__', 'constructor', 'toString', '🙂'] as const;

const settingsArb: fc.Arbitrary<ShedderSettings> = fc.record({
  maxConcurrency: fc.oneof(fc.integer({ min: 1, max: 4 }), fc.constant(1)),
  maxQueue: fc.oneof(fc.integer({ min: 0, max: 5 }), fc.constant(0)),
});

type Step =
  | { readonly op: 'offer'; readonly id: string; readonly priority: Importance; readonly deadline: number | 'now' }
  | { readonly op: 'done'; readonly pick: number }
  | { readonly op: 'expire' }
  | { readonly op: 'advance'; readonly ms: number }
  | { readonly op: 'jump'; readonly ms: number };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      op: fc.constant('offer' as const),
      id: fc.constantFrom(...IDS),
      priority: fc.constantFrom(...IMPORTANCE),
      // Relative to now: already past, exactly now, soon, later, never.
      deadline: fc.oneof(fc.constant('now' as const), fc.constantFrom(-Infinity, -1, 1, 10, 50, 200, Infinity), fc.integer({ min: 1, max: 500 })),
    }),
  },
  { weight: 4, arbitrary: fc.record({ op: fc.constant('done' as const), pick: fc.nat({ max: 20 }) }) },
  { weight: 1, arbitrary: fc.constant({ op: 'expire' as const }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('advance' as const), ms: fc.oneof(fc.constantFrom(0, 1, 10, 50), fc.integer({ min: 0, max: 300 })) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('jump' as const), ms: fc.constantFrom(...WALL_JUMPS) }) },
);

/** Compares an answer with the model's: `started` in order, `shed` in any order, both new arrays of strings. */
function sameAdmission(got: { started: readonly string[]; shed: readonly string[] }, want: { started: string[]; shed: string[] }, where: string): void {
  expect(Array.isArray(got.started) && Array.isArray(got.shed), `${where}: started and shed are arrays`).toBe(true);
  expect([...got.started], `${where}: started`).toEqual(want.started);
  expect([...got.shed].sort(), `${where}: shed (in any order)`).toEqual([...want.shed].sort());
}

/** The caller keeps what it got and writes over it: the shedder must not have kept it (SP-0.4). */
function scribble(got: { started: readonly string[]; shed: readonly string[] }): void {
  try {
    (got.started as string[]).push('__proto__');
    (got.shed as string[]).push('constructor');
  } catch {
    // frozen arrays are the caller's too
  }
}

suite.task(4, () => {
  suite.test(
    {
      points: 15,
      category: 'correctness',
      name: "a shedder's starts and sheds are exactly the model's for every sequence of offers, completions, expiries and clock moves",
      hint: 'README, task 4: every call first sheds the queued requests whose deadline has come; then the most important, oldest first, starts.',
      clauses: ['SP-4.1', 'SP-4.2', 'SP-4.3', 'SP-4.4', 'SP-4.5', 'SP-4.7', 'SP-4.8', 'SP-4.9', 'SP-0.2', 'SP-0.4', 'SP-4.10'],
      deadlineMs: 10_000,
    },
    (t) => {
      const { LoadShedder } = suite.impl();
      t.check(
        fc.property(settingsArb, fc.constantFrom(...ORIGINS), fc.array(stepArb, { minLength: 1, maxLength: 70, size: 'max' }), fc.boolean(), (settings, origin, steps, changeOptions) => {
          const clocks = new HandClocks(origin);
          const given: ShedderOptions = { ...settings, clocks };
          const shedder = new LoadShedder(given);
          if (changeOptions) Object.assign(given, { maxConcurrency: 100, maxQueue: 100, clocks: new HandClocks(1e9) });
          const model = new ShedderModel(settings);
          const log: string[] = [];
          const check = (where: string): void => {
            expect(shedder.running, `${where}: running`).toBe(model.running.size);
            expect(shedder.queued, `${where}: queued`).toBe(model.queue.length);
          };
          check('a new shedder');
          steps.forEach((step, i) => {
            const where = (): string => `step ${i} at ${clocks.t} (${log.slice(-8).join('; ')}${log.length > 8 ? '; …' : ''})`;
            switch (step.op) {
              case 'offer': {
                const deadlineMs = step.deadline === 'now' ? clocks.t : clocks.t + step.deadline;
                const request = { id: step.id, priority: step.priority, deadlineMs };
                const call = `offer(${JSON.stringify(request)})`;
                if (model.running.has(step.id) || model.queue.some((q) => q.id === step.id)) {
                  expect(() => shedder.offer(request), `${where()}: ${call} of an id running or queued`).toThrow(Error);
                  log.push(`${call} → throws`);
                  break;
                }
                clocks.monotonicReads = 0;
                const got = shedder.offer(request);
                expect(clocks.monotonicReads, `${where()}: each call reads the monotonic clock once`).toBe(1);
                const want = model.offer(step.id, step.priority, deadlineMs, clocks.t);
                // The caller reuses its request object: what was offered must not change with it (SP-0.4).
                Object.assign(request, { id: `${step.id}-reused`, priority: step.priority === 'critical' ? 'sheddable' : 'critical', deadlineMs: -Infinity });
                log.push(`${call} → ${JSON.stringify(want)}`);
                sameAdmission(got, want, `${where()}: ${call}`);
                scribble(got);
                break;
              }
              case 'done': {
                const running = [...model.running];
                if (running.length === 0) {
                  expect(() => shedder.done('nobody'), `${where()}: done('nobody') with nothing running`).toThrow(Error);
                  break;
                }
                const id = running[step.pick % running.length]!;
                clocks.monotonicReads = 0;
                const got = shedder.done(id);
                expect(clocks.monotonicReads, `${where()}: each call reads the monotonic clock once`).toBe(1);
                const want = model.done(id, clocks.t);
                log.push(`done(${JSON.stringify(id)}) → ${JSON.stringify(want)}`);
                sameAdmission(got, want, `${where()}: done(${JSON.stringify(id)})`);
                scribble(got);
                expect(() => shedder.done(id), `${where()}: done(${JSON.stringify(id)}) again, now that it is not running`).toThrow(Error);
                break;
              }
              case 'expire': {
                clocks.monotonicReads = 0;
                const got = shedder.expire();
                expect(clocks.monotonicReads, `${where()}: each call reads the monotonic clock once`).toBe(1);
                const want = { started: [], shed: model.expire(clocks.t) };
                log.push(`expire() → ${JSON.stringify(want)}`);
                sameAdmission(got, want, `${where()}: expire()`);
                scribble(got);
                break;
              }
              case 'advance':
                clocks.advance(step.ms);
                log.push(`+${step.ms} ms`);
                break;
              case 'jump':
                clocks.jumpWall(step.ms);
                log.push(`wall clock jumps ${step.ms} ms`);
                break;
            }
            check(where());
          });
        }),
        { numRuns: 400 },
      );
    },
  );

  suite.test(
    {
      points: 4,
      category: 'api',
      name: 'a shedder refuses options and requests out of range with a RangeError, and unknown or duplicate ids with an Error, changing nothing',
      hint: 'README, task 4, SP-4.7, SP-4.9 and SP-4.10: check everything before you change anything.',
      clauses: ['SP-4.10', 'SP-4.7', 'SP-4.9', 'SP-0.1'],
    },
    () => {
      const { LoadShedder } = suite.impl();
      const clocks = new HandClocks();
      for (const [name, value] of [['maxConcurrency', 0], ['maxConcurrency', 1.5], ['maxConcurrency', Infinity], ['maxConcurrency', Number.NaN], ['maxQueue', -1], ['maxQueue', 0.5], ['maxQueue', Infinity]] as const) {
        expectRangeError(`new LoadShedder({ ${name}: ${value} })`, () => new LoadShedder({ maxConcurrency: 2, maxQueue: 2, clocks, [name]: value }), name);
      }
      for (const [name, value] of [['maxConcurrency', Number.MAX_SAFE_INTEGER], ['maxQueue', 0], ['maxQueue', Number.MAX_SAFE_INTEGER]] as const) {
        expect(() => new LoadShedder({ maxConcurrency: 2, maxQueue: 2, clocks, [name]: value }), `${name} ${value} is in range`).not.toThrow();
      }
      const shedder = new LoadShedder({ maxConcurrency: 1, maxQueue: 1, clocks });
      expect(shedder.offer({ id: 'run', priority: 'normal', deadlineMs: 100 })).toEqual({ started: ['run'], shed: [] });
      expect(shedder.offer({ id: 'wait', priority: 'sheddable', deadlineMs: 100 })).toEqual({ started: [], shed: [] });
      const badRequests: [string, string, unknown][] = [
        ['an id that is a number', 'id', { id: 7, priority: 'normal', deadlineMs: 100 }],
        ['an id that is undefined', 'id', { priority: 'normal', deadlineMs: 100 }],
        ['priority "high"', 'priority', { id: 'x', priority: 'high', deadlineMs: 100 }],
        ['priority 0', 'priority', { id: 'x', priority: 0, deadlineMs: 100 }],
        ['priority "toString"', 'priority', { id: 'x', priority: 'toString', deadlineMs: 100 }],
        ['priority "constructor"', 'priority', { id: 'x', priority: 'constructor', deadlineMs: 100 }],
        ['priority "__proto__"', 'priority', { id: 'x', priority: '__proto__', deadlineMs: 100 }],
        ['deadlineMs NaN', 'deadlineMs', { id: 'x', priority: 'critical', deadlineMs: Number.NaN }],
        ['deadlineMs "100"', 'deadlineMs', { id: 'x', priority: 'critical', deadlineMs: '100' }],
      ];
      for (const [what, name, request] of badRequests) expectRangeError(`offer with ${what}`, () => shedder.offer(request as never), name);
      expect(() => shedder.offer({ id: 'run', priority: 'critical', deadlineMs: 100 }), 'offer of the running id "run"').toThrow(Error);
      expect(() => shedder.offer({ id: 'wait', priority: 'critical', deadlineMs: 100 }), 'offer of the queued id "wait"').toThrow(Error);
      expect(() => shedder.done('wait'), 'done of the queued, not running, id "wait"').toThrow(Error);
      expect(() => shedder.done('never'), 'done of an id never offered').toThrow(Error);
      expect([shedder.running, shedder.queued], 'after the refused calls: running and queued as before').toEqual([1, 1]);
      // Nothing changed: the critical offer of "x" that was refused did not push out "wait"; a real one does.
      expect(shedder.offer({ id: 'x', priority: 'critical', deadlineMs: 100 }), 'the first accepted critical offer').toEqual({ started: [], shed: ['wait'] });
      expect(shedder.done('run'), 'done of "run"').toEqual({ started: ['x'], shed: [] });
      expect(shedder.offer({ id: 'run', priority: 'normal', deadlineMs: 100 }), 'an id that is done may be offered again').toEqual({ started: [], shed: [] });
    },
  );

  suite.test(
    {
      points: 6,
      category: 'faults',
      name: 'under twice the load a server can take, goodput is the model’s on the same arrivals, nothing starts after its deadline, and critical requests are served first',
      hint: 'README, SP-4.2 to SP-4.6: shed what cannot finish in time, keep the queue bounded, and start the most important request first.',
      clauses: ['SP-4.6', 'SP-4.2', 'SP-4.4', 'SP-4.5'],
      deadlineMs: 10_000,
    },
    (t) => {
      const { LoadShedder } = suite.impl();
      const o = { slots: 4, serviceMs: 100, load: 2, patienceMs: 300, durationMs: 10_000 };
      for (const [origin, maxQueue] of [[0, 8], [1_700_000_000_000, 3]] as const) {
        const clocks = new HandClocks(origin);
        const real = overload(new LoadShedder({ maxConcurrency: o.slots, maxQueue, clocks }), clocks, t.seed, o);
        const modelClocks = new HandClocks(origin);
        const model = new ShedderModel({ maxConcurrency: o.slots, maxQueue });
        const want = overload({ offer: (r) => model.offer(r.id, r.priority, r.deadlineMs, modelClocks.t), done: (id) => model.done(id, modelClocks.t) }, modelClocks, t.seed, o);
        const total = (r: OverloadResult): number => r.goodput.critical + r.goodput.normal + r.goodput.sheddable;
        const tell = (r: OverloadResult): string =>
          `${total(r)} of ${r.offered} finished in time (critical ${r.goodput.critical} of ${r.offeredBy.critical}, normal ${r.goodput.normal} of ${r.offeredBy.normal}, sheddable ${r.goodput.sheddable} of ${r.offeredBy.sheddable}), ${r.finishedLate} late, ${r.shed} shed`;
        const story = `4 slots of 100 ms (40 requests a second) offered 80 a second for 10 s, each waiting 300 ms at most, queue of ${maxQueue}:\n  yours:     ${tell(real)}\n  the rules: ${tell(want)}`;
        expect(real.misfits, `${story}\nevery id is started or shed once, and only after it was offered`).toEqual([]);
        expect(real.startedLate, `${story}\nnothing may start at or after its deadline`).toEqual([]);
        expect(total(real), `${story}\ngoodput should be at least 95 % of what the rules give`).toBeGreaterThanOrEqual(0.95 * total(want));
        expect(real.goodput.critical, `${story}\ncritical requests should be served first`).toBeGreaterThanOrEqual(0.95 * want.goodput.critical);
      }
    },
  );
});
