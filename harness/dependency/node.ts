/** The dependency node: admits, sheds or fails calls as they arrive, and answers served calls on its ticks. */
import type { NodeContext, NodeId, ProtocolNode } from '../sim';
import { checkScript, conditionsAt } from './script';
import type { DependencyEvent, DependencyMessage, DependencyOutcome, DependencyScript, ReplyReason } from './types';

interface Call {
  readonly id: string;
  readonly from: NodeId;
  /** When its service ends, on the dependency's clock. */
  readonly endMs: number;
}

class DependencyNode implements ProtocolNode<DependencyMessage> {
  readonly #ctx: NodeContext<DependencyMessage, DependencyEvent>;
  readonly #script: DependencyScript;
  /** Calls in service, in arrival order; each leaves when its reply does. */
  #calls: Call[] = [];

  constructor(ctx: NodeContext<DependencyMessage, DependencyEvent>, script: DependencyScript) {
    this.#script = checkScript(script);
    this.#ctx = ctx;
    Object.freeze(this);
  }

  /** Calls admitted whose reply has not left yet. */
  get inService(): number {
    return this.#calls.length;
  }

  tick(): void {
    const now = this.#ctx.clock.now();
    if (!this.#calls.some((c) => c.endMs <= now)) return;
    // A stable sort: ties in end time keep arrival order.
    const done = this.#calls.filter((c) => c.endMs <= now).sort((a, b) => a.endMs - b.endMs);
    this.#calls = this.#calls.filter((c) => c.endMs > now);
    for (const call of done) {
      const { failureRate, fatalRate } = conditionsAt(this.#script, call.endMs);
      const u = this.#ctx.rng.next(); // one draw per served call, whatever the rates: streams never shift
      const outcome: DependencyOutcome = u < fatalRate ? 'fatal' : u < fatalRate + failureRate ? 'retryable' : 'ok';
      this.#reply(call.from, call.id, now, outcome, outcome === 'ok' ? 'served' : 'failed');
    }
  }

  step(from: NodeId, message: DependencyMessage): void {
    switch (message.type) {
      case 'call':
        return this.#arrive(from, message.id);
      case 'reply':
        throw new RangeError(`dependency: ${from} sent a reply (id ${JSON.stringify(message.id)}) to ${this.#ctx.id}, which only takes calls; a client sends { type: 'call', id }`);
      default: {
        const unreachable: never = message;
        throw new RangeError(`dependency: unknown message ${JSON.stringify(unreachable)}; expected { type: 'call', id }`);
      }
    }
  }

  #arrive(from: NodeId, id: string): void {
    const now = this.#ctx.clock.now();
    const here = conditionsAt(this.#script, now);
    const admitted = here.outage === undefined && this.#calls.length < here.capacity;
    this.#ctx.emit({ type: 'arrival', id, from, atMs: now, admitted });
    if (admitted) this.#calls.push({ id, from, endMs: now + this.#script.serviceMs * here.slowdown });
    else if (here.outage === 'fail-fast') this.#reply(from, id, now, 'retryable', 'outage');
    else if (here.outage === undefined) this.#reply(from, id, now, 'retryable', 'overloaded');
  }

  #reply(to: NodeId, id: string, atMs: number, outcome: DependencyOutcome, reason: ReplyReason): void {
    this.#ctx.emit({ type: 'reply', id, to, atMs, outcome, reason });
    this.#ctx.send(to, { type: 'reply', id, outcome, reason });
  }
}

// Frozen, like every harness class learner code can reach: a patched method must not change what a suite measures.
Object.freeze(DependencyNode.prototype);
Object.freeze(DependencyNode);

/**
 * A dependency node for `simulate`: `create: (ctx) => ctx.id === 'dep' ? dependencyNode(ctx, script) : client(ctx)`.
 * Throws a RangeError naming the field when the script is bad (`checkScript`).
 */
export function dependencyNode(ctx: NodeContext<DependencyMessage, DependencyEvent>, script: DependencyScript): ProtocolNode<DependencyMessage> & { readonly inService: number } {
  return new DependencyNode(ctx, script);
}
