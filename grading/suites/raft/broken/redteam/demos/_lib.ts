/**
 * Shared helpers for the demos: a bench for one node (as the visible tests
 * drive it), and a cluster run in the simulator with the five properties of
 * Figure 3 checked after every event. Public API only.
 */
import fc from 'fast-check';
import { Rng, SimStorage, simulate, faultPlanArb, type FaultPlan, type FaultType, type Invariant, type LinkConfig, type NodeContext, type NodeId, type SimView } from '../../../../../../harness/index.ts';
import type { Applied, Entry, Message, ProposeResult, Role } from '../../../../../../exercises/raft/protocol.ts';

/** What every implementation (base or variant) looks like from outside. */
export interface Node {
  readonly term: number;
  readonly role: Role;
  readonly votedFor: NodeId | undefined;
  readonly leader: NodeId | undefined;
  readonly commitIndex: number;
  readonly log: readonly Entry[];
  tick(): void;
  step(from: NodeId, message: Message): void;
  propose(command: string): ProposeResult;
}
export type Impl = new (ctx: NodeContext<Message, Applied>) => Node;

export interface Bench {
  node: Node;
  sent: { to: NodeId; message: Message }[];
  applied: Applied[];
  storage: SimStorage;
  /** Sent messages since the last call of `drain`, formatted. */
  drain(): string[];
}

/** One node on the bench: what it sends and applies is collected, nothing is delivered. */
export function bench(Impl: Impl, opts: { id?: NodeId; peers?: NodeId[]; storage?: SimStorage; rng?: string } = {}): Bench {
  const sent: { to: NodeId; message: Message }[] = [];
  const applied: Applied[] = [];
  const storage = opts.storage ?? new SimStorage();
  const ctx: NodeContext<Message, Applied> = {
    id: opts.id ?? 'n1',
    peers: opts.peers ?? ['n2', 'n3', 'n4', 'n5'],
    rng: Rng.stream(1, opts.rng ?? 'demo/n1'),
    clock: { now: () => 0 },
    storage,
    send: (to, message) => sent.push({ to, message: structuredClone(message) }),
    emit: (output) => applied.push(structuredClone(output)),
  };
  let cursor = 0;
  const b: Bench = {
    node: new Impl(ctx),
    sent,
    applied,
    storage,
    drain() {
      const out = sent.slice(cursor).map((s) => `${fmt(s.message)} → ${s.to}`);
      cursor = sent.length;
      return out;
    },
  };
  return b;
}

/** Ticks until the node is no longer a follower (at most `max` ticks); returns the ticks taken. */
export function campaign(node: Node, max = 40): number {
  let ticks = 0;
  while (node.role === 'follower' && ticks < max) (node.tick(), ticks++);
  return ticks;
}

/** Makes the bench node leader of a new term, with votes from the given peers. */
export function elect(b: Bench, voters: NodeId[] = ['n2', 'n3']): number {
  campaign(b.node);
  const term = b.node.term;
  for (const v of voters) b.node.step(v, { type: 'request-vote-reply', term, voteGranted: true });
  return term;
}

export const ae = (term: number, prevLogIndex: number, prevLogTerm: number, entries: Entry[], leaderCommit = 0): Message => ({
  type: 'append-entries',
  term,
  prevLogIndex,
  prevLogTerm,
  entries,
  leaderCommit,
});
export const rv = (term: number, lastLogIndex: number, lastLogTerm: number): Message => ({ type: 'request-vote', term, lastLogIndex, lastLogTerm });
export const vr = (term: number, voteGranted: boolean): Message => ({ type: 'request-vote-reply', term, voteGranted });
export const ar = (term: number, success: boolean, index: number, lastLogIndex: number): Message => ({ type: 'append-entries-reply', term, success, index, lastLogIndex });
export const es = (...spec: string[]): Entry[] =>
  spec.map((s) => {
    const [t, c] = s.split(':');
    return { term: Number(t), command: c! };
  });
export const logOf = (n: Node): string => n.log.map((e) => `${e.term}:${e.command}`).join(' ') || '(empty)';
export const state = (n: Node): string => `term ${n.term}, role ${n.role}, votedFor ${n.votedFor ?? '-'}, leader ${n.leader ?? '-'}, commit ${n.commitIndex}, log [${logOf(n)}]`;

export function fmt(m: Message): string {
  switch (m.type) {
    case 'request-vote':
      return `RequestVote(term ${m.term}, last ${m.lastLogIndex}@${m.lastLogTerm})`;
    case 'request-vote-reply':
      return `Vote(term ${m.term}, ${m.voteGranted ? 'granted' : 'refused'})`;
    case 'append-entries':
      return `AppendEntries(term ${m.term}, prev ${m.prevLogIndex}@${m.prevLogTerm}, ${m.entries.length ? `entries [${m.entries.map((e) => `${e.term}:${JSON.stringify(e.command)}`).join(', ')}]` : 'no entries'}, commit ${m.leaderCommit})`;
    case 'append-entries-reply':
      return `AppendReply(term ${m.term}, ${m.success ? 'success' : 'failure'}, index ${m.index}, last ${m.lastLogIndex})`;
  }
}

/** Prints the base and the variant outcome and whether they differ. */
export function report(name: string, clause: string, base: string, variant: string): void {
  console.log(`== ${name}`);
  console.log(`clause: ${clause}`);
  console.log(`base:    ${base}`);
  console.log(`variant: ${variant}`);
  console.log(base === variant ? 'RESULT: SAME (variant not shown wrong!)' : 'RESULT: DIFFER — the variant breaks the clause');
}

// --- cluster runs -------------------------------------------------------------

type View = SimView<Node, Applied>;

function figure3(): Invariant<Node, Applied>[] {
  const leaderOf = new Map<number, NodeId>();
  const leaderLogs = new Map<string, string>();
  const appliedAt = new Map<number, { key: string; term: number; node: NodeId }>();
  let seen = 0;
  const key = (e: Entry) => `${e.term}:${e.command}`;
  return [
    {
      name: 'Election Safety',
      check(v: View) {
        for (const id of v.ids) {
          const n = v.node(id);
          if (!n || n.role !== 'leader') continue;
          const other = leaderOf.get(n.term);
          if (other !== undefined && other !== id) return `two leaders in term ${n.term}: ${other} and ${id}`;
          leaderOf.set(n.term, id);
        }
        return undefined;
      },
    },
    {
      name: 'Leader Append-Only',
      check(v: View) {
        for (const id of v.ids) {
          const n = v.node(id);
          if (!n || n.role !== 'leader') continue;
          const k = `${id}@${n.term}`;
          const now = n.log.map(key).join('|');
          const before = leaderLogs.get(k);
          if (before !== undefined && !(now === before || now.startsWith(`${before}|`) || before === '')) return `leader ${k} changed its log from [${before}] to [${now}]`;
          leaderLogs.set(k, now);
        }
        return undefined;
      },
    },
    {
      name: 'Log Matching',
      check(v: View) {
        const live = v.ids.map((id) => [id, v.node(id)] as const).filter((p): p is readonly [NodeId, Node] => p[1] !== undefined);
        for (let a = 0; a < live.length; a++)
          for (let b = a + 1; b < live.length; b++) {
            const x = live[a]![1].log;
            const y = live[b]![1].log;
            const len = Math.min(x.length, y.length);
            let last = -1;
            for (let i = len - 1; i >= 0; i--)
              if (x[i]!.term === y[i]!.term) {
                last = i;
                break;
              }
            for (let i = 0; i < last; i++)
              if (key(x[i]!) !== key(y[i]!)) return `${live[a]![0]} and ${live[b]![0]} agree at ${last + 1} but differ at ${i + 1}`;
          }
        return undefined;
      },
    },
    {
      name: 'State Machine Safety',
      check(v: View) {
        for (; seen < v.outputs.length; seen++) {
          const o = v.outputs[seen]!;
          const k = `${o.output.term}:${o.output.command}`;
          const before = appliedAt.get(o.output.index);
          if (before && before.key !== k) return `index ${o.output.index}: ${before.node} applied ${before.key}, ${o.node} applied ${k}`;
          const n = v.node(o.node);
          if (!before) appliedAt.set(o.output.index, { key: k, term: n?.term ?? 0, node: o.node });
        }
        return undefined;
      },
    },
    {
      name: 'Leader Completeness',
      check(v: View) {
        for (const id of v.ids) {
          const n = v.node(id);
          if (!n || n.role !== 'leader') continue;
          for (const [index, a] of appliedAt) {
            if (n.term <= a.term) continue;
            const e = n.log[index - 1];
            if (!e || key(e) !== a.key) return `${a.key} at ${index} was applied by ${a.node} in term ${a.term}, but ${id} leads term ${n.term} without it`;
          }
        }
        return undefined;
      },
    },
  ];
}

export interface ClusterOptions {
  size: number;
  link?: Partial<LinkConfig>;
  faults?: FaultPlan;
  durationMs?: number;
  proposals?: number;
  /** After healing, wait for this command applied on a majority. */
  liveness?: boolean;
  /** After every call that sent something, restore a node from the worst crash and compare term, vote and log. */
  checkDurable?: boolean;
}

/** Wraps an implementation so that every call that sends is followed by a worst-crash restore check. */
export function durableChecked(Impl: Impl): Impl {
  return class {
    #n: Node;
    #ctx: NodeContext<Message, Applied>;
    #sent = 0;
    constructor(ctx: NodeContext<Message, Applied>) {
      this.#ctx = ctx;
      this.#n = new Impl({ ...ctx, send: (to, m) => (this.#sent++, ctx.send(to, m)) });
    }
    get term() { return this.#n.term; }
    get role() { return this.#n.role; }
    get votedFor() { return this.#n.votedFor; }
    get leader() { return this.#n.leader; }
    get commitIndex() { return this.#n.commitIndex; }
    get log() { return this.#n.log; }
    #check(what: string) {
      if (this.#sent === 0) return;
      this.#sent = 0;
      const copy = (this.#ctx.storage as SimStorage).durableCopy();
      const r = new Impl({ id: this.#ctx.id, peers: this.#ctx.peers, rng: Rng.stream(0, 'x'), clock: { now: () => 0 }, storage: copy, send: () => {}, emit: () => {} });
      const a = `${this.#n.term}/${this.#n.votedFor}/${logOf(this.#n)}`;
      const b = `${r.term}/${r.votedFor}/${logOf(r)}`;
      if (a !== b) throw new Error(`durability: after ${what} ${this.#ctx.id} holds ${a} but the worst crash restores ${b}`);
    }
    tick() { this.#n.tick(); this.#check('tick'); }
    step(from: NodeId, m: Message) { this.#n.step(from, m); this.#check(`step ${fmt(m)}`); }
    propose(c: string) { const r = this.#n.propose(c); this.#check('propose'); return r; }
  };
}

/** Runs one cluster; returns 'ok' with a summary, or the failure message (first line). */
export function runCluster(Impl: Impl, seed: number, o: ClusterOptions): string {
  const ids = Array.from({ length: o.size }, (_, i) => `n${i + 1}`);
  const duration = o.durationMs ?? 8000;
  const workload: { atMs: number; node: NodeId; op: string }[] = [];
  for (let k = 0; k < (o.proposals ?? 0); k++) for (const id of ids) workload.push({ atMs: 2500 + Math.floor(((duration - 2500) * k) / Math.max(1, o.proposals ?? 1)), node: id, op: `c${k + 1}` });
  if (o.liveness) for (let k = 0; k < 30; k++) for (const id of ids) workload.push({ atMs: duration + 2000 + 300 * k, node: id, op: 'final' });
  const invariants = figure3();
  try {
    const result = simulate(seed, {
      nodes: ids,
      create: (ctx: NodeContext<Message, Applied>) => new (o.checkDurable ? durableChecked(Impl) : Impl)(ctx),
      link: o.link,
      durationMs: duration,
      faults: o.faults,
      workload,
      invoke: (node: Node, op: string) => {
        if (op === 'final' && (node.log.some((e) => e.command === 'final') || node.role !== 'leader')) return;
        node.propose(op);
      },
      invariants,
      liveness: o.liveness
        ? {
            withinMs: 15000,
            done: (v: View) => new Set(v.outputs.filter((x) => x.output.command === 'final').map((x) => x.node)).size * 2 > o.size,
            pending: () => 'final command not applied on a majority',
          }
        : undefined,
      describe: { message: fmt },
    });
    const applied = new Set(result.outputs.map((x) => x.output.index)).size;
    return `ok (${result.stats.sent} sent, ${result.stats.crashes} crashes, ${applied} indexes applied)`;
  } catch (e) {
    return `FAIL ${String((e as Error).message).split('\n')[0]}`;
  }
}

/** Random fault plans, from a seed. */
export function plans(size: number, seed: number, count: number, kinds?: FaultType[]): FaultPlan[] {
  const ids = Array.from({ length: size }, (_, i) => `n${i + 1}`);
  return fc.sample(faultPlanArb(ids, { untilMs: 8000, kinds: kinds ?? (size === 1 ? ['crash'] : ['crash', 'partition', 'one-way', 'isolate', 'hold', 'degrade']), maxFaults: 8, maxDurationMs: 3000, minDurationMs: 200 }), { seed, numRuns: count });
}

// --- demo driver ----------------------------------------------------------------

import { readFileSync } from 'node:fs';

interface ManifestEntry {
  name: string;
  clause: string;
  clauses: string[];
  mistake: string;
}

/** Runs one scenario against the base and the variant, and prints both outcomes and the clause. */
export function show(name: string, Base: Impl, Variant: Impl, scenario: (Impl: Impl) => string): void {
  const manifest = JSON.parse(readFileSync(new URL('../manifest.json', import.meta.url), 'utf8')) as ManifestEntry[];
  const entry = manifest.find((m) => m.name === name);
  const clause = entry ? `[${entry.clauses.join(', ')}] ${entry.clause}\nmistake: ${entry.mistake}` : '(not in manifest)';
  report(name, clause, scenario(Base), scenario(Variant));
}

/** Ticks a bench node built by `setup` until it campaigns: how many ticks its current timer runs (a twin with the same rng stream). */
export function timerLength(Impl: Impl, setup: (b: Bench) => void, opts: Parameters<typeof bench>[1] = {}): number {
  const twin = bench(Impl, opts);
  setup(twin);
  const before = twin.node.term;
  let ticks = 0;
  while (twin.node.term === before && ticks < 60) (twin.node.tick(), ticks++);
  return ticks;
}

/** A node restored from what the worst crash right now would leave of `b`'s disk. */
export function restart(Impl: Impl, b: Bench, opts: Parameters<typeof bench>[1] = {}): Bench {
  return bench(Impl, { ...opts, storage: b.storage.durableCopy(), rng: 'demo/restarted' });
}
