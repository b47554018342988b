/**
 * A failed simulation as a picture: one self-contained HTML page, no network,
 * no dependencies, readable for a few thousand events.
 *
 * - one lane per node, time running left to right;
 * - a message is an arrow from its send to its delivery (a duplicate is a
 *   second arrow from the same send); a lost one is a dashed red line that
 *   ends where it was lost, and says why;
 * - faults and heals are dashed orange lines across every lane; a crash is a
 *   red bar on its lane, a restart a green one, a pause a brown one and its
 *   resume a blue one; client calls and emitted outputs are short ticks;
 * - what a node reports about itself (trace.ts `status` events: for Raft,
 *   "follower t2", "candidate t3", "leader t3") is a coloured band along its
 *   lane, labelled, from each change to the next (or to its crash);
 * - the moment the run failed is a red line (`#violation`), and the evidence
 *   is printed above the picture, with the last events before it as text;
 * - with a client history (harness/history `HistoryDrawing`), one more lane
 *   per client below the nodes ("client calls"): each call a bar from its
 *   call to its return, labelled, on the same time axis; an indeterminate
 *   (info) call runs hatched to the end, a failed one is grey, the ones a
 *   checker could not order are red, and the longest order it found numbers
 *   the bars. A client with calls in flight at once gets a row for each.
 *
 * Time is cut where nothing but ticks happened: a stretch longer than two
 * tick periods (`idleThresholdMs`) is drawn narrow, hatched, with a zig-zag
 * and its length ("⋯ 1 090 ms idle ⋯"), so that the events, not the waiting,
 * take the width. Positions stay monotone in virtual time, and hovering shows
 * true virtual time: every mark's tooltip is its event, and the line above
 * the picture reads the time under the pointer.
 *
 * Checkboxes hide kinds of marks or nodes; the zoom buttons (and the mouse
 * wheel) change the window, and "zoom to the violation" shows the
 * `FOCUS_EVENTS` events that led up to it, whatever the run's length. The
 * layout (`timeAxis`, `focusWindow`, `statusBands`) is pure and unit-tested;
 * the page's script only scales it to the window.
 *
 * Everything shown that came from a run (message bodies, outputs, statuses,
 * the failure message) is escaped: learner code chooses those strings.
 */
import { formatEvent, type TraceEvent } from './trace';
import type { NodeId } from './types';
import type { HistoryDrawing } from '../history/types';

export interface TimelinePage {
  /** What ran: exercise and test. */
  readonly title: string;
  readonly nodes: readonly NodeId[];
  readonly trace: readonly TraceEvent[];
  /** Why the run failed, as the test reported it. */
  readonly evidence: string;
  /** Lines under the title: the seed, the replay command. */
  readonly about?: readonly string[];
  /** The clients' calls, drawn below the nodes; a page without one is drawn as it always was. */
  readonly history?: HistoryDrawing;
}

/** Past this many events, only the last ones are drawn (the page says so). */
export const MAX_DRAWN_EVENTS = 20_000;
/** How many drawn events, the violation included, "zoom to the violation" shows. */
export const FOCUS_EVENTS = 48;
const LANE_HEIGHT = 60;
const TOP = 30;
/** One row of client calls, and the room above them for their heading. */
const HISTORY_ROW = 22;
const HISTORY_HEADING = 40;
/** The width the page is laid out for before its script runs (the script redraws at the window's width). */
const WIDTH = 1_200;

// ---------------------------------------------------------------- layout (pure)

/** A stretch of virtual time in which only ticks happened, cut to `width` on the axis. */
export interface IdleBreak {
  /** The last event before it and the first after it, in virtual ms. */
  readonly from: number;
  readonly to: number;
  /** Where it starts on the axis. */
  readonly at: number;
  readonly width: number;
}

/** Virtual ms to axis position and back: slope 1, except across idle breaks; strictly increasing. */
export interface TimeAxis {
  readonly breaks: readonly IdleBreak[];
  /** [ms, position] pairs, both increasing; the map is linear between two (and slope 1 beyond the ends). */
  readonly anchors: readonly (readonly [number, number])[];
  position(t: number): number;
  time(u: number): number;
}

/** Linear interpolation over sorted anchors, from column `a` to column `b`, slope 1 beyond the ends. */
function interpolate(anchors: readonly (readonly [number, number])[], value: number, a: 0 | 1, b: 0 | 1): number {
  let lo = 0;
  let hi = anchors.length - 1;
  if (value <= anchors[0]![a]) return anchors[0]![b] + (value - anchors[0]![a]);
  if (value >= anchors[hi]![a]) return anchors[hi]![b] + (value - anchors[hi]![a]);
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (anchors[mid]![a] <= value) lo = mid;
    else hi = mid;
  }
  const p = anchors[lo]!;
  const q = anchors[hi]!;
  return p[b] + ((value - p[a]) / (q[a] - p[a])) * (q[b] - p[b]);
}

/**
 * The axis for events at `times` (sorted): every gap between two consecutive
 * times longer than `idleMs` becomes an `IdleBreak` of `breakWidth`; the rest
 * keeps its length. The first time is at position 0.
 */
export function timeAxis(times: readonly number[], idleMs: number, breakWidth: number): TimeAxis {
  const start = times[0] ?? 0;
  const anchors: [number, number][] = [[start, 0]];
  const breaks: IdleBreak[] = [];
  let prev = start;
  let u = 0;
  for (const t of times) {
    if (t - prev > idleMs) {
      if (anchors[anchors.length - 1]![0] !== prev) anchors.push([prev, u]);
      breaks.push({ from: prev, to: t, at: u, width: breakWidth });
      u += breakWidth;
      anchors.push([t, u]);
    } else {
      u += t - prev;
    }
    prev = t;
  }
  return { breaks, anchors, position: (t) => interpolate(anchors, t, 0, 1), time: (p) => interpolate(anchors, p, 1, 0) };
}

/**
 * How long a wait between two events counts as idle: twice the time most
 * messages take to arrive (the 90th percentile of delivery delays, at least
 * 1 ms), and never more than two tick periods (a period is the shortest time
 * between two ticks of one node). Infinite for a trace with neither.
 */
export function idleThresholdMs(trace: readonly TraceEvent[]): number {
  const lastTick = new Map<NodeId, number>();
  const sentAt = new Map<number, number>();
  const delays: number[] = [];
  let period = Infinity;
  for (const e of trace) {
    if (e.kind === 'tick') {
      const last = lastTick.get(e.node);
      if (last !== undefined && e.t > last) period = Math.min(period, e.t - last);
      lastTick.set(e.node, e.t);
    } else if (e.kind === 'send') {
      sentAt.set(e.msg, e.t);
    } else if (e.kind === 'deliver' && sentAt.has(e.msg)) {
      delays.push(e.t - sentAt.get(e.msg)!);
    }
  }
  delays.sort((a, b) => a - b);
  const inFlight = delays.length === 0 ? Infinity : 2 * Math.max(1, delays[Math.floor(0.9 * (delays.length - 1))]!);
  return Math.min(2 * period, inFlight);
}

/**
 * The window "zoom to the violation" shows, in axis positions: from the
 * `count`-th event before the violation (at index `violation` of `times`) to
 * the violation, at least `minSpan` wide, with a margin of 4 % before and 8 %
 * after. A break the margin reaches into is shown whole, so the window never
 * opens in the middle of a cut.
 */
export function focusWindow(axis: TimeAxis, times: readonly number[], violation: number, count = FOCUS_EVENTS, minSpan = 1): { from: number; to: number } {
  const end = axis.position(times[violation]!);
  const span = Math.max(end - axis.position(times[Math.max(0, violation - count + 1)]!), minSpan);
  let from = end - span * 1.04;
  for (const b of axis.breaks) if (b.at < from && b.at + b.width >= from) from = b.at - span * 0.02;
  return { from, to: end + span * 0.08 };
}

/**
 * How wide an idle break is drawn: 7 % of the focus window's busy time (so
 * that zooming to the violation shows a break beside readable events), but
 * all breaks together at most a quarter of the run's busy time, and never
 * wider than the idle threshold itself.
 */
export function breakWidth(focusBusy: number, runBusy: number, breaks: number, idleMs: number): number {
  if (breaks === 0) return 0;
  return Math.max(1e-3, Math.min(idleMs, 0.07 * Math.max(focusBusy, 1), (0.25 * Math.max(runBusy, 1)) / breaks));
}

/** One stretch of one node's reported status, in virtual ms. */
export interface StatusBand {
  readonly node: NodeId;
  readonly status: string;
  readonly from: number;
  readonly to: number;
}

/** Each node's status from each change to the next, or to its crash, or to `end` (a status still held at `end` is kept however short). */
export function statusBands(trace: readonly TraceEvent[], end: number): StatusBand[] {
  const bands: StatusBand[] = [];
  const open = new Map<NodeId, { status: string; from: number }>();
  const close = (node: NodeId, at: number, held = false) => {
    const band = open.get(node);
    if (band && (at > band.from || held)) bands.push({ node, status: band.status, from: band.from, to: at });
    open.delete(node);
  };
  for (const e of trace) {
    if (e.kind === 'status') {
      close(e.node, e.t);
      open.set(e.node, { status: e.status, from: e.t });
    } else if (e.kind === 'crash') {
      close(e.node, e.t);
    }
  }
  for (const node of [...open.keys()]) close(node, end, true);
  return bands.sort((a, b) => a.from - b.from || (a.node < b.node ? -1 : 1));
}

const ROLE_COLOURS: Readonly<Record<string, string>> = { leader: '#ffca28', candidate: '#ce93d8', follower: '#cfd8dc', primary: '#ffca28', backup: '#cfd8dc' };
const PALETTE = ['#90caf9', '#ffab91', '#80cbc4', '#f48fb1', '#c5e1a5', '#bcaaa4'];

/** A band's colour, by the status's first word: the usual role names have fixed ones, others take the palette in order of appearance. */
export function statusColours(statuses: readonly string[]): Map<string, string> {
  const colours = new Map<string, string>();
  for (const status of statuses) {
    const word = status.split(/\s/)[0]!.toLowerCase();
    if (!colours.has(word)) colours.set(word, ROLE_COLOURS[word] ?? PALETTE[[...colours.keys()].filter((w) => !ROLE_COLOURS[w]).length % PALETTE.length]!);
  }
  return colours;
}

/** The whole layout of a drawn trace: its axis, idle threshold and focus window. */
export interface TimelineLayout {
  readonly idleMs: number;
  readonly axis: TimeAxis;
  /** What "zoom to the violation" shows, in axis positions; undefined without a violation. */
  readonly focus: { readonly from: number; readonly to: number } | undefined;
}

/**
 * Lays out `trace` (the part drawn): idle stretches cut, each to a width that
 * leaves the focus window readable (`breakWidth`). The focus counts the run's
 * events, not the statuses read between them.
 */
export function layoutTimeline(trace: readonly TraceEvent[]): TimelineLayout {
  const events = trace.filter((e) => e.kind !== 'tick');
  const times = events.map((e) => e.t);
  const counted = events.filter((e) => e.kind !== 'status');
  const focusTimes = counted.map((e) => e.t);
  const violation = counted.findIndex((e) => e.kind === 'violation');
  const idleMs = idleThresholdMs(trace);
  const flat = timeAxis(times, idleMs, 0);
  const runBusy = flat.position(times[times.length - 1] ?? 0);
  const flatFocus = violation < 0 ? undefined : focusWindow(flat, focusTimes, violation);
  const axis = timeAxis(times, idleMs, breakWidth(flatFocus ? flatFocus.to - flatFocus.from : runBusy, runBusy, flat.breaks.length, idleMs));
  return { idleMs, axis, focus: violation < 0 ? undefined : focusWindow(axis, focusTimes, violation) };
}

/** Where each client call is drawn: its client's block and the row in it, so that calls in flight at once never overlap. */
export interface HistoryRows {
  /** Clients in order of their first call, each with how many rows it takes. */
  readonly clients: readonly { readonly client: string; readonly rows: number }[];
  /** Operation id to [client index, row]. */
  readonly at: ReadonlyMap<number, readonly [number, number]>;
}

/** Rows for `operations`: each client's calls in call order, each in the first row free by then (intervals are closed: equal times overlap). */
export function historyRows(operations: HistoryDrawing['operations']): HistoryRows {
  const sorted = [...operations].sort((a, b) => a.call - b.call || a.id - b.id);
  const clients: { client: string; ends: number[] }[] = [];
  const index = new Map<string, number>();
  const at = new Map<number, readonly [number, number]>();
  for (const op of sorted) {
    let c = index.get(op.client);
    if (c === undefined) {
      c = clients.push({ client: op.client, ends: [] }) - 1;
      index.set(op.client, c);
    }
    const ends = clients[c]!.ends;
    let row = ends.findIndex((end) => end < op.call);
    if (row < 0) row = ends.push(0) - 1;
    ends[row] = op.status === 'info' ? Infinity : op.ret;
    at.set(op.id, [c, row]);
  }
  return { clients: clients.map(({ client, ends }) => ({ client, rows: ends.length })), at };
}

// ---------------------------------------------------------------- the page

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Milliseconds with thin spaces between thousands: 4 800, 12 345. */
const groupMs = (ms: number): string => String(Math.round(ms)).replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');
const num = (u: number): string => String(Math.round(u * 1e4) / 1e4);

/** What the page needs to draw a history on its axis: x and data-a/b positions of a time, and the axis's end. */
interface HistoryAxis {
  readonly x: (t: number) => string;
  readonly pos: (t: number) => string;
  readonly end: number;
}

/** A diagonal hatch of `colour` and white, for calls that may still take effect. */
const hatch = (id: string, colour: string): string =>
  `<pattern id="${id}" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">` +
  `<rect width="6" height="6" fill="${colour}"/><line x1="0" y1="0" x2="0" y2="6" stroke="#fff" stroke-width="3"/></pattern>`;

type HistoryPieces = Record<'css' | 'control' | 'legend' | 'labels' | 'defs' | 'marks' | 'summary', string>;

/** The client-call lanes, as pieces of the page: each starts with a newline, or is empty. */
function drawHistory(history: HistoryDrawing, rows: HistoryRows, top: number, axis: HistoryAxis): HistoryPieces {
  const rowTop: number[] = [];
  let y = top + HISTORY_HEADING;
  for (const c of rows.clients) {
    rowTop.push(y);
    y += c.rows * HISTORY_ROW;
  }
  const red = new Set(history.highlight);
  const order = new Map((history.order ?? []).map((id, i) => [id, i + 1] as const));
  const marks: string[] = rows.clients.map((_, c) => `<line class="client-lane" x1="0" x2="100%" y1="${rowTop[c]! - 3}" y2="${rowTop[c]! - 3}"/>`);
  for (const op of history.operations) {
    const [c, row] = rows.at.get(op.id)!;
    let kind: string;
    switch (op.status) {
      case 'ok':
      case 'fail':
      case 'info':
        kind = op.status;
        break;
      default: {
        const unreachable: never = op.status;
        throw new Error(`timeline: unknown call status ${JSON.stringify(unreachable)}`);
      }
    }
    // A call that never returned, or returned after the part of the run drawn, runs on to the end, like a held status.
    const open = !Number.isFinite(op.ret) || Number(axis.pos(op.ret)) > axis.end;
    const at = `data-a="${axis.pos(op.call)}" data-b="${open ? String(Math.round((axis.end * 1.5 + 1) * 1e4) / 1e4) : axis.pos(op.ret)}"`;
    const width = open ? WIDTH - Number(axis.x(op.call)) : Math.max(0, Number(axis.x(op.ret)) - Number(axis.x(op.call)));
    const top = rowTop[c]! + row * HISTORY_ROW;
    const until = op.status === 'info' ? 'never returned: it may take effect at any time' : `returned at ${op.ret.toFixed(3)} ms`;
    const about = `#${op.id} ${op.client}: ${op.label}\n${op.status}, called at ${op.call.toFixed(3)} ms, ${until}` + (red.has(op.id) ? '\ncannot be ordered' : '');
    const place = order.get(op.id);
    marks.push(
      `<rect class="op ${kind}${red.has(op.id) ? ' highlight' : ''}" data-client="${escapeHtml(op.client)}" ${at} ` +
        `x="${axis.x(op.call)}" width="${width.toFixed(2)}" y="${top}" height="16"><title>${escapeHtml(about)}</title></rect>`,
      `<text class="op-label" ${at} x="${axis.x(op.call)}" y="${top + 12}">` +
        `${place === undefined ? '' : `<tspan class="op-order">${place}</tspan> `}${escapeHtml(op.label)}</text>`,
    );
  }
  const labels = [
    `<div class="label history-heading" style="top:${top + 18}px">client calls</div>`,
    ...rows.clients.map((c, i) => `<div class="label client" style="top:${rowTop[i]! + 1}px">${escapeHtml(c.client)}</div>`),
  ];
  const legend =
    '<span class="op-legend"><i class="swatch" style="background:#bbdefb"></i>client call <i class="swatch" style="background:#e0e0e0"></i>failed ' +
    '<i class="swatch op-info-swatch"></i>indeterminate (may take effect any time) <i class="swatch" style="background:#ef9a9a"></i>cannot be ordered' +
    `${order.size > 0 ? ' · n: its place in the longest order found' : ''}</span>`;
  return {
    css: `
.client-lane { stroke: #ddd; stroke-width: 1; }
.op { stroke: #1565c0; stroke-width: 1; fill: #bbdefb; }
.op.fail { stroke: #9e9e9e; fill: #e0e0e0; }
.op.info { fill: url(#op-hatch); }
.op.highlight { stroke: #c62828; stroke-width: 2; fill: #ef9a9a; }
.op.info.highlight { fill: url(#op-hatch-red); }
.op-label { font: 10px ui-monospace, monospace; fill: #222; pointer-events: none; }
.op-order { font-weight: 700; fill: #0d47a1; }
.label.client { font-size: 12px; color: #444; }
.history-heading { font: 600 11px system-ui, sans-serif; color: #555; }
.op-info-swatch { background: repeating-linear-gradient(45deg, #bbdefb 0 3px, #fff 3px 6px); }
.hide-history .op, .hide-history .op-label { display: none; }`,
    control: '\n  <label><input type="checkbox" data-kind="history" checked> client call bars</label>',
    legend,
    labels: `\n${labels.join('\n')}`,
    defs: `
${hatch('op-hatch', '#bbdefb')}
${hatch('op-hatch-red', '#ef9a9a')}`,
    marks: `\n${marks.join('\n')}`,
    summary: ` ${history.operations.length} client call${history.operations.length === 1 ? '' : 's'} drawn below the nodes, ${red.size} of them in red.`,
  };
}

export function renderTimelineHtml(page: TimelinePage): string {
  const skipped = Math.max(0, page.trace.length - MAX_DRAWN_EVENTS);
  const kept = page.trace.slice(skipped);
  const events = kept.filter((e) => e.kind !== 'tick');
  const lane = new Map(page.nodes.map((id, i) => [id, i] as const));
  const t0 = events[0]?.t ?? 0;
  const tEnd = events[events.length - 1]?.t ?? 0;
  const y = (node: NodeId): number => TOP + (lane.get(node) ?? 0) * LANE_HEIGHT;
  const history = page.history;
  const rows = history ? historyRows(history.operations) : undefined;
  const nodesHeight = TOP * 2 + Math.max(0, page.nodes.length - 1) * LANE_HEIGHT;
  const height = rows ? nodesHeight - TOP + HISTORY_HEADING + rows.clients.reduce((sum, c) => sum + c.rows, 0) * HISTORY_ROW + 10 : nodesHeight;
  const title = (e: TraceEvent): string => `<title>${escapeHtml(formatEvent(e).trim())}</title>`;

  const { idleMs, axis, focus } = layoutTimeline(kept);
  const u0 = 0;
  const u1 = Math.max(axis.position(tEnd), 1e-3);
  const pos = (t: number): string => num(axis.position(t));
  const x = (t: number): string => ((axis.position(t) / u1) * WIDTH).toFixed(2);
  const span = (t: number, s: number = t): string => `data-a="${pos(t)}" data-b="${pos(s)}"`;

  const bands = statusBands(kept, tEnd);
  const colours = statusColours(bands.map((b) => b.status));
  const colour = (status: string): string => colours.get(status.split(/\s/)[0]!.toLowerCase())!;
  const underlay: string[] = [];
  for (const b of axis.breaks) {
    const what = `⋯ ${groupMs(b.to - b.from)} ms idle ⋯`;
    const about = `${what}\nnothing but ticks from ${b.from.toFixed(3)} ms to ${b.to.toFixed(3)} ms: drawn narrow`;
    underlay.push(`<rect class="gap" data-a="${num(b.at)}" data-b="${num(b.at + b.width)}" x="${((b.at / u1) * WIDTH).toFixed(2)}" width="${((b.width / u1) * WIDTH).toFixed(2)}" y="0" height="${height}"><title>${about}</title></rect>`);
  }
  for (const b of bands) {
    // A status still held when the run ends runs on past its end, into the margin after the violation.
    const held = b.to >= tEnd;
    const what = `${b.node}: ${b.status}, from ${b.from.toFixed(3)} ms ${held ? 'to the end of the run' : `to ${b.to.toFixed(3)} ms`}`;
    const at = `data-a="${pos(b.from)}" data-b="${held ? num(u1 * 1.5 + 1) : pos(b.to)}"`;
    const width = held ? WIDTH - Number(x(b.from)) : Number(x(b.to)) - Number(x(b.from));
    underlay.push(
      `<rect class="band" data-node="${escapeHtml(b.node)}" ${at} x="${x(b.from)}" width="${width.toFixed(2)}" y="${y(b.node) - 16}" height="14" fill="${colour(b.status)}"><title>${escapeHtml(what)}</title></rect>`,
      `<text class="band-label" data-node="${escapeHtml(b.node)}" ${at} x="${x(b.from)}" y="${y(b.node) - 5}">${escapeHtml(b.status)}</text>`,
    );
  }
  const zigzag = `M 0 16 ${Array.from({ length: Math.ceil((height - 16) / 8) }, (_, i) => `L ${i % 2 === 0 ? 4 : -4} ${i * 8 + 20}`).join(' ')}`;
  const overlay = axis.breaks.map((b) => {
    const what = `⋯ ${groupMs(b.to - b.from)} ms idle ⋯`;
    return `<g class="break" data-a="${num(b.at)}" data-b="${num(b.at + b.width)}" transform="translate(${(((b.at + b.width / 2) / u1) * WIDTH).toFixed(2)} 0)"><path class="zigzag" d="${zigzag}"/><text class="gap-label" y="11">${what}</text><title>${what}: nothing but ticks from ${b.from.toFixed(3)} ms to ${b.to.toFixed(3)} ms</title></g>`;
  });

  const sends = new Map<number, Extract<TraceEvent, { kind: 'send' }>>();
  const marks: string[] = [];
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
          `<line class="msg${dropped ? ' dropped' : ''}" data-from="${escapeHtml(e.from)}" data-to="${escapeHtml(e.to)}" ${span(sent.t, e.t)} x1="${x(sent.t)}" y1="${y(e.from)}" x2="${x(e.t)}" y2="${y(e.to)}"${dropped ? '' : ' marker-end="url(#arrow)"'}><title>${escapeHtml(what)}</title></line>`,
        );
        break;
      }
      case 'crash':
      case 'restart':
      case 'pause':
      case 'resume':
        marks.push(`<line class="${e.kind}" data-node="${escapeHtml(e.node)}" ${span(e.t)} x1="${x(e.t)}" x2="${x(e.t)}" y1="${y(e.node) - 18}" y2="${y(e.node) + 18}">${title(e)}</line>`);
        break;
      case 'client':
      case 'emit':
        marks.push(`<line class="${e.kind}" data-node="${escapeHtml(e.node)}" ${span(e.t)} x1="${x(e.t)}" x2="${x(e.t)}" y1="${y(e.node) - 8}" y2="${y(e.node) + 8}">${title(e)}</line>`);
        break;
      case 'fault':
      case 'heal':
        marks.push(`<line class="${e.kind}" ${span(e.t)} x1="${x(e.t)}" x2="${x(e.t)}" y1="0" y2="${height}">${title(e)}</line>`);
        break;
      case 'violation':
        marks.push(`<line id="violation" class="violation" ${span(e.t)} x1="${x(e.t)}" x2="${x(e.t)}" y1="0" y2="${height}">${title(e)}</line>`);
        break;
      case 'start':
      case 'status':
        break;
      default: {
        const unreachable: never = e;
        throw new Error(`timeline: unknown event ${JSON.stringify(unreachable)}`);
      }
    }
  }
  const calls = rows ? drawHistory(history!, rows, nodesHeight - TOP, { x, pos, end: u1 }) : undefined;
  const lanes = page.nodes.map((id) => `<line class="lane" data-node="${escapeHtml(id)}" x1="0" x2="100%" y1="${y(id)}" y2="${y(id)}"><title>${escapeHtml(id)}</title></line>`);
  const labels = page.nodes.map((id) => `<div class="label" data-node="${escapeHtml(id)}" style="top:${y(id) - 9}px">${escapeHtml(id)}</div>`);
  const nodeFilters = page.nodes.map((id) => `<label><input type="checkbox" data-node-filter="${escapeHtml(id)}" checked> ${escapeHtml(id)}</label>`);
  const statusLegend = [...colours].map(([word, c]) => `<span><i class="swatch" style="background:${c}"></i>${escapeHtml(word)}</span>`);
  const last = events.slice(-60).map((e) => formatEvent(e));
  const counts = {
    messages: events.filter((e) => e.kind === 'deliver' || e.kind === 'drop').length,
    lost: events.filter((e) => e.kind === 'drop').length,
    crashes: events.filter((e) => e.kind === 'crash').length,
    statuses: events.filter((e) => e.kind === 'status').length,
  };
  const cut = axis.breaks.length > 0 ? `; ${axis.breaks.length} idle stretch${axis.breaks.length === 1 ? '' : 'es'} of more than ${groupMs(idleMs)} ms drawn narrow (⋯ idle ⋯)` : '';
  const script = {
    height,
    start: t0,
    end: tEnd,
    whole: { from: u0, to: u1 },
    focus: focus ?? null,
    anchors: axis.anchors.map(([t, u]) => [Number(num(t)), Number(num(u))]),
    breaks: axis.breaks.map((b) => ({ at: Number(num(b.at)), width: Number(num(b.width)), from: b.from, to: b.to })),
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
.band { opacity: 0.85; }
.band-label { font: 10px ui-monospace, monospace; fill: #333; pointer-events: none; }
.gap { fill: url(#hatch); }
.zigzag { fill: none; stroke: #777; stroke-width: 1.5; }
.gap-label { font: 600 11px system-ui, sans-serif; fill: #444; text-anchor: middle; paint-order: stroke; stroke: #fff; stroke-width: 3px; }
.msg { stroke: #1565c0; stroke-width: 1.2; }
.msg.dropped { stroke: #c62828; stroke-dasharray: 4 3; }
.crash { stroke: #c62828; stroke-width: 5; }
.restart { stroke: #2e7d32; stroke-width: 5; }
.pause { stroke: #6d4c41; stroke-width: 5; }
.resume { stroke: #0277bd; stroke-width: 5; }
.client { stroke: #6a1b9a; stroke-width: 3; }
.emit { stroke: #555; stroke-width: 2; }
.fault, .heal { stroke: #ef6c00; stroke-width: 1.5; stroke-dasharray: 6 4; }
.heal { stroke: #2e7d32; }
.violation { stroke: #c62828; stroke-width: 3; }
.hide-msg .msg:not(.dropped), .hide-dropped .msg.dropped, .hide-client .client, .hide-emit .emit, .hide-fault .fault, .hide-fault .heal, .hide-status .band, .hide-status .band-label, .hidden, .unfit { display: none; }
.legend span { margin-right: 10px; }
.swatch { display: inline-block; width: 14px; height: 10px; margin-right: 3px; border: 1px solid #999; }${calls?.css ?? ''}
#cursor { color: #555; margin-left: 12px; }
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
  <label><input type="checkbox" data-kind="status" checked> node status</label>
  ${nodeFilters.join('\n  ')}${calls?.control ?? ''}
</div>
<div class="legend"><span style="color:#1565c0">→ message</span><span style="color:#c62828">- - lost</span><span style="color:#c62828">▮ crash</span><span style="color:#2e7d32">▮ restart</span><span style="color:#ef6c00">┆ fault</span><span style="color:#c62828">┃ violation</span><span style="color:#777">≀ idle time cut</span>${statusLegend.join('')}${calls?.legend ?? ''}
<span id="window"></span><span id="cursor"></span></div>
<div class="picture">
${labels.join('\n')}${calls?.labels ?? ''}
<svg id="timeline" viewBox="0 0 ${WIDTH} ${height}" xmlns="http://www.w3.org/2000/svg">
<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#1565c0"/></marker>
<pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#f4f4f4"/><line x1="0" y1="0" x2="0" y2="6" stroke="#ddd" stroke-width="2"/></pattern>${calls?.defs ?? ''}</defs>
${underlay.join('\n')}
${lanes.join('\n')}
${marks.join('\n')}${calls?.marks ?? ''}
${overlay.join('\n')}
</svg>
</div>
<p>${events.length} events drawn (${counts.messages} message arrivals, ${counts.lost} lost, ${counts.crashes} crashes, ${counts.statuses} status changes; idle ticks left out${cut})${skipped > 0 ? `; the first ${skipped} events of the run are not drawn` : ''}, from ${t0.toFixed(3)} ms to ${tEnd.toFixed(3)} ms of virtual time.${calls?.summary ?? ''}</p>
<h2>The last events</h2>
<pre class="events">${escapeHtml(last.join('\n'))}</pre>
<script>
(() => {
  const svg = document.getElementById('timeline');
  const layout = ${JSON.stringify(script)};
  const { height, whole, focus, anchors, breaks } = layout;
  // Axis position to virtual ms: linear between anchors, slope 1 beyond them (harness/sim/timeline-html.ts, timeAxis).
  const timeAt = (u) => {
    if (u <= anchors[0][1]) return anchors[0][0] + (u - anchors[0][1]);
    let i = 0;
    while (i < anchors.length - 1 && anchors[i + 1][1] <= u) i++;
    const [t, p] = anchors[i];
    const next = anchors[i + 1];
    return next && next[1] > p ? t + ((u - p) / (next[1] - p)) * (next[0] - t) : t + (u - p);
  };
  const marks = [...svg.querySelectorAll('[data-a]')].map((el) => ({ el, tag: el.tagName.toLowerCase(), cls: el.getAttribute('class'), a: Number(el.dataset.a), b: Number(el.dataset.b), chars: (el.tagName.toLowerCase() === 'text' ? el : el.querySelector('.gap-label'))?.textContent.length ?? 0 }));
  let view = { ...whole };
  // Redraws every mark for the window at the picture's width, so that arrows keep their shape at any zoom.
  const show = () => {
    const all = whole.to - whole.from;
    const span = Math.min(all * 1.2, Math.max(all / 100000, view.to - view.from));
    // A window may reach a tenth of its width past either end of the run: the violation, last, need not touch the edge.
    const slack = span * 0.1;
    const from = Math.min(whole.to + slack - span, Math.max(whole.from - slack, view.from));
    view = { from, to: from + span };
    const width = Math.max(200, svg.clientWidth);
    svg.setAttribute('viewBox', '0 0 ' + width + ' ' + height);
    const x = (u) => ((u - view.from) / span) * width;
    for (const m of marks) {
      const a = x(m.a);
      const b = x(m.b);
      if (m.tag === 'line') {
        m.el.setAttribute('x1', a.toFixed(2));
        m.el.setAttribute('x2', b.toFixed(2));
      } else if (m.tag === 'rect') {
        m.el.setAttribute('x', a.toFixed(2));
        m.el.setAttribute('width', Math.max(0, b - a).toFixed(2));
      } else if (m.cls === 'break') {
        m.el.setAttribute('transform', 'translate(' + ((a + b) / 2).toFixed(2) + ' 0)');
        m.el.querySelector('.gap-label').classList.toggle('unfit', b - a < m.chars * 2.5);
        m.el.querySelector('.zigzag').classList.toggle('unfit', b - a < 2);
      } else {
        // A band's label: at the start of the band's visible part, if it fits there.
        const left = Math.max(a, 0);
        m.el.setAttribute('x', (left + 3).toFixed(2));
        m.el.classList.toggle('unfit', Math.min(b, width) - left < m.chars * 6 + 6);
      }
    }
    const clamp = (t) => Math.min(layout.end, Math.max(layout.start, t));
    document.getElementById('window').textContent = 'showing ' + clamp(timeAt(view.from)).toFixed(3) + ' ms to ' + clamp(timeAt(view.to)).toFixed(3) + ' ms';
  };
  const zoom = (factor, centre) => {
    const c = centre ?? (view.from + view.to) / 2;
    view = { from: c - (c - view.from) * factor, to: c + (view.to - c) * factor };
    show();
  };
  const at = (event) => {
    const box = svg.getBoundingClientRect();
    return view.from + ((event.clientX - box.left) / box.width) * (view.to - view.from);
  };
  document.getElementById('zoom-all').onclick = () => { view = { ...whole }; show(); };
  document.getElementById('zoom-in').onclick = () => zoom(0.5);
  document.getElementById('zoom-out').onclick = () => zoom(2);
  document.getElementById('zoom-violation').onclick = () => {
    if (!focus) return;
    view = { ...focus };
    show();
  };
  svg.addEventListener('wheel', (event) => {
    event.preventDefault();
    zoom(event.deltaY > 0 ? 1.25 : 0.8, at(event));
  }, { passive: false });
  // The true virtual time under the pointer (inside a cut stretch, which one).
  svg.addEventListener('mousemove', (event) => {
    const u = at(event);
    const cut = breaks.find((b) => u > b.at && u < b.at + b.width);
    document.getElementById('cursor').textContent = cut
      ? 'pointer: idle from ' + cut.from.toFixed(3) + ' ms to ' + cut.to.toFixed(3) + ' ms'
      : 'pointer: ' + timeAt(u).toFixed(3) + ' ms';
  });
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
