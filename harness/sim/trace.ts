/**
 * The trace: every event of a simulation, in order. It is the basis of the
 * failure message (a readable timeline of the last events before a
 * violation), of the trace hash (equal seeds give equal hashes), and of the
 * timeline picture (timeline-html.ts).
 *
 * A `status` event is what a node reported about itself after a call
 * ("leader t3", types.ts `StatusDescriber`), recorded when it changed. It
 * describes the run rather than being part of it: it is left out of the hash
 * and of the failure message's timeline, so a suite that supplies the hook
 * changes neither.
 */
import type { NodeId } from './types';

export type TraceEvent =
  | { readonly t: number; readonly kind: 'start' | 'restart'; readonly node: NodeId }
  | { readonly t: number; readonly kind: 'tick'; readonly node: NodeId }
  | { readonly t: number; readonly kind: 'client'; readonly node: NodeId; readonly op: string }
  | { readonly t: number; readonly kind: 'send'; readonly from: NodeId; readonly to: NodeId; readonly msg: number; readonly body: string; readonly fate: string }
  | { readonly t: number; readonly kind: 'deliver'; readonly from: NodeId; readonly to: NodeId; readonly msg: number; readonly copy: number }
  | { readonly t: number; readonly kind: 'drop'; readonly from: NodeId; readonly to: NodeId; readonly msg: number; readonly copy: number; readonly reason: string }
  | { readonly t: number; readonly kind: 'emit'; readonly node: NodeId; readonly output: string }
  | { readonly t: number; readonly kind: 'fault' | 'heal'; readonly detail: string }
  | { readonly t: number; readonly kind: 'crash'; readonly node: NodeId; readonly detail: string }
  /** The node stops until `untilMs` (a pause fault, or a second one that lengthened it). */
  | { readonly t: number; readonly kind: 'pause'; readonly node: NodeId; readonly untilMs: number }
  /** The node runs again; `messages` and `calls` waited for it, and it now takes them, in arrival order. */
  | { readonly t: number; readonly kind: 'resume'; readonly node: NodeId; readonly messages: number; readonly calls: number }
  | { readonly t: number; readonly kind: 'violation'; readonly detail: string }
  | { readonly t: number; readonly kind: 'status'; readonly node: NodeId; readonly status: string };

/** One line per event, stable across runs: what the hash is computed over, and what a timeline shows. */
export function formatEvent(e: TraceEvent): string {
  const at = `${e.t.toFixed(3).padStart(10)} ms`;
  switch (e.kind) {
    case 'start':
    case 'restart':
    case 'tick':
      return `${at}  ${e.node.padEnd(4)} ${e.kind}`;
    case 'client':
      return `${at}  ${e.node.padEnd(4)} client ${e.op}`;
    case 'send':
      return `${at}  ${e.from.padEnd(4)} send #${e.msg} → ${e.to} ${e.body}${e.fate ? `  [${e.fate}]` : ''}`;
    case 'deliver':
      return `${at}  ${e.to.padEnd(4)} receive #${e.msg}${e.copy > 0 ? ` (copy ${e.copy + 1})` : ''} ← ${e.from}`;
    case 'drop':
      return `${at}  ${e.to.padEnd(4)} lost #${e.msg}${e.copy > 0 ? ` (copy ${e.copy + 1})` : ''} ← ${e.from}: ${e.reason}`;
    case 'emit':
      return `${at}  ${e.node.padEnd(4)} emit ${e.output}`;
    case 'crash':
      return `${at}  ${e.node.padEnd(4)} CRASH ${e.detail}`;
    case 'pause':
      return `${at}  ${e.node.padEnd(4)} PAUSE until ${e.untilMs.toFixed(3)} ms`;
    case 'resume':
      return `${at}  ${e.node.padEnd(4)} resume, ${plural(e.messages, 'message')} and ${plural(e.calls, 'client call')} waited`;
    case 'fault':
      return `${at}  fault ${e.detail}`;
    case 'heal':
      return `${at}  heal ${e.detail}`;
    case 'violation':
      return `${at}  VIOLATION ${e.detail}`;
    case 'status':
      return `${at}  ${e.node.padEnd(4)} is ${e.status}`;
    default: {
      const unreachable: never = e;
      return JSON.stringify(unreachable);
    }
  }
}

const plural = (n: number, what: string): string => `${n} ${what}${n === 1 ? '' : 's'}`;

/** A 64-bit FNV-1a (as two 32-bit lanes) over the formatted events, in order (status events excepted); the simulator feeds it a run's trace when the hash is first read. */
export class TraceHash {
  #a = 0x811c9dc5;
  #b = 0x01000193 ^ 0x5bd1e995;

  update(line: string): void {
    let a = this.#a;
    let b = this.#b;
    for (let i = 0; i < line.length; i++) {
      const c = line.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 13);
    }
    a = Math.imul(a ^ 10, 0x01000193);
    this.#a = a;
    this.#b = b;
  }

  hex(): string {
    return (this.#a >>> 0).toString(16).padStart(8, '0') + (this.#b >>> 0).toString(16).padStart(8, '0');
  }
}

/** The last `count` events before `end`, as a timeline; ticks that did nothing, and status events, are left out. */
export function timeline(events: readonly TraceEvent[], count = 25): string {
  const shown: string[] = [];
  let skippedTicks = 0;
  for (let i = events.length - 1; i >= 0 && shown.length < count; i--) {
    const e = events[i]!;
    if (e.kind === 'tick') {
      skippedTicks++;
      continue;
    }
    if (e.kind === 'status') continue;
    shown.push(formatEvent(e));
  }
  const header = skippedTicks > 0 ? `(last ${shown.length} events, ${skippedTicks} idle ticks not shown)` : `(last ${shown.length} events)`;
  return [header, ...shown.reverse()].join('\n');
}

// Frozen, like every harness class learner code can import: a patched method must not change what a checker sees.
Object.freeze(TraceHash.prototype);
Object.freeze(TraceHash);
