/**
 * A failed simulation as a picture: one self-contained HTML page, no network,
 * no dependencies, readable for a few thousand events.
 *
 * - one lane per node, time running left to right;
 * - a message is an arrow from its send to its delivery (a duplicate is a
 *   second arrow from the same send); a lost one is a dashed red line that
 *   ends where it was lost, and says why;
 * - faults and heals are dashed orange lines across every lane; a crash is a
 *   red bar on its lane, a restart a green one; client calls and emitted
 *   outputs are short ticks;
 * - the moment the run failed is a red line (`#violation`), and the evidence
 *   is printed above the picture, with the last events before it as text.
 *
 * Hovering any mark shows the event. Checkboxes hide kinds of events or
 * nodes; the zoom buttons (and the mouse wheel) change the time window, and
 * "zoom to the violation" shows the events that led up to it.
 *
 * Everything shown that came from a run (message bodies, outputs, the
 * failure message) is escaped: learner code chooses those strings.
 */
import { formatEvent, type TraceEvent } from './trace';
import type { NodeId } from './types';

export interface TimelinePage {
  /** What ran: exercise and test. */
  readonly title: string;
  readonly nodes: readonly NodeId[];
  readonly trace: readonly TraceEvent[];
  /** Why the run failed, as the test reported it. */
  readonly evidence: string;
  /** Lines under the title: the seed, the replay command. */
  readonly about?: readonly string[];
}

/** Past this many events, only the last ones are drawn (the page says so). */
export const MAX_DRAWN_EVENTS = 20_000;
const LANE_HEIGHT = 60;
const TOP = 30;
/** The width the page is laid out for before its script runs (the script redraws at the window's width). */
const WIDTH = 1_200;

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function renderTimelineHtml(page: TimelinePage): string {
  const skipped = Math.max(0, page.trace.length - MAX_DRAWN_EVENTS);
  const events = page.trace.slice(skipped).filter((e) => e.kind !== 'tick');
  const lane = new Map(page.nodes.map((id, i) => [id, i] as const));
  const t0 = events[0]?.t ?? 0;
  const t1 = Math.max(t0 + 1, events[events.length - 1]?.t ?? 1);
  const x = (t: number): string => (((t - t0) / (t1 - t0)) * WIDTH).toFixed(2);
  const y = (node: NodeId): number => TOP + (lane.get(node) ?? 0) * LANE_HEIGHT;
  const height = TOP * 2 + Math.max(0, page.nodes.length - 1) * LANE_HEIGHT;
  const title = (e: TraceEvent): string => `<title>${escapeHtml(formatEvent(e).trim())}</title>`;

  const sends = new Map<number, Extract<TraceEvent, { kind: 'send' }>>();
  const marks: string[] = [];
  let violationAt: number | undefined;
  for (const e of events) {
    switch (e.kind) {
      case 'send':
        sends.set(e.msg, e);
        break;
      case 'deliver':
      case 'drop': {
        const sent = sends.get(e.msg);
        if (!sent) break; // sent before the part of the trace drawn
        const dropped = e.kind === 'drop';
        const what = `${formatEvent(sent).trim()}\n${formatEvent(e).trim()}`;
        marks.push(
          `<line class="msg${dropped ? ' dropped' : ''}" data-from="${escapeHtml(e.from)}" data-to="${escapeHtml(e.to)}" data-a="${sent.t}" data-b="${e.t}" x1="${x(sent.t)}" y1="${y(e.from)}" x2="${x(e.t)}" y2="${y(e.to)}"${dropped ? '' : ' marker-end="url(#arrow)"'}><title>${escapeHtml(what)}</title></line>`,
        );
        break;
      }
      case 'crash':
      case 'restart':
        marks.push(`<line class="${e.kind}" data-node="${escapeHtml(e.node)}" data-a="${e.t}" data-b="${e.t}" x1="${x(e.t)}" x2="${x(e.t)}" y1="${y(e.node) - 18}" y2="${y(e.node) + 18}">${title(e)}</line>`);
        break;
      case 'client':
      case 'emit':
        marks.push(`<line class="${e.kind}" data-node="${escapeHtml(e.node)}" data-a="${e.t}" data-b="${e.t}" x1="${x(e.t)}" x2="${x(e.t)}" y1="${y(e.node) - 8}" y2="${y(e.node) + 8}">${title(e)}</line>`);
        break;
      case 'fault':
      case 'heal':
        marks.push(`<line class="${e.kind}" data-a="${e.t}" data-b="${e.t}" x1="${x(e.t)}" x2="${x(e.t)}" y1="0" y2="${height}">${title(e)}</line>`);
        break;
      case 'violation':
        violationAt = e.t;
        marks.push(`<line id="violation" class="violation" data-a="${e.t}" data-b="${e.t}" x1="${x(e.t)}" x2="${x(e.t)}" y1="0" y2="${height}">${title(e)}</line>`);
        break;
      default:
        break;
    }
  }
  const lanes = page.nodes.map((id) => `<line class="lane" data-node="${escapeHtml(id)}" x1="0" x2="100%" y1="${y(id)}" y2="${y(id)}"><title>${escapeHtml(id)}</title></line>`);
  const labels = page.nodes.map((id) => `<div class="label" data-node="${escapeHtml(id)}" style="top:${y(id) - 9}px">${escapeHtml(id)}</div>`);
  const nodeFilters = page.nodes.map((id) => `<label><input type="checkbox" data-node-filter="${escapeHtml(id)}" checked> ${escapeHtml(id)}</label>`);
  const last = events.slice(-60).map((e) => formatEvent(e));
  // The window that "zoom to the violation" shows: the 40 events before it (at least 1 % of the run).
  const before = events.filter((e) => violationAt !== undefined && e.t <= violationAt);
  const focusFrom = before.length > 40 ? before[before.length - 40]!.t : t0;
  const focus = violationAt === undefined ? undefined : { from: focusFrom, to: violationAt };
  const counts = {
    messages: events.filter((e) => e.kind === 'deliver' || e.kind === 'drop').length,
    lost: events.filter((e) => e.kind === 'drop').length,
    crashes: events.filter((e) => e.kind === 'crash').length,
  };

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(page.title)}</title>
<style>
body { font: 14px/1.4 system-ui, sans-serif; margin: 16px; color: #222; }
h1 { font-size: 18px; margin: 0 0 4px; }
.about { color: #555; font-family: ui-monospace, monospace; font-size: 12px; white-space: pre-wrap; }
pre { background: #f6f6f6; padding: 8px; overflow: auto; max-height: 18em; font-size: 12px; }
.evidence { border-left: 4px solid #c62828; }
.controls { margin: 8px 0; display: flex; flex-wrap: wrap; gap: 12px; align-items: center; }
.picture { position: relative; padding-left: 64px; border: 1px solid #ddd; }
.label { position: absolute; left: 8px; font-weight: 600; font-family: ui-monospace, monospace; }
svg { display: block; width: 100%; height: ${height}px; }
.lane { stroke: #bbb; stroke-width: 1; }
.msg { stroke: #1565c0; stroke-width: 1.2; }
.msg.dropped { stroke: #c62828; stroke-dasharray: 4 3; }
.crash { stroke: #c62828; stroke-width: 5; }
.restart { stroke: #2e7d32; stroke-width: 5; }
.client { stroke: #6a1b9a; stroke-width: 3; }
.emit { stroke: #555; stroke-width: 2; }
.fault, .heal { stroke: #ef6c00; stroke-width: 1.5; stroke-dasharray: 6 4; }
.heal { stroke: #2e7d32; }
.violation { stroke: #c62828; stroke-width: 3; }
.hide-msg .msg:not(.dropped), .hide-dropped .msg.dropped, .hide-client .client, .hide-emit .emit, .hide-fault .fault, .hide-fault .heal, .hidden { display: none; }
.legend span { margin-right: 10px; }
</style>
</head>
<body>
<h1>${escapeHtml(page.title)}</h1>
<div class="about">${(page.about ?? []).map(escapeHtml).join('\n')}</div>
<h2>Why it failed</h2>
<pre class="evidence">${escapeHtml(page.evidence)}</pre>
<div class="controls">
  <button id="zoom-violation"${focus ? '' : ' disabled'}>zoom to the violation</button>
  <button id="zoom-all">whole run</button>
  <button id="zoom-in">zoom in</button>
  <button id="zoom-out">zoom out</button>
  <label><input type="checkbox" data-kind="msg" checked> messages</label>
  <label><input type="checkbox" data-kind="dropped" checked> lost messages</label>
  <label><input type="checkbox" data-kind="client" checked> client calls</label>
  <label><input type="checkbox" data-kind="emit" checked> outputs</label>
  <label><input type="checkbox" data-kind="fault" checked> faults</label>
  ${nodeFilters.join('\n  ')}
</div>
<div class="legend"><span style="color:#1565c0">→ message</span><span style="color:#c62828">- - lost</span><span style="color:#c62828">▮ crash</span><span style="color:#2e7d32">▮ restart</span><span style="color:#ef6c00">┆ fault</span><span style="color:#c62828">┃ violation</span>
<span id="window"></span></div>
<div class="picture">
${labels.join('\n')}
<svg id="timeline" viewBox="0 0 ${WIDTH} ${height}" xmlns="http://www.w3.org/2000/svg">
<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#1565c0"/></marker></defs>
${lanes.join('\n')}
${marks.join('\n')}
</svg>
</div>
<p>${events.length} events drawn (${counts.messages} message arrivals, ${counts.lost} lost, ${counts.crashes} crashes; idle ticks left out)${skipped > 0 ? `; the first ${skipped} events of the run are not drawn` : ''}, from ${t0.toFixed(3)} ms to ${t1.toFixed(3)} ms of virtual time.</p>
<h2>The last events</h2>
<pre class="events">${escapeHtml(last.join('\n'))}</pre>
<script>
(() => {
  const svg = document.getElementById('timeline');
  const height = ${height}, t0 = ${t0}, t1 = ${t1};
  const focus = ${focus ? JSON.stringify(focus) : 'null'};
  const marks = [...svg.querySelectorAll('[data-a]')].map((el) => ({ el, a: Number(el.dataset.a), b: Number(el.dataset.b) }));
  let view = { from: t0, to: t1 };
  // Redraws every mark for the time window at the picture's width, so that arrows keep their shape at any zoom.
  const show = () => {
    const span = Math.min(t1 - t0, Math.max((t1 - t0) / 100000, view.to - view.from));
    const from = Math.min(t1 - span, Math.max(t0, view.from));
    view = { from, to: from + span };
    const width = Math.max(200, svg.clientWidth);
    svg.setAttribute('viewBox', '0 0 ' + width + ' ' + height);
    const x = (t) => (((t - view.from) / span) * width).toFixed(2);
    for (const m of marks) {
      m.el.setAttribute('x1', x(m.a));
      m.el.setAttribute('x2', x(m.b));
    }
    document.getElementById('window').textContent = 'showing ' + view.from.toFixed(3) + ' ms to ' + view.to.toFixed(3) + ' ms';
  };
  const zoom = (factor, centre) => {
    const c = centre ?? (view.from + view.to) / 2;
    view = { from: c - (c - view.from) * factor, to: c + (view.to - c) * factor };
    show();
  };
  document.getElementById('zoom-all').onclick = () => { view = { from: t0, to: t1 }; show(); };
  document.getElementById('zoom-in').onclick = () => zoom(0.5);
  document.getElementById('zoom-out').onclick = () => zoom(2);
  document.getElementById('zoom-violation').onclick = () => {
    if (!focus) return;
    const span = Math.max(focus.to - focus.from, (t1 - t0) / 100);
    view = { from: focus.from - span * 0.1, to: focus.from + span * 1.1 };
    show();
  };
  svg.addEventListener('wheel', (event) => {
    event.preventDefault();
    const box = svg.getBoundingClientRect();
    zoom(event.deltaY > 0 ? 1.25 : 0.8, view.from + ((event.clientX - box.left) / box.width) * (view.to - view.from));
  }, { passive: false });
  window.addEventListener('resize', show);
  for (const box of document.querySelectorAll('[data-kind]')) {
    box.onchange = () => svg.classList.toggle('hide-' + box.dataset.kind, !box.checked);
  }
  const hiddenNodes = new Set();
  for (const box of document.querySelectorAll('[data-node-filter]')) {
    box.onchange = () => {
      if (box.checked) hiddenNodes.delete(box.dataset.nodeFilter); else hiddenNodes.add(box.dataset.nodeFilter);
      for (const el of document.querySelectorAll('[data-node], [data-from]')) {
        const nodes = el.dataset.node !== undefined ? [el.dataset.node] : [el.dataset.from, el.dataset.to];
        el.classList.toggle('hidden', nodes.some((n) => hiddenNodes.has(n)));
      }
    };
  }
  show();
})();
</script>
</body>
</html>
`;
}
