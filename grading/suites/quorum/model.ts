/**
 * The suite's own model of one node, call by call: what it must emit, which
 * messages it must send, which it may send, and what its replica must hold
 * afterwards (README, QR-1.2 to QR-1.8 and QR-2.1, QR-3.1 to QR-3.3).
 * Written from the README, not from any implementation.
 *
 * Sends are judged leniently where the contract leaves room: a message is
 * allowed when it fits the node's state before or after the call, and a
 * phase that completes in the call that started it may skip its messages.
 * What is exact: every reply to a client, in the call that owes it; an
 * answer to every read and store, in the call that brought it; the first
 * messages of a phase; the hints of QR-3.1; a hand-off of every hint at
 * every tick; at most one message per request and node between two ticks.
 */
import type { NodeId } from '../../../harness';
import { preferenceList } from '../../../exercises/quorum/placement';
import { compareVersions, HINT_AFTER_TICKS, type ClientReply, type Hint, type QuorumConfig, type QuorumMessage, type Versioned } from '../../../exercises/quorum/types';
import { show, type Sent } from './support';

interface Reading {
  readonly kind: 'read';
  /** Who answered the read phase, and what each held (null: nothing). */
  readonly heard: Map<NodeId, Versioned | null>;
}

interface Storing {
  readonly kind: 'store';
  readonly item: Versioned;
  /** Home replicas that count towards W. */
  readonly counted: Set<NodeId>;
  /** Nodes whose own store-ack arrived. */
  readonly answered: Set<NodeId>;
  /** Fallback → the home replica it keeps a hint for. */
  readonly keepers: Map<NodeId, NodeId>;
  age: number;
}

interface Pending {
  readonly req: number;
  readonly key: string;
  readonly put: string | undefined;
  readonly home: readonly NodeId[];
  readonly fallbacks: readonly NodeId[];
  age: number;
  phase: Reading | Storing;
}

/** What one call must do. */
export interface Expected {
  readonly emits: ClientReply[];
  /** Messages it must send (a multiset), each with the slot it counts against between two ticks (`allowed`). */
  readonly must: { readonly sent: Sent; readonly slot: string }[];
  /** Messages of which it must send one each: a hint's hand-off, as held before the tick or after it. */
  readonly oneOf: { readonly options: Sent[]; readonly slot: string }[];
}

const hintSlot = (home: NodeId, key: string): string => JSON.stringify([home, key]);
const newer = (a: Versioned, b: Versioned | undefined): boolean => b === undefined || compareVersions(a.version, b.version) > 0;
const sameItem = (a: Versioned, b: Versioned): boolean => a.value === b.value && compareVersions(a.version, b.version) === 0;

export class NodeModel {
  readonly items = new Map<string, Versioned>();
  readonly hintsHeld = new Map<string, Hint>();
  readonly pending = new Map<number, Pending>();
  /** Requests answered, for stale replies. */
  readonly finished: Pending[] = [];
  #out: Expected = { emits: [], must: [], oneOf: [] };
  #deferred: Expected['must'] = [];
  /** The call's starting point, for `allowed`: each request's phase and who had answered it, and the hints held. */
  readonly #before = new Map<number, { readonly kind: 'read' | 'store'; readonly answered: ReadonlySet<NodeId> }>();
  #hintsBefore = new Map<string, Hint>();
  /** Requests answered in the current call. */
  readonly #finishedNow = new Map<number, Pending>();

  constructor(
    readonly id: NodeId,
    readonly nodes: readonly NodeId[],
    readonly config: QuorumConfig,
  ) {}

  /** Starts a call: what it must do is collected until `end`. */
  #begin(): void {
    this.#out = { emits: [], must: [], oneOf: [] };
    this.#deferred = [];
    this.#finishedNow.clear();
    this.#before.clear();
    for (const p of this.pending.values()) {
      const answered = p.phase.kind === 'read' ? new Set(p.phase.heard.keys()) : new Set(p.phase.answered);
      this.#before.set(p.req, { kind: p.phase.kind, answered });
    }
    this.#hintsBefore = new Map(this.hintsHeld);
  }

  #end(): Expected {
    return this.#out;
  }

  get(req: number, key: string): Expected {
    this.#begin();
    this.#start(req, key, undefined);
    return this.#end();
  }

  put(req: number, key: string, value: string): Expected {
    this.#begin();
    this.#start(req, key, value);
    return this.#end();
  }

  tick(): Expected {
    this.#begin();
    // QR-3.3: every hint held as the tick begins goes home: as it was then, or as this tick's own hint replaced it.
    const handOff = (h: Hint): Sent => ({ to: h.home, message: { type: 'store', req: h.item.version.writer, key: h.key, item: h.item, hintFor: null } });
    const held = [...this.hintsHeld];
    for (const p of [...this.pending.values()]) {
      p.age += 1;
      if (p.age >= this.config.timeoutTicks) {
        this.#reply(p, { type: 'fail', req: p.req });
        continue;
      }
      if (p.phase.kind !== 'store') continue;
      const phase = p.phase;
      phase.age += 1;
      if (!this.config.sloppy || phase.age !== HINT_AFTER_TICKS || phase.counted.size >= this.config.w) continue;
      const missing = p.home.filter((h) => !phase.counted.has(h));
      const hints: Expected['must'] = [];
      missing.forEach((home, i) => {
        const keeper = p.fallbacks[i];
        if (keeper === undefined) return;
        phase.keepers.set(keeper, home);
        if (keeper === this.id) {
          this.#keepHint(home, p.key, phase.item);
          phase.counted.add(home);
        } else {
          hints.push({ sent: { to: keeper, message: { type: 'store', req: p.req, key: p.key, item: phase.item, hintFor: home } }, slot: `hint ${p.req} → ${show(keeper)}` });
        }
      });
      this.#advance(p);
      // Hints that the coordinator's own hint made unneeded may be skipped.
      if (this.pending.has(p.req)) this.#out.must.push(...hints);
    }
    for (const [slot, h] of held) {
      const now = this.hintsHeld.get(slot)!;
      this.#out.oneOf.push({ options: now === h ? [handOff(h)] : [handOff(h), handOff(now)], slot: `hand-off ${show(h.key)} → ${show(h.home)}` });
    }
    return this.#end();
  }

  step(from: NodeId, m: QuorumMessage): Expected {
    this.#begin();
    switch (m.type) {
      case 'read':
        this.#out.must.push({ sent: { to: from, message: { type: 'read-reply', req: m.req, key: m.key, item: this.items.get(m.key) ?? null } }, slot: 'reply' });
        break;
      case 'store':
        if (m.hintFor === null) this.#offer(m.key, m.item);
        else this.#keepHint(m.hintFor, m.key, m.item);
        this.#out.must.push({ sent: { to: from, message: { type: 'store-ack', req: m.req, key: m.key } }, slot: 'reply' });
        break;
      case 'read-reply': {
        const p = this.pending.get(m.req);
        if (p === undefined || p.key !== m.key || !p.home.includes(from)) break;
        if (p.phase.kind === 'store') {
          // QR-2.1: a write-back counts a late answer holding that very version.
          if (p.put === undefined && m.item !== null && sameItem(m.item, p.phase.item)) {
            p.phase.counted.add(from);
            this.#advance(p);
          }
          break;
        }
        if (p.phase.heard.has(from)) break;
        p.phase.heard.set(from, m.item);
        this.#advance(p);
        break;
      }
      case 'store-ack': {
        const slot = hintSlot(from, m.key);
        const h = this.hintsHeld.get(slot);
        if (h !== undefined && h.item.version.writer === m.req) this.hintsHeld.delete(slot);
        const p = this.pending.get(m.req);
        if (p === undefined || p.key !== m.key || p.phase.kind !== 'store') break;
        const home = p.home.includes(from) ? from : p.phase.keepers.get(from);
        if (home === undefined) break;
        p.phase.answered.add(from);
        p.phase.counted.add(home);
        this.#advance(p);
        break;
      }
      default: {
        const unreachable: never = m;
        return unreachable;
      }
    }
    return this.#end();
  }

  #start(req: number, key: string, put: string | undefined): void {
    const list = preferenceList(key, this.nodes);
    const p: Pending = { req, key, put, home: list.slice(0, this.config.n), fallbacks: list.slice(this.config.n), age: 0, phase: { kind: 'read', heard: new Map() } };
    this.pending.set(req, p);
    if (p.home.includes(this.id)) (p.phase as Reading).heard.set(this.id, this.items.get(key) ?? null);
    this.#deferred = p.home.filter((h) => h !== this.id).map((to) => ({ sent: { to, message: { type: 'read', req, key } }, slot: `read ${req} → ${show(to)}` }));
    this.#advance(p);
    // A phase that completed in the call that started it may skip its messages.
    if (this.pending.get(req)?.phase.kind === 'read') this.#out.must.push(...this.#deferred);
  }

  #advance(p: Pending): void {
    const phase = p.phase;
    if (phase.kind === 'read') {
      if (phase.heard.size < this.config.r) return;
      let best: Versioned | undefined;
      for (const a of phase.heard.values()) if (a !== null && newer(a, best)) best = a;
      if (p.put !== undefined && best?.version.counter === Number.MAX_SAFE_INTEGER) {
        this.#reply(p, { type: 'fail', req: p.req });
      } else if (p.put !== undefined) {
        this.#storePhase(p, { value: p.put, version: { counter: (best?.version.counter ?? 0) + 1, writer: p.req } }, []);
      } else if (best === undefined || !this.config.writeBack) {
        this.#reply(p, { type: 'get-ok', req: p.req, value: best?.value });
      } else {
        const found = best;
        this.#storePhase(p, found, [...phase.heard].filter(([, a]) => a !== null && sameItem(a, found)).map(([id]) => id));
      }
      return;
    }
    if (phase.counted.size >= this.config.w) this.#reply(p, p.put === undefined ? { type: 'get-ok', req: p.req, value: phase.item.value } : { type: 'put-ok', req: p.req });
  }

  #storePhase(p: Pending, item: Versioned, holders: readonly NodeId[]): void {
    const phase: Storing = { kind: 'store', item, counted: new Set(holders), answered: new Set(), keepers: new Map(), age: 0 };
    p.phase = phase;
    if (p.home.includes(this.id)) {
      this.#offer(p.key, item);
      phase.counted.add(this.id);
    }
    const first = p.home
      .filter((h) => h !== this.id && !phase.counted.has(h))
      .map((to) => ({ sent: { to, message: { type: 'store', req: p.req, key: p.key, item, hintFor: null } } satisfies Sent, slot: `store ${p.req} → ${show(to)}` }));
    this.#advance(p);
    if (this.pending.has(p.req)) this.#out.must.push(...first);
  }

  #reply(p: Pending, reply: ClientReply): void {
    this.pending.delete(p.req);
    this.finished.push(p);
    this.#finishedNow.set(p.req, p);
    this.#out.emits.push(reply);
  }

  #offer(key: string, item: Versioned): void {
    if (newer(item, this.items.get(key))) this.items.set(key, item);
  }

  #keepHint(home: NodeId, key: string, item: Versioned): void {
    const slot = hintSlot(home, key);
    if (newer(item, this.hintsHeld.get(slot)?.item)) this.hintsHeld.set(slot, { home, key, item });
  }

  /**
   * Whether a message the node sent, beyond what it must, fits the contract: a phase's message to a node that has
   * not answered that phase, for a request in flight or answered in this call (QR-1.8), or a hint going home at a
   * tick (QR-3.3). Returns the slots it may count against (at most one message per slot between two ticks; a store
   * that is both a phase's message and a hand-off may use either), none when it does not fit.
   */
  allowed(sent: Sent, inTick: boolean): string[] {
    const m = sent.message;
    const slots: string[] = [];
    if (sent.to === this.id) return slots;
    if (m.type === 'read') {
      const p = this.pending.get(m.req) ?? this.#finishedNow.get(m.req);
      const before = this.#before.get(m.req);
      const open = before === undefined || (before.kind === 'read' && !before.answered.has(sent.to));
      if (p !== undefined && p.key === m.key && p.home.includes(sent.to) && open) slots.push(`read ${m.req} → ${show(sent.to)}`);
      return slots;
    }
    if (m.type !== 'store') return slots;
    const p = this.pending.get(m.req) ?? this.#finishedNow.get(m.req);
    if (p !== undefined && p.key === m.key && p.phase.kind === 'store' && sameItem(p.phase.item, m.item) && !p.phase.answered.has(sent.to)) {
      if (m.hintFor === null && p.home.includes(sent.to)) slots.push(`store ${m.req} → ${show(sent.to)}`);
      if (m.hintFor !== null && p.phase.keepers.get(sent.to) === m.hintFor) slots.push(`hint ${m.req} → ${show(sent.to)}`);
    }
    if (inTick && m.hintFor === null) {
      const slot = hintSlot(sent.to, m.key);
      const h = this.hintsHeld.get(slot) ?? this.#hintsBefore.get(slot);
      if (h !== undefined && sameItem(h.item, m.item) && h.item.version.writer === m.req) slots.push(`hand-off ${show(m.key)} → ${show(sent.to)}`);
    }
    return slots;
  }
}

export const showSent = (s: Sent): string => `${show(s.to)} ← ${show(s.message)}`;
