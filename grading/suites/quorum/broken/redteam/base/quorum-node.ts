/**
 * Quorum replication, the node — your file. Keep the exports and their
 * signatures.
 *
 * Every node is a coordinator and a replica at once (Dynamo, SOSP 2007,
 * §4.5). As coordinator it serves its clients' `get` and `put` by talking to
 * the key's home replicas (`preferenceList` in placement.ts); as replica it
 * answers other coordinators, keeping what it holds in a `Replica` on
 * `ctx.storage`. The messages are fixed (`QuorumMessage` in types.ts); the
 * answers to clients leave through `ctx.emit`.
 *
 * Time: a node learns that time passed only through `tick()`. A crash loses
 * everything but what the Replica made durable; requests in flight are then
 * never answered, and their clients cannot tell whether they took effect.
 */
import type { NodeContext, NodeId, ProtocolNode } from '@faultline/harness';
import type { ClientReply, Hint, QuorumConfig, QuorumMessage, Versioned } from './types';
import { compareVersions, HINT_AFTER_TICKS } from './types';
import { preferenceList } from './placement';
import { Replica } from './replica';

function copyItem(item: Versioned): Versioned {
  return { value: item.value, version: { counter: item.version.counter, writer: item.version.writer } };
}

function checkSafe(name: string, value: unknown, min: number): void {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw new RangeError(`QuorumNode: ${name} must be a safe integer, got ${String(value)}`);
  if (value < min) throw new RangeError(`QuorumNode: ${name} must be ≥ ${min}, got ${value}`);
}

interface Request {
  readonly req: number;
  readonly key: string;
  readonly kind: 'get' | 'put';
  readonly value: string;
  readonly home: readonly NodeId[];
  readonly fallbacks: readonly NodeId[];
  ticks: number;
  phase: 'read' | 'store';
  /** Read phase: each home replica's answer, once. */
  readonly answers: Map<NodeId, Versioned | null>;
  /** Store phase: the item stored, its ticks, and the home replicas counted as holding it. */
  item: Versioned | null;
  storeTicks: number;
  readonly held: Set<NodeId>;
  /** Store phase, sloppy: fallback → the home replica its hint stands for. */
  readonly hintsTo: Map<NodeId, NodeId>;
}

export class QuorumNode implements ProtocolNode<QuorumMessage> {
  readonly #ctx: NodeContext<QuorumMessage, ClientReply>;
  readonly #config: QuorumConfig;
  readonly #nodes: readonly NodeId[];
  readonly #replica: Replica;
  readonly #requests = new Map<number, Request>();

  /**
   * [QR-1.1] Builds the node, at start and after every crash. `config` must
   * hold 1 ≤ r, w ≤ n ≤ the cluster's size (`ctx.peers` and this node) and
   * a safe integer timeoutTicks ≥ 1: otherwise a RangeError saying which.
   */
  constructor(ctx: NodeContext<QuorumMessage, ClientReply>, config: QuorumConfig) {
    const nodes = [ctx.id, ...ctx.peers];
    const { n, r, w, timeoutTicks } = config;
    checkSafe('n', n, 1);
    checkSafe('r', r, 1);
    checkSafe('w', w, 1);
    checkSafe('timeoutTicks', timeoutTicks, 1);
    if (r > n) throw new RangeError(`QuorumNode: r must be ≤ n (${n}), got ${r}`);
    if (w > n) throw new RangeError(`QuorumNode: w must be ≤ n (${n}), got ${w}`);
    if (n > nodes.length) throw new RangeError(`QuorumNode: n must be ≤ the number of nodes (${nodes.length}), got ${n}`);
    this.#ctx = ctx;
    this.#config = { n, r, w, timeoutTicks, writeBack: config.writeBack, sloppy: config.sloppy };
    this.#nodes = nodes;
    this.#replica = new Replica(ctx.storage);
  }

  /**
   * [QR-1.2] A client reads `key`: a read phase at the home replicas, then
   * `get-ok` with the newest value it saw [QR-2.1] (after writing it back,
   * with `writeBack`), or `fail` at the timeout [QR-1.7]. [QR-0.1] `req` is a
   * safe integer ≥ 0, unique in the run.
   */
  get(req: number, key: string): void {
    checkSafe('req', req, 0);
    this.#start(req, key, 'get', '');
  }

  /**
   * [QR-1.3] A client writes `value` to `key`: a read phase for the newest
   * counter, then a store phase of the new version, then `put-ok` [QR-1.4],
   * or `fail` at the timeout [QR-1.7].
   */
  put(req: number, key: string, value: string): void {
    checkSafe('req', req, 0);
    this.#start(req, key, 'put', value);
  }

  /** [QR-1.7] Counts the ticks of requests in flight; [QR-3.1] sends hints; [QR-3.3] hands hints back. */
  tick(): void {
    for (const request of [...this.#requests.values()]) {
      request.ticks++;
      if (request.ticks >= this.#config.timeoutTicks) {
        this.#finish(request, { type: 'fail', req: request.req });
        continue;
      }
      if (request.phase === 'read') {
        for (const node of request.home) if (!request.answers.has(node)) this.#ctx.send(node, { type: 'read', req: request.req, key: request.key });
        continue;
      }
      request.storeTicks++;
      const item = request.item!;
      for (const node of request.home)
        if (!request.held.has(node) && node !== this.#ctx.id)
          this.#ctx.send(node, { type: 'store', req: request.req, key: request.key, item: copyItem(item), hintFor: null });
      for (const [fallback, home] of request.hintsTo)
        if (!request.held.has(home) && fallback !== this.#ctx.id)
          this.#ctx.send(fallback, { type: 'store', req: request.req, key: request.key, item: copyItem(item), hintFor: home });
      if (this.#config.sloppy && request.storeTicks === HINT_AFTER_TICKS) this.#sendHints(request);
    }
    for (const hint of this.#replica.hints())
      this.#ctx.send(hint.home, { type: 'store', req: hint.item.version.writer, key: hint.key, item: hint.item, hintFor: null });
  }

  /** [QR-1.5] Answers reads and stores as a replica; counts replies as a coordinator. */
  step(from: NodeId, message: QuorumMessage): void {
    switch (message.type) {
      case 'read': {
        const item = this.#replica.item(message.key);
        this.#ctx.send(from, { type: 'read-reply', req: message.req, key: message.key, item: item ?? null });
        return;
      }
      case 'store': {
        if (message.hintFor === null) this.#replica.offer(message.key, message.item);
        else this.#replica.hint(message.hintFor, message.key, message.item);
        this.#ctx.send(from, { type: 'store-ack', req: message.req, key: message.key });
        return;
      }
      case 'read-reply': {
        const request = this.#requests.get(message.req);
        if (request === undefined || request.key !== message.key || !request.home.includes(from)) return;
        if (request.phase === 'read') {
          if (request.answers.has(from)) return;
          request.answers.set(from, message.item === null ? null : copyItem(message.item));
          this.#afterRead(request);
        } else if (message.item !== null && compareVersions(message.item.version, request.item!.version) === 0) {
          // A late answer of the read phase with that very version: that replica holds it.
          this.#hold(request, from);
        }
        return;
      }
      case 'store-ack': {
        this.#handBack(from, message.req, message.key);
        const request = this.#requests.get(message.req);
        if (request === undefined || request.key !== message.key || request.phase !== 'store') return;
        if (request.home.includes(from)) this.#hold(request, from);
        else {
          const home = request.hintsTo.get(from);
          if (home !== undefined) this.#hold(request, home);
        }
        return;
      }
    }
  }

  /** [QR-1.5] The item this node keeps for `key` as a replica (hints are not items), or undefined. */
  stored(key: string): Versioned | undefined {
    return this.#replica.item(key);
  }

  /** [QR-3.2] The hints this node keeps, as Replica.hints() gives them. */
  hints(): Hint[] {
    return this.#replica.hints();
  }

  #start(req: number, key: string, kind: 'get' | 'put', value: string): void {
    const list = preferenceList(key, this.#nodes);
    const request: Request = {
      req,
      key,
      kind,
      value,
      home: list.slice(0, this.#config.n),
      fallbacks: list.slice(this.#config.n),
      ticks: 0,
      phase: 'read',
      answers: new Map(),
      item: null,
      storeTicks: 0,
      held: new Set(),
      hintsTo: new Map(),
    };
    this.#requests.set(req, request);
    for (const node of request.home) if (node !== this.#ctx.id) this.#ctx.send(node, { type: 'read', req, key });
    if (request.home.includes(this.#ctx.id)) {
      request.answers.set(this.#ctx.id, this.#replica.item(key) ?? null);
      this.#afterRead(request);
    }
  }

  /** Once R home replicas answered: answer a get, or start the store phase of a put or a write-back. */
  #afterRead(request: Request): void {
    if (request.answers.size < this.#config.r) return;
    let newest: Versioned | null = null;
    for (const item of request.answers.values()) if (item !== null && (newest === null || compareVersions(item.version, newest.version) > 0)) newest = item;
    if (request.kind === 'get') {
      if (!this.#config.writeBack || newest === null) {
        this.#finish(request, { type: 'get-ok', req: request.req, value: newest?.value });
        return;
      }
      this.#storePhase(request, newest);
      return;
    }
    if (newest !== null && newest.version.counter === Number.MAX_SAFE_INTEGER) {
      this.#finish(request, { type: 'fail', req: request.req });
      return;
    }
    const counter = 1 + (newest === null ? 0 : newest.version.counter);
    this.#storePhase(request, { value: request.value, version: { counter, writer: request.req } });
  }

  #storePhase(request: Request, item: Versioned): void {
    request.phase = 'store';
    request.item = copyItem(item);
    if (request.kind === 'get') {
      for (const [node, answer] of request.answers) if (answer !== null && compareVersions(answer.version, item.version) === 0) request.held.add(node);
    }
    for (const node of request.home)
      if (!request.held.has(node) && node !== this.#ctx.id)
        this.#ctx.send(node, { type: 'store', req: request.req, key: request.key, item: copyItem(item), hintFor: null });
    if (request.home.includes(this.#ctx.id) && !request.held.has(this.#ctx.id)) {
      this.#replica.offer(request.key, item);
      request.held.add(this.#ctx.id);
    }
    this.#checkStored(request);
  }

  /** [QR-3.1] Each home replica not yet holding the item gets the next fallback, in preference-list order. */
  #sendHints(request: Request): void {
    let next = 0;
    for (const home of request.home) {
      if (request.held.has(home)) continue;
      if (next >= request.fallbacks.length) break;
      const fallback = request.fallbacks[next++]!;
      request.hintsTo.set(fallback, home);
      if (fallback === this.#ctx.id) {
        this.#replica.hint(home, request.key, request.item!);
        request.held.add(home);
      } else {
        this.#ctx.send(fallback, { type: 'store', req: request.req, key: request.key, item: copyItem(request.item!), hintFor: home });
      }
    }
    this.#checkStored(request);
  }

  #hold(request: Request, home: NodeId): void {
    request.held.add(home);
    this.#checkStored(request);
  }

  #checkStored(request: Request): void {
    if (!this.#requests.has(request.req) || request.held.size < this.#config.w) return;
    if (request.kind === 'put') this.#finish(request, { type: 'put-ok', req: request.req });
    else this.#finish(request, { type: 'get-ok', req: request.req, value: request.item!.value });
  }

  #finish(request: Request, reply: ClientReply): void {
    this.#requests.delete(request.req);
    this.#ctx.emit(reply);
  }

  /** [QR-3.3] A home replica acknowledged a hand-off: the hint it answers goes, unless a newer one replaced it. */
  #handBack(from: NodeId, req: number, key: string): void {
    for (const hint of this.#replica.hints()) {
      if (hint.home === from && hint.key === key && hint.item.version.writer === req) this.#replica.removeHint(from, key, hint.item.version);
    }
  }
}
