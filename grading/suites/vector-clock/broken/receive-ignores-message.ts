/**
 * Broken causal node: a receive increments its own counter but never merges
 * the message's clock.
 *
 * Why it is wrong: the receiver learns nothing of the sender's history, so a
 * send and its receive compare 'concurrent' instead of 'before': a Lamport
 * scalar's mistake carried into vectors.
 *
 * Real-world failure it models: treating the incoming stamp as metadata to
 * log rather than state to fold in.
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
    void message;
    this.#event(this.#clock);
  }

  /** Every event: one more on our own counter, then report the new clock. */
  #event(base: VectorClock): VectorClock {
    this.#clock = base.increment(this.ctx.id);
    this.ctx.emit(this.#clock);
    return this.#clock;
  }
}
