/**
 * Broken causal node: a tick is counted as an event.
 *
 * The mistake: tick() increments the node's counter and emits, as if the
 * passing of time were something that happened on the node.
 *
 * Clause broken: VC-2.4, a tick is not an event. Counting ticks makes the
 * counters measure time rather than causality, and emits clocks for events the
 * application never had.
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

  tick(): void {
    this.#event(this.#clock);
  }

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
