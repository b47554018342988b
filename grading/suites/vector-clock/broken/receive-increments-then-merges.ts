/**
 * Broken causal node: a receive increments, then merges.
 *
 * The mistake: step adds one to the node's own counter first and merges the
 * message's clock afterwards.
 *
 * Clause broken: VC-2.3, a receive merges, then increments, whatever counters
 * the message carries. In a run the two orders agree, since no message carries
 * a counter of the receiver above its own; a message that does (a node that
 * restarted with an old clock, a forged or hand-made message) comes out with the
 * receiver's counter equal to the message's, so the receive is not after it.
 */
import type { NodeContext, NodeId, ProtocolNode } from '@faultline/harness';
import { VectorClock } from './vector-clock';

export interface Stamped {
  readonly type: 'stamped';
  readonly clock: readonly (readonly [NodeId, number])[];
  readonly payload: string;
}

export class CausalNode implements ProtocolNode<Stamped> {
  #clock = VectorClock.empty();

  constructor(private readonly ctx: NodeContext<Stamped, VectorClock>) {}

  get clock(): VectorClock {
    return this.#clock;
  }

  local(): void {
    this.#event(this.#clock);
  }

  send(to: NodeId, payload: string): void {
    const stamp = this.#event(this.#clock);
    this.ctx.send(to, { type: 'stamped', clock: stamp.entries(), payload });
  }

  tick(): void {}

  step(_from: NodeId, message: Stamped): void {
    const ticked = this.#clock.increment(this.ctx.id);
    this.#clock = ticked.merge(VectorClock.from(message.clock));
    this.ctx.emit(this.#clock);
  }

  /** Every event: one more on our own counter, then report the new clock. */
  #event(base: VectorClock): VectorClock {
    this.#clock = base.increment(this.ctx.id);
    this.ctx.emit(this.#clock);
    return this.#clock;
  }
}
