/**
 * Broken causal node: a receive merges the message's clock but does not
 * increment its own counter.
 *
 * Why it is wrong: the receive is an event of its own. Without the increment
 * its clock can equal the send's (when the receiver knew nothing newer), so a
 * send and its receive compare 'equal' instead of 'before', and the receive is
 * not ordered after the receiver's previous event.
 *
 * Real-world failure it models: "merge without the receive increment", the
 * most common slip when Fidge/Mattern clocks are written from memory.
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
    this.#clock = this.#clock.merge(VectorClock.from(message.clock));
    this.ctx.emit(this.#clock);
  }

  /** Every event: one more on our own counter, then report the new clock. */
  #event(base: VectorClock): VectorClock {
    this.#clock = base.increment(this.ctx.id);
    this.ctx.emit(this.#clock);
    return this.#clock;
  }
}
