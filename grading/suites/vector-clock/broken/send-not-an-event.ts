/**
 * Broken causal node: a send is not an event — it stamps the message with the
 * current clock without incrementing or emitting.
 *
 * Why it is wrong: the send then has the same clock as the node's previous
 * event, so anything that happened after that previous event on the node is
 * wrongly ordered with the receive, and the send event goes unreported.
 *
 * Real-world failure it models: only "interesting" events tick the clock.
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
    this.ctx.send(to, { type: 'stamped', clock: this.#clock.entries(), payload });
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
