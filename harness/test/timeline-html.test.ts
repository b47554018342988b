/** The timeline page of a failed simulation: what it draws, and that nothing from the run can break out of it. */
import { describe, expect, test } from 'vitest';
import { failedRun, finishedRunFailure, renderTimelineHtml, simulate, SimulationFailure, type TraceEvent } from '../sim';
import { NODES, pingSpec } from './sim-support';
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
