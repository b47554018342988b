/** The timeline page of a failed simulation: what it draws, how it lays out time, and that nothing from the run can break out of it. */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { failedRun, finishedRunFailure, renderTimelineHtml, simulate, SimulationFailure, timeline, type TraceEvent } from '../sim';
import { FOCUS_EVENTS, historyRows, idleThresholdMs, layoutTimeline, statusBands, statusColours, timeAxis } from '../sim/timeline-html';
import { checkLinearizable, History, historyDrawing, registerModel, type HistoryDrawing, type RegisterInput, type RegisterOutput } from '../history';
import { NODES, pingSpec, type Pinger } from './sim-support';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { KEEP_YOUNGER_THAN_MS, pruneTimelines, writeTimeline } from '../suite/timeline-file';

/** A five-node run under loss, a partition and a crash, failing its invariant once n1 has received three pings. */
function failure(): SimulationFailure {
  try {
    simulate(
      7,
      pingSpec({
        link: { loss: 0.2 },
        faults: [
          { atMs: 200, fault: { type: 'partition', groups: [['n1', 'n2'], ['n3', 'n4', 'n5']], durationMs: 300 } },
          { atMs: 250, fault: { type: 'crash', node: 'n3', downMs: 200 } },
        ],
        invariants: [{ name: 'n1 receives fewer than 3 pings', check: (v) => ((v.node('n1')?.received.length ?? 0) >= 3 ? 'n1 has received 3 pings' : undefined) }],
      }),
    );
  } catch (error) {
    if (error instanceof SimulationFailure) return error;
    throw error;
  }
  throw new Error('the run did not fail');
}

const count = (html: string, pattern: RegExp): number => html.match(pattern)?.length ?? 0;

describe('timeline page', () => {
  test('a simulation failure carries its run (every node, every event), but not as an enumerable property', () => {
    const error = failure();
    const run = failedRun(error)!;
    expect(run.nodes).toEqual(NODES);
    expect(run.trace.at(-1)?.kind).toBe('violation');
    expect(Object.keys(error)).not.toContain('run');
  });

  test('the page draws one lane per node, an arrow per delivered message, a dashed line per lost one, crashes, faults and the violation', () => {
    const run = failedRun(failure())!;
    const html = renderTimelineHtml({ title: 'ping · n1 receives fewer than 3 pings', nodes: run.nodes, trace: run.trace, evidence: 'n1 has received 3 pings' });
    const kinds = (kind: TraceEvent['kind']) => run.trace.filter((e) => e.kind === kind).length;
    expect(count(html, /<line class="lane"/g)).toBe(NODES.length);
    expect(count(html, /<line class="msg"/g)).toBe(kinds('deliver'));
    expect(count(html, /<line class="msg dropped"/g)).toBe(kinds('drop'));
    expect(kinds('drop')).toBeGreaterThan(0);
    expect(count(html, /<line class="crash"/g)).toBe(1);
    expect(count(html, /<line class="fault"/g)).toBe(kinds('fault'));
    expect(count(html, /id="violation"/g)).toBe(1);
    expect(html).toContain('n1 has received 3 pings');
  });

  test('text from the run is escaped: a message body or failure message cannot inject markup', () => {
    const trace: TraceEvent[] = [
      { t: 0, kind: 'send', from: 'a', to: 'b', msg: 1, body: '<script>alert(1)</script>', fate: '' },
      { t: 1, kind: 'deliver', from: 'a', to: 'b', msg: 1, copy: 0 },
      { t: 2, kind: 'violation', detail: '</pre><img src=x onerror=alert(2)>' },
    ];
    const html = renderTimelineHtml({ title: '<b>t</b>', nodes: ['a', 'b"><svg onload=alert(3)>'], trace, evidence: '</pre><script>alert(4)</script>' });
    expect(html).not.toMatch(/<script>alert|<img|<svg onload|<b>t/);
    expect(count(html, /<script>/g)).toBe(1); // the page's own
  });

  test('a run too long to draw keeps its last events and says how many it left out', () => {
    const trace: TraceEvent[] = Array.from({ length: 25_000 }, (_, i) => ({ t: i, kind: 'emit', node: 'a', output: `o${i}` }) as const);
    const html = renderTimelineHtml({ title: 'long', nodes: ['a'], trace, evidence: '' });
    expect(count(html, /<line class="emit"/g)).toBe(20_000);
    expect(html).toContain('the first 5000 events of the run are not drawn');
  });

  test('a failure found after the run finished carries the run up to that moment, with the violation drawn there', () => {
    const run = simulate(7, pingSpec({ link: { loss: 0.2 } }));
    const at = run.trace[Math.floor(run.trace.length / 2)]!.t;
    const error = finishedRunFailure(run, at, 'the oracle disagrees', 'the oracle disagrees, at length');
    expect(error.message).toBe('the oracle disagrees, at length');
    const carried = failedRun(error)!;
    expect(carried.nodes).toEqual(NODES);
    expect(carried.trace.every((e) => e.t <= at)).toBe(true);
    expect(carried.trace.at(-1)).toEqual({ t: at, kind: 'violation', detail: 'the oracle disagrees' });
    expect(carried.trace.length).toBe(run.trace.filter((e) => e.t <= at).length + 1);
    const html = renderTimelineHtml({ title: 'after the run', nodes: carried.nodes, trace: carried.trace, evidence: error.message });
    expect(count(html, /id="violation"/g)).toBe(1);
  });

  test('an error that only claims to carry a run gets no picture, and no exception from drawing one', () => {
    const run = { nodes: ['a'], trace: [null] as unknown as TraceEvent[] };
    expect(writeTimeline({ exercise: 'raft', name: 'forged', seed: 1, run, evidence: '', about: [] })).toBeUndefined();
  });

  test('the timelines folder keeps its newest pages, and never removes one younger than an hour', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faultline-timelines-'));
    try {
      const now = Date.now();
      // Pages 0–5, page i written i hours ago; page 5 is the oldest. One file that is not a page.
      for (let i = 0; i < 6; i++) {
        const file = path.join(dir, `page${i}.html`);
        fs.writeFileSync(file, '<!doctype html>');
        const at = (now - i * KEEP_YOUNGER_THAN_MS - (i > 0 ? 1000 : 0)) / 1000;
        fs.utimesSync(file, at, at);
      }
      fs.writeFileSync(path.join(dir, 'notes.txt'), 'mine');
      pruneTimelines(dir, 3, now);
      expect(fs.readdirSync(dir).sort()).toEqual(['notes.txt', 'page0.html', 'page1.html', 'page2.html']);
      // Beyond the newest two, only pages older than an hour go: page 0 is fresh.
      const fresh = path.join(dir, 'page-new.html');
      fs.writeFileSync(fresh, '<!doctype html>');
      pruneTimelines(dir, 0, now + 10);
      expect(fs.readdirSync(dir).sort()).toEqual(['notes.txt', 'page-new.html', 'page0.html']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** A shrunk run's shape: every node starts at 0, nothing but ticks for 1 100 ms, then 40 events in 11 ms and the violation. */
function shrunkTrace(): TraceEvent[] {
  const trace: TraceEvent[] = [];
  for (const node of ['a', 'b', 'c']) trace.push({ t: 0, kind: 'start', node }, { t: 0, kind: 'status', node, status: 'follower t0' });
  for (let t = 100; t <= 1_100; t += 100) for (const node of ['a', 'b', 'c']) trace.push({ t, kind: 'tick', node });
  trace.push({ t: 1_100, kind: 'status', node: 'a', status: 'candidate t1' });
  for (let i = 0; i < 20; i++) {
    const t = 1_100 + i * 0.5;
    trace.push({ t, kind: 'send', from: 'a', to: 'b', msg: i + 1, body: `m${i}`, fate: '' }, { t: t + 0.4, kind: 'deliver', from: 'a', to: 'b', msg: i + 1, copy: 0 });
  }
  trace.push({ t: 1_110.5, kind: 'status', node: 'a', status: 'leader t1' });
  trace.push({ t: 1_111, kind: 'violation', detail: 'two leaders' });
  return trace;
}

/** A long run's shape: three nodes busy every 100 ms for 60 s (a burst of 8 events in 5 ms), with a 3 s silence in the middle. */
function longTrace(): TraceEvent[] {
  const trace: TraceEvent[] = [];
  let msg = 0;
  for (let round = 1; round <= 600; round++) {
    const t = round * 100;
    for (const node of ['a', 'b', 'c']) trace.push({ t, kind: 'tick', node });
    if (round > 300 && round <= 330) continue;
    for (const to of ['b', 'c']) {
      msg++;
      trace.push({ t, kind: 'send', from: 'a', to, msg, body: 'beat', fate: '' }, { t: t + 2, kind: 'deliver', from: 'a', to, msg, copy: 0 });
      msg++;
      trace.push({ t: t + 2, kind: 'send', from: to, to: 'a', msg, body: 'ack', fate: '' }, { t: t + 5, kind: 'deliver', from: to, to: 'a', msg, copy: 0 });
    }
  }
  trace.sort((x, y) => x.t - y.t);
  trace.push({ t: 60_005, kind: 'violation', detail: 'late' });
  return trace;
}

/** The page's own layout of a trace, with the times of the events it counts (not ticks, not statuses). */
function layout(trace: readonly TraceEvent[]) {
  const { axis, focus } = layoutTimeline(trace);
  return { times: trace.filter((e) => e.kind !== 'tick' && e.kind !== 'status').map((e) => e.t), axis, focus: focus! };
}

describe('timeline layout', () => {
  test('idle compression: a gap longer than the threshold takes the break width, every other gap its own length, and positions stay strictly increasing', () => {
    fc.assert(
      // Virtual times in µs steps, as the network's delays are drawn.
      fc.property(fc.array(fc.integer({ min: 0, max: 5_000_000 }).map((us) => us / 1_000), { minLength: 1, maxLength: 60 }), fc.double({ min: 1, max: 500, noNaN: true }), fc.double({ min: 0.01, max: 50, noNaN: true }), (raw, idle, width) => {
        const times = [...raw].sort((a, b) => a - b);
        const axis = timeAxis(times, idle, width);
        // The oracle: walk the gaps.
        let expected = 0;
        times.forEach((t, i) => {
          if (i > 0) expected += t - times[i - 1]! > idle ? width : t - times[i - 1]!;
          expect(axis.position(t)).toBeCloseTo(expected, 6);
          expect(axis.time(axis.position(t))).toBeCloseTo(t, 6);
        });
        expect(axis.breaks.length).toBe(times.filter((t, i) => i > 0 && t - times[i - 1]! > idle).length);
        for (let i = 1; i < times.length; i++) if (times[i]! > times[i - 1]!) expect(axis.position(times[i]!)).toBeGreaterThan(axis.position(times[i - 1]!));
      }),
    );
  });

  test('idle means longer than twice the 90th-percentile delivery delay, and never longer than two tick periods', () => {
    // Deliveries take 0.4 ms here: at least 1 ms, doubled.
    expect(idleThresholdMs(shrunkTrace())).toBe(2);
    expect(idleThresholdMs(shrunkTrace().filter((e) => e.kind !== 'deliver'))).toBe(200);
    expect(idleThresholdMs([{ t: 0, kind: 'send', from: 'a', to: 'b', msg: 1, body: '', fate: '' }, { t: 900, kind: 'deliver', from: 'a', to: 'b', msg: 1, copy: 0 }])).toBe(1_800);
    expect(idleThresholdMs([])).toBe(Infinity);
  });

  test('a shrunk run: zoom to the violation shows the whole burst before it across most of the width, the 1 100 ms of waiting as one narrow break', () => {
    const { times, axis, focus } = layout(shrunkTrace());
    expect(axis.breaks).toEqual([expect.objectContaining({ from: 0, to: 1_100 })]);
    const width = focus.to - focus.from;
    const burst = axis.position(1_111) - axis.position(1_100);
    expect(burst / width, 'the burst before the violation').toBeGreaterThan(0.8);
    expect(axis.breaks[0]!.width / width, 'the break').toBeGreaterThan(0.03);
    expect(axis.breaks[0]!.width / width, 'the break').toBeLessThan(0.12);
    // The break is shown whole, and the violation is inside the window.
    expect(focus.from).toBeLessThan(axis.breaks[0]!.at);
    expect(axis.position(times.at(-1)!)).toBeLessThan(focus.to);
  });

  test('a long run: zoom to the violation shows the last FOCUS_EVENTS events, spread over most of the window, whatever came before', () => {
    const { times, axis, focus } = layout(longTrace());
    expect(times.length).toBeGreaterThan(4_000);
    const shown = times.filter((t) => axis.position(t) >= focus.from && axis.position(t) <= focus.to);
    expect(shown.length).toBeGreaterThanOrEqual(FOCUS_EVENTS);
    expect(shown.length).toBeLessThanOrEqual(FOCUS_EVENTS + 10);
    const spread = (axis.position(shown.at(-1)!) - axis.position(shown[0]!)) / (focus.to - focus.from);
    expect(spread).toBeGreaterThan(0.8);
    // The busy rounds keep their length; the silence is cut like any other wait.
    const silence = axis.breaks.find((b) => b.to - b.from > 3_000)!;
    expect(silence).toMatchObject({ from: 30_005, to: 33_100 });
    expect(axis.position(60_005) - axis.position(100)).toBeLessThan(60_005 - 100);
  });

  test('without a tick or a message to go by, nothing is cut', () => {
    const trace: TraceEvent[] = Array.from({ length: 10 }, (_, i) => ({ t: i * i * 1_000, kind: 'emit', node: 'a', output: `o${i}` }) as const);
    expect(timeAxis(trace.map((e) => e.t), idleThresholdMs(trace), 1).breaks).toEqual([]);
  });

  test('status bands: each from a change to the next, ended by a crash, and the status held at the end kept however short', () => {
    const trace: TraceEvent[] = [
      { t: 0, kind: 'status', node: 'a', status: 'follower t0' },
      { t: 0, kind: 'status', node: 'b', status: 'follower t0' },
      { t: 10, kind: 'status', node: 'a', status: 'candidate t1' },
      { t: 12, kind: 'status', node: 'a', status: 'leader t1' },
      { t: 20, kind: 'crash', node: 'a', detail: '' },
      { t: 30, kind: 'restart', node: 'a' },
      { t: 30, kind: 'status', node: 'a', status: 'follower t1' },
      { t: 40, kind: 'status', node: 'b', status: 'leader t2' },
      { t: 40, kind: 'violation', detail: '' },
    ];
    expect(statusBands(trace, 40)).toEqual([
      { node: 'a', status: 'follower t0', from: 0, to: 10 },
      { node: 'b', status: 'follower t0', from: 0, to: 40 },
      { node: 'a', status: 'candidate t1', from: 10, to: 12 },
      { node: 'a', status: 'leader t1', from: 12, to: 20 },
      { node: 'a', status: 'follower t1', from: 30, to: 40 },
      { node: 'b', status: 'leader t2', from: 40, to: 40 },
    ]);
    const colours = statusColours(['follower t0', 'leader t1', 'Leader t2', 'syncing 3', 'idle']);
    expect(colours.get('leader')).not.toBe(colours.get('follower'));
    expect(colours.size).toBe(4);
    expect(new Set(colours.values()).size).toBe(4);
  });
});

describe('status events', () => {
  const parity = { describe: { status: (n: Pinger) => (n.sent % 2 === 0 ? 'even' : 'odd') } };

  test('the simulator records what a node reports about itself when it changes, and again after a restart; hash, failure text and verdict stay as without', () => {
    const spec = pingSpec({ link: { loss: 0.2 }, faults: [{ atMs: 700, fault: { type: 'crash', node: 'n2', downMs: 300 } }] });
    const plain = simulate(5, spec);
    const described = simulate(5, { ...spec, ...parity });
    expect(simulate(5, { ...spec, ...parity }).trace).toEqual(described.trace);
    expect(described.traceHash).toBe(plain.traceHash);
    expect(described.trace.filter((e) => e.kind !== 'status')).toEqual(plain.trace);
    expect(timeline(described.trace)).toBe(timeline(plain.trace));
    const statuses = described.trace.filter((e) => e.kind === 'status' && e.node === 'n2');
    expect(statuses[0]).toMatchObject({ t: 0, status: 'even' });
    // No two in a row say the same, except across the crash.
    const restart = described.trace.find((e) => e.kind === 'restart' && e.node === 'n2')!;
    expect(statuses.some((e) => e.t === restart.t)).toBe(true);
    for (let i = 1; i < statuses.length; i++) if (statuses[i]!.t !== restart.t) expect(statuses[i]).not.toMatchObject({ status: (statuses[i - 1] as { status: string }).status });
  });

  test('a status hook that throws records nothing, and changes nothing else', () => {
    const spec = pingSpec({ link: { loss: 0.2 } });
    const throwing = simulate(5, { ...spec, describe: { status: (n: Pinger) => (n.sent > 3 ? (() => { throw new Error('no'); })() : `sent ${n.sent}`) } });
    expect(throwing.traceHash).toBe(simulate(5, spec).traceHash);
    expect(throwing.trace.filter((e) => e.kind === 'status').every((e) => /^sent [0-3]$/.test((e as { status: string }).status))).toBe(true);
  });

  test('the page draws a labelled band per status stretch and a break mark per idle stretch, with statuses escaped', () => {
    const trace = shrunkTrace().map((e) => (e.kind === 'status' && e.status === 'leader t1' ? { ...e, status: '<b>leader</b> t1' } : e));
    const html = renderTimelineHtml({ title: 'bands', nodes: ['a', 'b', 'c'], trace, evidence: '' });
    expect(count(html, /<rect class="band"/g)).toBe(statusBands(trace, 1_111).length);
    expect(count(html, /<text class="band-label"/g)).toBe(statusBands(trace, 1_111).length);
    expect(html).toContain('&lt;b&gt;leader&lt;/b&gt; t1');
    expect(html).not.toContain('<b>leader');
    expect(count(html, /<g class="break"/g)).toBe(1);
    expect(html).toContain('⋯ 1\u202f100 ms idle ⋯');
  });
});

describe('client calls on the timeline page', () => {
  /** A finished ping run and a register history over it: n1 writes v1 then <i>v2</i>, n2 reads v1 after both (stale), n3's write is indeterminate, n2's last fails. */
  function checked() {
    const run = simulate(7, pingSpec({ link: { loss: 0.2 } }));
    const h = new History<RegisterInput, RegisterOutput>();
    const w1 = h.invoke('n1', 'k', { type: 'write', value: 'v1' }, 100);
    h.ok(w1, { value: undefined }, 150);
    const w2 = h.invoke('n1', 'k', { type: 'write', value: '<i>v2</i>' }, 200);
    h.ok(w2, { value: undefined }, 250);
    const r = h.invoke('n2', 'k', { type: 'read' }, 300);
    const w3 = h.invoke('n3', 'k', { type: 'write', value: 'v3' }, 310);
    h.ok(r, { value: 'v1' }, 320);
    h.info(w3, 400);
    h.fail(h.invoke('n2', 'k', { type: 'write', value: 'v4' }, 500), 520);
    const ops = h.operations();
    const result = checkLinearizable(ops, registerModel);
    return { run, ops, result, drawing: historyDrawing(ops, result, registerModel) };
  }

  test('each call is a labelled bar on its client\'s lane, escaped; the calls that cannot be ordered are red, the longest order numbered', () => {
    const { run, result, drawing } = checked();
    expect(result).toMatchObject({ verdict: 'violation', stuck: [2], longest: [0, 1] });
    const html = renderTimelineHtml({ title: 'quorum', nodes: run.nodes, trace: run.trace, evidence: '', history: drawing });
    expect(html).toContain('>client calls</div>');
    expect(count(html, /<div class="label client"/g)).toBe(3);
    expect(count(html, /<rect class="op /g)).toBe(5);
    expect(count(html, /<rect class="op ok highlight"/g)).toBe(1);
    expect(count(html, /<rect class="op info"/g)).toBe(1);
    expect(count(html, /<rect class="op fail"/g)).toBe(1);
    expect(count(html, /<tspan class="op-order">/g)).toBe(2);
    expect(html).toContain('write &quot;&lt;i&gt;v2&lt;/i&gt;&quot;');
    expect(html).not.toContain('<i>v2');
    expect(html).toContain('5 client calls drawn below the nodes, 1 of them in red.');
  });

  test('nothing in a history can inject markup: clients, labels and even a forged status', () => {
    const { run } = checked();
    const drawing: HistoryDrawing = {
      operations: [{ id: 0, client: '"><script>alert(1)</script>', label: '</text><script>alert(2)</script>', call: 100, ret: 200, status: 'ok' }],
      highlight: [0],
    };
    const html = renderTimelineHtml({ title: 't', nodes: run.nodes, trace: run.trace, evidence: '', history: drawing });
    expect(html).not.toMatch(/<script>alert/);
    expect(count(html, /<script>/g)).toBe(1);
    const forged = { ...drawing, operations: [{ ...drawing.operations[0]!, status: 'ok"><script>' as 'ok' }] };
    expect(() => renderTimelineHtml({ title: 't', nodes: run.nodes, trace: run.trace, evidence: '', history: forged })).toThrow(/^timeline: unknown call status/);
  });

  test('a page without a history is drawn as before: the same page as with history undefined, and the same lanes and arrows as with one', () => {
    const { run, drawing } = checked();
    const page = { title: 'ping', nodes: run.nodes, trace: run.trace, evidence: 'e' };
    const plain = renderTimelineHtml(page);
    expect(renderTimelineHtml({ ...page, history: undefined })).toBe(plain);
    expect(plain).not.toMatch(/>client calls<\/div>|class="op|op-hatch|data-kind="history"/);
    const drawn = renderTimelineHtml({ ...page, history: drawing });
    for (const element of plain.match(/<line class="(lane|msg|msg dropped|client|emit)"[^\n]*/g)!) expect(drawn).toContain(element);
    expect(drawn.length).toBeGreaterThan(plain.length);
  });

  test('calls in flight at once on one client take a row each; a call that starts when another returns still needs its own (closed intervals)', () => {
    const op = (id: number, client: string, call: number, ret: number, status: 'ok' | 'info' = 'ok') => ({ id, client, label: '', call, ret, status });
    const rows = historyRows([op(0, 'a', 0, 10), op(1, 'a', 5, 20), op(2, 'a', 10, 12), op(3, 'a', 21, 30), op(4, 'b', 0, 1, 'info'), op(5, 'b', 50, 60)]);
    expect(rows.clients).toEqual([{ client: 'a', rows: 3 }, { client: 'b', rows: 2 }]);
    expect([...rows.at]).toEqual([[0, [0, 0]], [4, [1, 0]], [1, [0, 1]], [2, [0, 2]], [3, [0, 0]], [5, [1, 1]]]);
  });

  test('a failure found after the run can carry its history to the picture; a malformed one is left behind', () => {
    const { run, drawing } = checked();
    const error = finishedRunFailure(run, 600, 'a stale read', 'a stale read, at length', drawing);
    expect(failedRun(error)!.history).toBe(drawing);
    expect(failedRun(finishedRunFailure(run, 600, 'x'))!.history).toBeUndefined();
    const forged = new SimulationFailure('forged', { nodes: run.nodes, trace: run.trace, history: { operations: 'no' } as unknown as HistoryDrawing });
    expect(failedRun(forged)).toEqual({ nodes: run.nodes, trace: run.trace });
    const file = writeTimeline({ exercise: 'quorum', name: 'history', seed: 1, run: failedRun(error)!, evidence: error.message, about: [] });
    try {
      expect(fs.readFileSync(file!, 'utf8')).toContain('>client calls</div>');
    } finally {
      if (file) fs.rmSync(file, { force: true });
    }
  });
});
