/**
 * The reference node: a coordinator whose requests are small state machines
 * (a read phase, then perhaps a store phase), and a replica that answers
 * from its Replica. Unanswered nodes are asked again at every tick.
 */
import type { NodeContext, NodeId, ProtocolNode } from '@faultline/harness';
import { preferenceList } from './placement';
import { Replica } from './replica';
import { compareVersions, HINT_AFTER_TICKS, type ClientReply, type Hint, type QuorumConfig, type QuorumMessage, type Versioned } from './types';

interface ReadPhase {
  readonly type: 'read';
  /** Each home replica that answered, with what it held. */
  readonly answers: Map<NodeId, Versioned | null>;
}

interface StorePhase {
  readonly type: 'store';
  readonly item: Versioned;
  /** Home replicas that hold the item: they acked, a fallback acked for them, or they answered the read phase with it. */
  readonly acked: Set<NodeId>;
  /** Fallback to the home replica it keeps a hint for. */
  readonly hinted: Map<NodeId, NodeId>;
  ticks: number;
}

interface Request {
  readonly req: number;
  readonly key: string;
  /** The value to write, or undefined for a get. */
  readonly value: string | undefined;
  readonly home: readonly NodeId[];
  readonly fallbacks: readonly NodeId[];
  ticks: number;
  phase: ReadPhase | StorePhase;
}

const safeNat = (x: number): boolean => Number.isSafeInteger(x) && x >= 0;

export class QuorumNode implements ProtocolNode<QuorumMessage> {
  readonly #ctx: NodeContext<QuorumMessage, ClientReply>;
  readonly #config: QuorumConfig;
  readonly #nodes: readonly NodeId[];
  readonly #replica: Replica;
  readonly #requests = new Map<number, Request>();

  constructor(ctx: NodeContext<QuorumMessage, ClientReply>, config: QuorumConfig) {
    const size = ctx.peers.length + 1;
    const { n, r, w, timeoutTicks } = config;
    if (!Number.isSafeInteger(n) || n < 1 || n > size) throw new RangeError(`quorum: n must be a safe integer from 1 to the cluster's size ${size}, got ${String(n)}`);
    if (!Number.isSafeInteger(r) || r < 1 || r > n) throw new RangeError(`quorum: r must be a safe integer from 1 to n = ${n}, got ${String(r)}`);
    if (!Number.isSafeInteger(w) || w < 1 || w > n) throw new RangeError(`quorum: w must be a safe integer from 1 to n = ${n}, got ${String(w)}`);
    if (!Number.isSafeInteger(timeoutTicks) || timeoutTicks < 1) throw new RangeError(`quorum: timeoutTicks must be a safe integer ≥ 1, got ${String(timeoutTicks)}`);
    this.#ctx = ctx;
    this.#config = { ...config };
    this.#nodes = [ctx.id, ...ctx.peers];
    this.#replica = new Replica(ctx.storage);
  }

  get(req: number, key: string): void {
    this.#start(req, key, undefined);
  }

  put(req: number, key: string, value: string): void {
    this.#start(req, key, value);
  }

  tick(): void {
    for (const request of [...this.#requests.values()]) {
      request.ticks += 1;
      if (request.ticks >= this.#config.timeoutTicks) {
        this.#answer(request, { type: 'fail', req: request.req });
        continue;
      }
      const phase = request.phase;
      if (phase.type === 'store') {
        phase.ticks += 1;
        if (this.#config.sloppy && phase.ticks === HINT_AFTER_TICKS) this.#hint(request, phase);
        if (!this.#requests.has(request.req)) continue;
      }
      this.#send(request);
    }
    for (const hint of this.#replica.hints()) {
      this.#ctx.send(hint.home, { type: 'store', req: hint.item.version.writer, key: hint.key, item: hint.item, hintFor: null });
    }
  }

  step(from: NodeId, message: QuorumMessage): void {
    switch (message.type) {
      case 'read':
        this.#ctx.send(from, { type: 'read-reply', req: message.req, key: message.key, item: this.#replica.item(message.key) ?? null });
        return;
      case 'store':
        if (message.hintFor === null) this.#replica.offer(message.key, message.item);
        else this.#replica.hint(message.hintFor, message.key, message.item);
        this.#ctx.send(from, { type: 'store-ack', req: message.req, key: message.key });
        return;
      case 'read-reply': {
        const request = this.#requests.get(message.req);
        if (request === undefined || request.key !== message.key || !request.home.includes(from)) return;
        if (request.phase.type === 'store') {
          // A write-back counts a late answer that holds the very version it stores.
          const { item } = request.phase;
          if (request.value === undefined && message.item !== null && compareVersions(message.item.version, item.version) === 0) request.phase.acked.add(from);
          this.#progress(request);
          return;
        }
        if (request.phase.answers.has(from)) return;
        request.phase.answers.set(from, message.item);
        this.#progress(request);
        return;
      }
      case 'store-ack': {
        const hint = this.#replica.hints().find((h) => h.home === from && h.key === message.key && h.item.version.writer === message.req);
        if (hint !== undefined) this.#replica.removeHint(hint.home, hint.key, hint.item.version);
        const request = this.#requests.get(message.req);
        if (request === undefined || request.key !== message.key || request.phase.type !== 'store') return;
        const home = request.home.includes(from) ? from : request.phase.hinted.get(from);
        if (home === undefined) return;
        request.phase.acked.add(home);
        this.#progress(request);
        return;
      }
      default: {
        const unreachable: never = message;
        return unreachable;
      }
    }
  }

  stored(key: string): Versioned | undefined {
    return this.#replica.item(key);
  }

  hints(): Hint[] {
    return this.#replica.hints();
  }

  #start(req: number, key: string, value: string | undefined): void {
    if (!safeNat(req)) throw new RangeError(`quorum: a request id must be a safe integer ≥ 0, got ${String(req)}`);
    const list = preferenceList(key, this.#nodes);
    const home = list.slice(0, this.#config.n);
    // A coordinator that is a home replica answers its own read phase at once.
    const answers = new Map<NodeId, Versioned | null>(home.includes(this.#ctx.id) ? [[this.#ctx.id, this.#replica.item(key) ?? null]] : []);
    const request: Request = { req, key, value, home, fallbacks: list.slice(this.#config.n), ticks: 0, phase: { type: 'read', answers } };
    this.#requests.set(req, request);
    this.#send(request);
    this.#progress(request);
  }

  /** Sends the phase's message to every node that has not answered it (the coordinator always has). */
  #send(request: Request): void {
    const { req, key, phase } = request;
    for (const home of request.home) {
      if (phase.type === 'read' && !phase.answers.has(home)) this.#ctx.send(home, { type: 'read', req, key });
      if (phase.type === 'store' && !phase.acked.has(home)) this.#ctx.send(home, { type: 'store', req, key, item: phase.item, hintFor: null });
    }
    if (phase.type === 'store') {
      for (const [fallback, home] of phase.hinted) {
        if (!phase.acked.has(home)) this.#ctx.send(fallback, { type: 'store', req, key, item: phase.item, hintFor: home });
      }
    }
  }

  /** Moves a request on when its phase has its quorum. */
  #progress(request: Request): void {
    const phase = request.phase;
    if (phase.type === 'read') {
      if (phase.answers.size < this.#config.r) return;
      let newest: Versioned | undefined;
      for (const item of phase.answers.values()) if (item !== null && (newest === undefined || compareVersions(item.version, newest.version) > 0)) newest = item;
      if (request.value !== undefined && newest?.version.counter === Number.MAX_SAFE_INTEGER) {
        this.#answer(request, { type: 'fail', req: request.req });
      } else if (request.value !== undefined) {
        const item: Versioned = { value: request.value, version: { counter: (newest?.version.counter ?? 0) + 1, writer: request.req } };
        this.#storePhase(request, item, new Set());
      } else if (newest === undefined || !this.#config.writeBack) {
        this.#answer(request, { type: 'get-ok', req: request.req, value: newest?.value });
      } else {
        const holding = [...phase.answers].filter(([, item]) => item !== null && compareVersions(item.version, newest.version) === 0).map(([id]) => id);
        this.#storePhase(request, newest, new Set(holding));
      }
      return;
    }
    if (phase.acked.size < this.#config.w) return;
    this.#answer(request, request.value === undefined ? { type: 'get-ok', req: request.req, value: phase.item.value } : { type: 'put-ok', req: request.req });
  }

  #storePhase(request: Request, item: Versioned, acked: Set<NodeId>): void {
    const phase: StorePhase = { type: 'store', item, acked, hinted: new Map(), ticks: 0 };
    request.phase = phase;
    if (request.home.includes(this.#ctx.id)) {
      this.#replica.offer(request.key, item);
      phase.acked.add(this.#ctx.id);
    }
    this.#send(request);
    this.#progress(request);
  }

  /** QR-3.1: each home replica that has not acked, in order, gets the next fallback (a phase that has W is answered already). */
  #hint(request: Request, phase: StorePhase): void {
    const missing = request.home.filter((home) => !phase.acked.has(home));
    for (const [i, home] of missing.entries()) {
      const fallback = request.fallbacks[i];
      if (fallback === undefined) break;
      phase.hinted.set(fallback, home);
      if (fallback === this.#ctx.id) {
        this.#replica.hint(home, request.key, phase.item);
        phase.acked.add(home);
      }
    }
    this.#progress(request);
  }

  #answer(request: Request, reply: ClientReply): void {
    this.#requests.delete(request.req);
    this.#ctx.emit(reply);
  }
}
