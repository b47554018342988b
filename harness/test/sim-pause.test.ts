/** The pause fault: a stop-the-world GC pause or a SIGSTOP. The node is not called, what reaches it waits, its clocks run on. */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { describeFault, faultPlanArb, formatEvent, renderTimelineHtml, simulate, type FaultPlan, type TraceEvent } from '../sim';
import { callsOf, NODES, recorderSpec } from './sim-support';

const pause = (atMs: number, node: string, durationMs: number) => ({ atMs, fault: { type: 'pause' as const, node, durationMs } });
const send = (atMs: number, node: string, to: string) => ({ atMs, node, op: { to } });
/** Each call as [virtual time, call], for a compact expectation. */
const timeline = (calls: readonly { t: number; call: string }[]) => calls.map((c) => [c.t, c.call]);
const ofKind = <K extends TraceEvent['kind']>(trace: readonly TraceEvent[], kind: K) => trace.filter((e): e is Extract<TraceEvent, { kind: K }> => e.kind === kind);

describe('a paused node', () => {
  test('gets no tick, no step and no client call while paused; at its resume it takes what waited, then ticks every tickMs from there', () => {
    const result = simulate(1, recorderSpec({
      tickMs: 100,
      durationMs: 1200,
      faults: [pause(250, 'n2', 500)],
      workload: [send(300, 'n1', 'n2'), send(400, 'n3', 'n2'), send(500, 'n2', 'n3')],
    }));
    const calls = callsOf(result.outputs, 'n2');
    expect(timeline(calls)).toEqual([
      [0, 'start'], [100, 'tick'], [200, 'tick'],
      [750, 'step'], [750, 'step'], [750, 'client'], [750, 'tick'],
      [850, 'tick'], [950, 'tick'], [1050, 'tick'], [1150, 'tick'],
    ]);
    expect(calls.filter((c) => c.call === 'step').map((c) => c.from)).toEqual(['n1', 'n3']);
    expect(result.stats).toMatchObject({ pauses: 1, delivered: 3, droppedAtDownNode: 0 });
  });

  test('receives every message sent to it during the pause at its resume, in the order they arrived', () => {
    // A differential oracle: the same run without the pause. Recorders send only on client calls, so the network draws the same fates for the same messages, and the unpaused run shows when each arrived.
    const workload = Array.from({ length: 24 }, (_, i) => send(260 + 20 * i, i % 2 === 0 ? 'n1' : 'n3', 'n2'));
    const spec = (faults: FaultPlan) => recorderSpec({ tickMs: 100, durationMs: 1500, link: { delay: { kind: 'uniform', minMs: 1, maxMs: 80 }, reorder: 0.3, duplicate: 0.2 }, workload, faults });
    const paused = simulate(5, spec([pause(250, 'n2', 500)]));
    const free = simulate(5, spec([]));
    const arrived = callsOf(free.outputs, 'n2').filter((c) => c.call === 'step' && c.t >= 250 && c.t < 750);
    const atResume = callsOf(paused.outputs, 'n2').filter((c) => c.call === 'step' && c.t === 750);
    expect(arrived.length).toBeGreaterThan(15);
    expect(atResume.map((c) => [c.from, c.n])).toEqual(arrived.map((c) => [c.from, c.n]));
    expect(arrived.map((c) => c.n)).not.toEqual(arrived.map((c) => c.n).sort((a, b) => a! - b!)); // the arrival order is not the send order
    const { delivered, lost, duplicated, reordered } = free.stats;
    expect(paused.stats).toMatchObject({ delivered, lost, duplicated, reordered, droppedAtDownNode: 0 });
    expect(ofKind(paused.trace, 'resume')).toEqual([{ t: 750, kind: 'resume', node: 'n2', messages: arrived.length, calls: 0 }]);
  });

  test('what it sent before the pause is on the network already, and arrives while it is paused', () => {
    const result = simulate(1, recorderSpec({ link: { delay: { kind: 'uniform', minMs: 50, maxMs: 50 } }, faults: [pause(245, 'n2', 500)], workload: [send(240, 'n2', 'n3')] }));
    expect(callsOf(result.outputs, 'n3').find((c) => c.call === 'step')).toMatchObject({ t: 290, from: 'n2', n: 1 });
  });

  test('resumes with its clocks moved on by the length of the pause', () => {
    const result = simulate(1, recorderSpec({
      tickMs: 100,
      durationMs: 1000,
      faults: [
        { atMs: 0, fault: { type: 'clock-skew', node: 'n2', skewMs: 1000 } },
        { atMs: 0, fault: { type: 'clock-drift', node: 'n2', ppm: 2000 } },
        pause(250, 'n2', 500),
      ],
      workload: [send(300, 'n1', 'n2')],
    }));
    const calls = callsOf(result.outputs, 'n2');
    const resumed = calls.findIndex((c) => c.t === 750);
    const [before, after] = [calls[resumed - 1]!, calls[resumed]!];
    expect([before.t, after.call]).toEqual([200, 'step']);
    // 550 ms of virtual time passed between its last call before the pause and its first after, and both clocks ran through it.
    expect(after.mono - before.mono).toBeCloseTo(550 * 1.002, 9);
    expect(after.wall - before.wall).toBeCloseTo(550 * 1.002, 9);
  });

  test('that crashes drops the messages that waited, skips the client calls that waited, and restarts as usual', () => {
    const result = simulate(1, recorderSpec({
      tickMs: 100,
      durationMs: 1200,
      faults: [pause(250, 'n2', 500), { atMs: 450, fault: { type: 'crash', node: 'n2', downMs: 100 } }],
      workload: [send(300, 'n1', 'n2'), send(400, 'n3', 'n2'), send(420, 'n2', 'n1')],
    }));
    expect(timeline(callsOf(result.outputs, 'n2'))).toEqual([
      [0, 'start'], [100, 'tick'], [200, 'tick'],
      [550, 'start'], [650, 'tick'], [750, 'tick'], [850, 'tick'], [950, 'tick'], [1050, 'tick'], [1150, 'tick'],
    ]);
    expect(result.stats).toMatchObject({ delivered: 0, droppedAtDownNode: 2, crashes: 1, pauses: 1 });
    expect(ofKind(result.trace, 'drop').map((e) => [e.t, e.from, e.reason])).toEqual([[450, 'n1', 'node crashed while paused'], [450, 'n3', 'node crashed while paused']]);
    expect(ofKind(result.trace, 'client').filter((e) => e.node === 'n2').map((e) => [e.t, e.op])).toEqual([[450, '{"to":"n1"} (skipped: node is down)']]);
    expect(ofKind(result.trace, 'resume')).toEqual([]);
  });

  test('paused again while paused stays paused to the later end; a pause inside the current one changes nothing', () => {
    const result = simulate(1, recorderSpec({
      tickMs: 100,
      durationMs: 1500,
      faults: [pause(250, 'n2', 500), pause(400, 'n2', 600), pause(500, 'n2', 100)],
      workload: [send(800, 'n1', 'n2')],
    }));
    expect(timeline(callsOf(result.outputs, 'n2'))).toEqual([
      [0, 'start'], [100, 'tick'], [200, 'tick'],
      [1000, 'step'], [1000, 'tick'], [1100, 'tick'], [1200, 'tick'], [1300, 'tick'], [1400, 'tick'], [1500, 'tick'],
    ]);
    expect(ofKind(result.trace, 'pause').map((e) => [e.t, e.untilMs])).toEqual([[250, 750], [400, 1000]]);
    expect(ofKind(result.trace, 'resume').map((e) => e.t)).toEqual([1000]);
    expect(result.stats.pauses).toBe(2);
  });

  test('a pause of a down node does nothing but be recorded', () => {
    const result = simulate(1, recorderSpec({
      tickMs: 100,
      durationMs: 1000,
      faults: [{ atMs: 100, fault: { type: 'crash', node: 'n2', downMs: 400 } }, pause(200, 'n2', 1000)],
    }));
    expect(timeline(callsOf(result.outputs, 'n2'))).toEqual([[0, 'start'], [100, 'tick'], [500, 'start'], [600, 'tick'], [700, 'tick'], [800, 'tick'], [900, 'tick'], [1000, 'tick']]);
    expect(result.stats.pauses).toBe(0);
    expect(result.trace.map(formatEvent)).toContain('   200.000 ms  fault pause n2 for 1000 ms');
    expect(ofKind(result.trace, 'pause')).toEqual([]);
  });

  test('the heal before the liveness phase ends every pause', () => {
    const result = simulate(1, recorderSpec({
      tickMs: 100,
      durationMs: 1000,
      faults: [pause(950, 'n2', 5000)],
      liveness: { withinMs: 500, done: (v) => v.time >= 1350, pending: () => 'time to pass' },
    }));
    expect(ofKind(result.trace, 'resume').map((e) => e.t)).toEqual([1000]);
    expect(timeline(callsOf(result.outputs, 'n2')).slice(-4)).toEqual([[1000, 'tick'], [1100, 'tick'], [1200, 'tick'], [1300, 'tick']]);
  });
});

describe('pauses in generated plans, the trace and the vacuity guard', () => {
  const kinds = ['pause', 'crash', 'partition', 'hold', 'clock-jump'] as const;

  test('under generated plans, no node is called between its pause and its resume, and at its resume it takes exactly what waited', () => {
    fc.assert(
      fc.property(faultPlanArb(NODES, { untilMs: 2000, kinds, maxFaults: 10 }), fc.integer({ min: 0, max: 1000 }), (plan, seed) => {
        const workload = Array.from({ length: 30 }, (_, i) => send(70 * i, NODES[i % 5]!, NODES[(i * 3 + 1) % 5]!)).filter((w) => w.node !== w.op.to);
        const { trace } = simulate(seed, recorderSpec({ nodes: NODES, tickMs: 50, link: { loss: 0.05 }, faults: plan, workload, liveness: { withinMs: 100, done: (v) => v.time >= 2050, pending: () => '' } }));
        const paused = new Set<string>();
        let taking: { node: string; messages: number; calls: number } | undefined;
        for (const e of trace) {
          const node = e.kind === 'deliver' ? e.to : e.kind === 'tick' || e.kind === 'client' ? e.node : undefined;
          if (node !== undefined && paused.has(node)) throw new Error(`${formatEvent(e)} while ${node} was paused`);
          if (taking && node === taking.node) {
            if (e.kind === 'tick') {
              expect([taking.messages, taking.calls]).toEqual([0, 0]);
              taking = undefined;
            } else if (e.kind === 'deliver') taking.messages--;
            else taking.calls--;
          }
          if (e.kind === 'pause') paused.add(e.node);
          if (e.kind === 'crash') paused.delete(e.node);
          if (e.kind === 'resume') {
            paused.delete(e.node);
            taking = { node: e.node, messages: e.messages, calls: e.calls };
          }
        }
      }),
      { numRuns: 40, seed: 17 },
    );
  });

  test('the same seed gives the same trace, byte for byte, and the same hash, with pauses too', () => {
    const spec = () => recorderSpec({
      nodes: NODES,
      tickMs: 20,
      link: { loss: 0.1, duplicate: 0.05, reorder: 0.1 },
      faults: [pause(300, 'n2', 400), pause(500, 'n3', 300), { atMs: 550, fault: { type: 'crash', node: 'n3', downMs: 200 } }, pause(600, 'n2', 500)],
      workload: Array.from({ length: 40 }, (_, i) => send(40 * i, NODES[i % 5]!, NODES[(i + 1) % 5]!)),
    });
    const [a, b] = [simulate(42, spec()), simulate(42, spec())];
    expect(a.traceHash).toBe(b.traceHash);
    expect(JSON.stringify(a.trace)).toBe(JSON.stringify(b.trace));
    expect(ofKind(a.trace, 'resume').length).toBeGreaterThan(0);
    expect(a.traceHash).not.toBe(simulate(42, { ...spec(), faults: [] }).traceHash);
  });

  test('a run whose only fault is a pause passes the vacuity guard', () => {
    const quietLink = { delay: { kind: 'uniform' as const, minMs: 5, maxMs: 5 } };
    expect(() => simulate(6, recorderSpec({ link: quietLink, requireFault: true }))).toThrow(/vacuous scenario/);
    const result = simulate(6, recorderSpec({ link: quietLink, faults: [pause(100, 'n2', 200)], requireFault: true }));
    expect([result.faultsFired, result.stats.pauses]).toEqual([1, 1]);
  });

  test('the trace prints a pause and a resume on the node, and the timeline picture draws both on its lane', () => {
    expect(describeFault({ type: 'pause', node: 'n3', durationMs: 500 })).toBe('pause n3 for 500 ms');
    const result = simulate(1, recorderSpec({ faults: [pause(250, 'n2', 500)], workload: [send(300, 'n1', 'n2'), send(400, 'n2', 'n3')] }));
    const lines = result.trace.filter((e) => e.kind === 'pause' || e.kind === 'resume').map(formatEvent);
    expect(lines).toEqual(['   250.000 ms  n2   PAUSE until 750.000 ms', '   750.000 ms  n2   resume, 1 message and 1 client call waited']);
    const html = renderTimelineHtml({ title: 'pause', nodes: result.nodes, trace: result.trace, evidence: 'none' });
    expect(html).toMatch(/<line class="pause" data-node="n2"/);
    expect(html).toMatch(/<line class="resume" data-node="n2"/);
  });
});

describe('faultPlanArb and pauses', () => {
  test('without kinds it never makes a pause, and gives the very plans it gave before pauses existed', () => {
    const types = fc.sample(faultPlanArb(NODES, { untilMs: 2000 }), { numRuns: 300, seed: 1 }).flat().map((f) => f.fault.type);
    expect(types.length).toBeGreaterThan(300);
    expect(types).not.toContain('pause');
    // Sampled before the pause fault was added: plans that name no kinds must stay the ones they were.
    expect(fc.sample(faultPlanArb(['n1', 'n2', 'n3'], { untilMs: 1000, maxFaults: 3 }), { numRuns: 10, seed: 2024 })).toEqual([
      [],
      [{ atMs: 208, fault: { type: 'clock-jump', node: 'n1', byMs: -36282 } }],
      [
        { atMs: 24, fault: { type: 'crash', node: 'n2', downMs: 313 } },
        { atMs: 905, fault: { type: 'degrade', from: 'n3', to: 'n2', link: { loss: 5.1034750582869737e-54, duplicate: 2.3437575982777722e-169, reorder: 4.7493374191697454e-235 }, durationMs: 1151 } },
      ],
      [{ atMs: 56, fault: { type: 'clock-drift', node: 'n1', ppm: 306 } }, { atMs: 274, fault: { type: 'clock-jump', node: 'n2', byMs: -53530 } }],
      [{ atMs: 678, fault: { type: 'one-way', from: 'n1', to: 'n3', durationMs: 869 } }],
      [],
      [],
      [],
      [],
      [{ atMs: 590, fault: { type: 'one-way', from: 'n2', to: 'n3', durationMs: 1990 } }],
    ]);
  });

  test('named in kinds, it makes pauses of a node for a duration in bounds', () => {
    const faults = fc.sample(faultPlanArb(NODES, { untilMs: 2000, kinds: ['pause'], minDurationMs: 150, maxDurationMs: 900 }), { numRuns: 50, seed: 2 }).flat().map((f) => f.fault);
    expect(faults.length).toBeGreaterThan(20);
    for (const f of faults) {
      expect(f.type).toBe('pause');
      if (f.type !== 'pause') continue;
      expect(NODES).toContain(f.node);
      expect(f.durationMs).toBeGreaterThanOrEqual(150);
      expect(f.durationMs).toBeLessThanOrEqual(900);
    }
  });
});
