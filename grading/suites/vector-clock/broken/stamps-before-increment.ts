/**
 * Broken causal node: a send puts the clock from BEFORE its own increment in
 * the message.
 *
 * Why it is wrong: the message then carries the previous event's clock, not
 * the send event's, so the receive does not dominate the send: they compare
 * 'concurrent', not 'before'.
 *
 * Real-world failure it models: reading the clock, sending, then ticking — an
 * ordering slip in the send path.
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
    const stamp = this.#clock;
    this.#event(this.#clock);
    this.ctx.send(to, { type: 'stamped', clock: stamp.entries(), payload });
  }

  tick(): void {}

  step(_from: NodeId, message: Stamped): void {
    this.#event(this.#clock.merge(VectorClock.from(message.clock)));
  }

  /** Every event: one more on our own counter, then report the new clock. */
  #event(base: VectorClock): VectorClock {
    this.#clock = base.increment(this.ctx.id);
    this.ctx.emit(this.#clock);
    return this.#clock;
  }
}
