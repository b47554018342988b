/** The provided dependency: service times, outages, brownouts, overload, failure rates, crashes, and its metrics. */
import { describe, expect, test } from 'vitest';
import { arrivalsPerBucket, checkScript, dependencyNode, type DependencyEvent, type DependencyMessage, type DependencyOutcome, type DependencyScript, type ReplyReason } from '../dependency';
import { simulate, type NodeContext, type ProtocolNode, type SimulationResult, type TimedFault } from '../sim';

/** What the client saw: a reply, at its own clock's time. */
type Got = { readonly type: 'got'; readonly id: string; readonly atMs: number; readonly outcome: DependencyOutcome; readonly reason: ReplyReason };
type Out = DependencyEvent | Got;

/** Calls the dependency when its workload says so, and emits every reply it gets. */
class Client implements ProtocolNode<DependencyMessage> {
  constructor(private readonly ctx: NodeContext<DependencyMessage, Out>) {}
  call(id: string): void {
    this.ctx.send('dep', { type: 'call', id });
  }
  tick(): void {}
  step(_from: string, message: DependencyMessage): void {
    if (message.type === 'reply') this.ctx.emit({ type: 'got', id: message.id, atMs: this.ctx.clock.now(), outcome: message.outcome, reason: message.reason });
  }
}

const TICK_MS = 10;
/** Every message is in flight exactly this long, unless a test changes the link. */
const DELAY_MS = 5;

interface Run {
  readonly result: SimulationResult<Out>;
  /** The dependency's events by type. */
  readonly arrivals: Extract<DependencyEvent, { type: 'arrival' }>[];
  readonly replies: Extract<DependencyEvent, { type: 'reply' }>[];
  /** What the client got. */
  readonly got: Got[];
}

/** Runs the client against a dependency with `script`, calling `c<i>` at `sends[i]` (virtual ms). */
function run(script: DependencyScript, sends: readonly number[], options: { seed?: number; durationMs?: number; faults?: readonly TimedFault[]; duplicate?: number; delay?: 'fixed' | 'default' } = {}): Run {
  const maxCapacity = Math.max(script.capacity, ...(script.phases ?? []).map((p) => p.capacity ?? 0));
  const result = simulate(options.seed ?? 1, {
    nodes: ['client', 'dep'],
    create: (ctx: NodeContext<DependencyMessage, Out>) => (ctx.id === 'dep' ? dependencyNode(ctx, script) : new Client(ctx)),
    tickMs: TICK_MS,
    link: { ...(options.delay === 'default' ? {} : { delay: { kind: 'uniform', minMs: DELAY_MS, maxMs: DELAY_MS } }), duplicate: options.duplicate ?? 0 },
    durationMs: options.durationMs ?? Math.max(0, ...sends) + 1_000,
    faults: options.faults ?? [],
    workload: sends.map((atMs, i) => ({ atMs, node: 'client', op: { id: `c${i}` } })),
    invoke: (node, op) => {
      if (!(node instanceof Client)) throw new Error('the workload calls the client only');
      node.call(op.id);
    },
    invariants: [
      {
        name: 'the dependency never has more calls in service than any capacity it was given',
        check: (v) => {
          const dep = v.node('dep');
          return dep && 'inService' in dep && dep.inService > maxCapacity ? `${dep.inService} in service, capacity ${maxCapacity}` : undefined;
        },
      },
    ],
  });
  const from = (node: string) => result.outputs.filter((o) => o.node === node).map((o) => o.output);
  return {
    result,
    arrivals: from('dep').filter((o): o is Run['arrivals'][number] => o.type === 'arrival'),
    replies: from('dep').filter((o): o is Run['replies'][number] => o.type === 'reply'),
    got: from('client').filter((o): o is Got => o.type === 'got'),
  };
}

/** The first tick at or after `ms`. */
const tickAt = (ms: number): number => Math.ceil(ms / TICK_MS) * TICK_MS;
const byId = <T extends { id: string }>(events: readonly T[]): Record<string, Omit<T, 'id'>> => Object.fromEntries(events.map(({ id, ...rest }) => [id, rest]));

describe('service', () => {
  test('a served call is answered ok on the first tick at or after serviceMs has passed, and its reply reaches the caller', () => {
    const sends = [100, 103, 107, 150, 395, 400];
    const { arrivals, replies, got } = run({ capacity: 10, serviceMs: 42 }, sends);
    expect(arrivals).toEqual(sends.map((t, i) => ({ type: 'arrival', id: `c${i}`, from: 'client', atMs: t + DELAY_MS, admitted: true })));
    const expected = sends.map((t, i) => ({ id: `c${i}`, atMs: tickAt(t + DELAY_MS + 42) }));
    expect(replies.map(({ id, atMs, outcome, reason, to }) => ({ id, atMs, outcome, reason, to }))).toEqual(
      expected.map((e) => ({ ...e, outcome: 'ok', reason: 'served', to: 'client' })),
    );
    expect(got).toEqual(expected.map((e) => ({ type: 'got', id: e.id, atMs: e.atMs + DELAY_MS, outcome: 'ok', reason: 'served' })));
  });

  test('replies that are due on the same tick leave in order of end time, then arrival', () => {
    // c0 arrives at 80, in a brownout, and ends at 155; c1 and c2 arrive at 101, after it, and end at 151. All are due at 160.
    const { replies } = run({ capacity: 10, serviceMs: 50, phases: [{ fromMs: 0, toMs: 100, slowdown: 1.5 }] }, [75, 96, 96]);
    expect(replies.map((r) => [r.id, r.atMs])).toEqual([['c1', 160], ['c2', 160], ['c0', 160]]);
  });

  test('a brownout multiplies the service time of calls that start in it, and only those', () => {
    const sends = [100, 990, 1_100];
    const { replies } = run({ capacity: 10, serviceMs: 50, phases: [{ fromMs: 0, toMs: 1_000, slowdown: 3 }] }, sends);
    expect(byId(replies)).toMatchObject({ c0: { atMs: tickAt(105 + 150) }, c1: { atMs: tickAt(995 + 150) }, c2: { atMs: tickAt(1_105 + 50) } });
    expect(replies.every((r) => r.outcome === 'ok')).toBe(true);
  });
});

describe('outages', () => {
  const sends = [100, 480, 600, 700, 995, 1_200];
  const phases = (outage: 'fail-fast' | 'silent') => [{ fromMs: 500, toMs: 1_000, outage }];

  test("a fail-fast outage answers every call that arrives in it 'retryable' (outage) at once, and service resumes after it", () => {
    const { arrivals, replies, got } = run({ capacity: 10, serviceMs: 50, phases: phases('fail-fast') }, sends);
    expect(arrivals.map((a) => a.admitted)).toEqual([true, true, false, false, true, true]);
    expect(byId(replies)).toMatchObject({
      c0: { atMs: 160, outcome: 'ok', reason: 'served' },
      c1: { atMs: 540, outcome: 'ok', reason: 'served' }, // in service when the outage began
      c2: { atMs: 605, outcome: 'retryable', reason: 'outage' },
      c3: { atMs: 705, outcome: 'retryable', reason: 'outage' },
      c4: { atMs: 1_050, outcome: 'ok', reason: 'served' }, // arrived at 1000, when the outage had ended
      c5: { atMs: 1_260, outcome: 'ok', reason: 'served' },
    });
    expect(byId(got)).toMatchObject({ c2: { atMs: 610, reason: 'outage' }, c3: { atMs: 710, reason: 'outage' } });
  });

  test('a silent outage never answers the calls that arrive in it, and service resumes after it', () => {
    const { arrivals, replies, got } = run({ capacity: 10, serviceMs: 50, phases: phases('silent') }, sends, { durationMs: 5_000 });
    expect(arrivals.map((a) => a.admitted)).toEqual([true, true, false, false, true, true]);
    expect(replies.map((r) => r.id)).toEqual(['c0', 'c1', 'c4', 'c5']);
    expect(got.map((g) => g.id)).toEqual(['c0', 'c1', 'c4', 'c5']);
  });

  test('a crash forgets the calls in service; after the restart the dependency serves again', () => {
    const { replies, result } = run({ capacity: 10, serviceMs: 50 }, [100, 110, 300], { faults: [{ atMs: 130, fault: { type: 'crash', node: 'dep', downMs: 100 } }] });
    expect(result.stats.crashes).toBe(1);
    expect(replies.map((r) => [r.id, r.atMs])).toEqual([['c2', 360]]);
  });
});

describe('overload', () => {
  test("calls beyond capacity are answered 'retryable' (overloaded) at once, and capacity frees when a reply leaves", () => {
    // c0, c1 arrive at 105 and are served until 205; their replies leave on the tick at 210.
    const { arrivals, replies } = run({ capacity: 2, serviceMs: 100 }, [100, 100, 100, 100, 150, 202, 206]);
    expect(arrivals.map((a) => a.admitted)).toEqual([true, true, false, false, false, false, true]);
    expect(byId(replies)).toMatchObject({
      c0: { atMs: 210, reason: 'served' },
      c1: { atMs: 210, reason: 'served' },
      c2: { atMs: 105, outcome: 'retryable', reason: 'overloaded' },
      c3: { atMs: 105, outcome: 'retryable', reason: 'overloaded' },
      c4: { atMs: 155, reason: 'overloaded' },
      c5: { atMs: 207, reason: 'overloaded' }, // service ended at 205, but the calls hold their places until the tick at 210
      c6: { atMs: 320, reason: 'served' },
    });
  });

  test("a phase's capacity overrides the script's while it lasts; capacity 0 sheds every call", () => {
    const phases = [{ fromMs: 500, toMs: 1_000, capacity: 0 }, { fromMs: 1_000, toMs: 2_000, capacity: 3 }];
    const sends = [100, 100, 600, 1_100, 1_100, 1_100, 1_100];
    const { arrivals } = run({ capacity: 1, serviceMs: 100 }, sends);
    expect(arrivals.map((a) => a.admitted)).toEqual([true, false, true, true, false, false, false]);
    const phased = run({ capacity: 1, serviceMs: 100, phases }, sends);
    expect(phased.arrivals.map((a) => a.admitted)).toEqual([true, false, false, true, true, true, false]);
  });
});

describe('failure rates', () => {
  const CALLS = 2_000;
  const sends = Array.from({ length: CALLS }, (_, i) => i);
  const tally = (replies: Run['replies']) => ({
    ok: replies.filter((r) => r.outcome === 'ok').length,
    retryable: replies.filter((r) => r.outcome === 'retryable').length,
    fatal: replies.filter((r) => r.outcome === 'fatal').length,
  });
  /** Within 5 standard deviations of a binomial count: a bound a correct dependency misses about once in 3.5 million seeds. */
  const near = (count: number, n: number, p: number) => expect(Math.abs(count - n * p)).toBeLessThanOrEqual(5 * Math.sqrt(n * p * (1 - p)));

  test(`failure and fatal rates land within a loose binomial bound over ${CALLS} calls, with reason 'failed'`, () => {
    const { replies } = run({ capacity: 100, serviceMs: 20, phases: [{ fromMs: 0, toMs: Infinity, failureRate: 0.2, fatalRate: 0.1 }] }, sends, { seed: 7 });
    expect(replies).toHaveLength(CALLS);
    const { retryable, fatal } = tally(replies);
    near(retryable, CALLS, 0.2);
    near(fatal, CALLS, 0.1);
    expect(replies.every((r) => (r.outcome === 'ok' ? r.reason === 'served' : r.reason === 'failed'))).toBe(true);
  });

  test.each([
    [{ failureRate: 0, fatalRate: 0 }, { ok: 200, retryable: 0, fatal: 0 }],
    [{ failureRate: 1 }, { ok: 0, retryable: 200, fatal: 0 }],
    [{ fatalRate: 1 }, { ok: 0, retryable: 0, fatal: 200 }],
    [{ failureRate: 0.5, fatalRate: 0.5 }, { ok: 0 }],
  ])('rates %j are exact', (rates, expected) => {
    const { replies } = run({ capacity: 100, serviceMs: 20, phases: [{ fromMs: 0, toMs: Infinity, ...rates }] }, sends.slice(0, 200), { seed: 3 });
    expect(tally(replies)).toMatchObject(expected);
  });

  test('a served call draws once whatever the rates, so a phase with rates 0 shifts no later outcome', () => {
    const rates = { fromMs: 0, toMs: Infinity, failureRate: 0.3, fatalRate: 0.2 };
    const calm = { fromMs: 0, toMs: 500, failureRate: 0, fatalRate: 0 };
    const sendsTo1000 = Array.from({ length: 200 }, (_, i) => i * 5);
    const plain = run({ capacity: 100, serviceMs: 20, phases: [rates] }, sendsTo1000, { seed: 11 }).replies;
    const calmFirst = run({ capacity: 100, serviceMs: 20, phases: [calm, rates] }, sendsTo1000, { seed: 11 }).replies;
    const before = (rs: Run['replies']) => rs.filter((r) => r.atMs < 500).map((r) => r.outcome);
    const after = (rs: Run['replies']) => rs.filter((r) => r.atMs > 500).map((r) => [r.id, r.outcome]);
    expect(before(plain)).toContain('fatal');
    expect(new Set(before(calmFirst))).toEqual(new Set(['ok']));
    expect(after(calmFirst)).toEqual(after(plain));
  });

  test('the phase in force when service ends sets the rates', () => {
    // Starts in a calm phase at 105, ends at 155 in a phase where every call fails.
    const { replies } = run({ capacity: 10, serviceMs: 50, phases: [{ fromMs: 150, toMs: 1_000, failureRate: 1 }] }, [100]);
    expect(replies).toMatchObject([{ id: 'c0', outcome: 'retryable', reason: 'failed' }]);
  });
});

describe('what the network does to calls', () => {
  test('a duplicated call is two calls: the dependency serves both and does not recognise the id', () => {
    const { arrivals, replies } = run({ capacity: 10, serviceMs: 50 }, [100], { duplicate: 1 });
    expect(arrivals.map((a) => [a.id, a.admitted])).toEqual([['c0', true], ['c0', true]]);
    expect(replies.map((r) => [r.id, r.outcome])).toEqual([['c0', 'ok'], ['c0', 'ok']]);
  });

  test('a slow reply still arrives, however late: a client that gave up by then gets it anyway', () => {
    const { got } = run({ capacity: 10, serviceMs: 50, phases: [{ fromMs: 0, toMs: Infinity, slowdown: 20 }] }, [100], { durationMs: 2_000 });
    expect(got).toMatchObject([{ id: 'c0', atMs: tickAt(105 + 1_000) + DELAY_MS, outcome: 'ok' }]);
  });
});

describe('metrics and determinism', () => {
  test('arrivalsPerBucket counts every call that arrived at the node per bucket, admitted or not', () => {
    const sends = [0, 10, 94, 95, 96, 150, 520, 530, 700, 995];
    const { result, arrivals } = run({ capacity: 1, serviceMs: 30, phases: [{ fromMs: 500, toMs: 600, outage: 'silent' }] }, sends);
    expect(arrivals.some((a) => !a.admitted)).toBe(true);
    const oracle = Array.from({ length: 10 }, (_, i) => sends.filter((t) => Math.floor((t + DELAY_MS) / 100) === i).length);
    expect(arrivalsPerBucket(result.outputs, 'dep', 100, 1_000)).toEqual(oracle); // the call arriving at 1000 is past the end
    expect(arrivalsPerBucket(result.outputs, 'dep', 300, 1_000)).toEqual([6, 2, 1, 0]);
    expect(arrivalsPerBucket(result.outputs, 'client', 100, 1_000)).toEqual(new Array(10).fill(0));
    expect(() => arrivalsPerBucket(result.outputs, 'dep', 0, 1_000)).toThrow(/bucketMs must be a finite number of ms > 0, got 0/);
  });

  test('the same seed gives the same trace hash; another seed, another', () => {
    const script = { capacity: 3, serviceMs: 30, phases: [{ fromMs: 200, toMs: 400, failureRate: 0.3, fatalRate: 0.1, slowdown: 2 }] };
    const sends = Array.from({ length: 100 }, (_, i) => i * 7);
    const hash = (seed: number) => run(script, sends, { seed, delay: 'default' }).result.traceHash;
    expect(hash(5)).toBe(hash(5));
    expect(hash(6)).not.toBe(hash(5));
  });
});

describe('bad scripts', () => {
  const ok = { capacity: 1, serviceMs: 10 };
  test.each([
    [{ ...ok, capacity: -1 }, /script\.capacity must be an integer ≥ 0 .*got -1/],
    [{ ...ok, capacity: 1.5 }, /script\.capacity .*got 1\.5/],
    [{ ...ok, serviceMs: 0 }, /script\.serviceMs must be a finite number of ms > 0 .*got 0/],
    [{ ...ok, serviceMs: NaN }, /script\.serviceMs .*got NaN/],
    [{ ...ok, serviceMs: Infinity }, /script\.serviceMs .*got Infinity/],
    [{ ...ok, phases: [{ fromMs: 100, toMs: 50 }] }, /script\.phases\[0\]\.toMs must be ≥ fromMs \(100\).*got 50/],
    [{ ...ok, phases: [{ fromMs: NaN, toMs: 50 }] }, /script\.phases\[0\]\.fromMs/],
    [{ ...ok, phases: [{ fromMs: 0, toMs: 50 }, { fromMs: 0, toMs: 50, failureRate: 1.2 }] }, /script\.phases\[1\]\.failureRate must be a fraction in \[0, 1\], got 1\.2/],
    [{ ...ok, phases: [{ fromMs: 0, toMs: 50, fatalRate: -0.1 }] }, /script\.phases\[0\]\.fatalRate .*got -0\.1/],
    [{ ...ok, phases: [{ fromMs: 0, toMs: 50, failureRate: 0.6, fatalRate: 0.5 }] }, /script\.phases\[0\]\.failureRate \+ fatalRate must be ≤ 1 .*got 0\.6 \+ 0\.5/],
    [{ ...ok, phases: [{ fromMs: 0, toMs: 100, failureRate: 0.8 }, { fromMs: 50, toMs: 150, fatalRate: 0.5 }] }, /phases\[0\] and phases\[1\] overlap \(at 50 ms\), failureRate 0\.8 .*\+ fatalRate 0\.5/],
    [{ ...ok, phases: [{ fromMs: 0, toMs: 50, slowdown: 0.5 }] }, /script\.phases\[0\]\.slowdown must be a finite factor ≥ 1 .*got 0\.5/],
    [{ ...ok, phases: [{ fromMs: 0, toMs: 50, slowdown: Infinity }] }, /script\.phases\[0\]\.slowdown/],
    [{ ...ok, phases: [{ fromMs: 0, toMs: 50, capacity: 2.5 }] }, /script\.phases\[0\]\.capacity .*got 2\.5/],
  ] as [DependencyScript, RegExp][])('%j throws a RangeError naming the field', (script, message) => {
    expect(() => checkScript(script)).toThrow(RangeError);
    expect(() => dependencyNode({} as NodeContext<DependencyMessage, DependencyEvent>, script)).toThrow(message);
  });

  test('rates that sum to 1 in decimal, and phases that overlap without exceeding 1, are accepted', () => {
    expect(() => checkScript({ ...ok, phases: [{ fromMs: 0, toMs: 50, failureRate: 0.7, fatalRate: 0.3 }, { fromMs: 0, toMs: 100, failureRate: 0.9, fatalRate: 0.1 }] })).not.toThrow();
  });
});
