/**
 * Task 2 — timestamping events in a message-passing system.
 */
import type { NodeContext, NodeId, ProtocolNode } from '@faultline/harness';
import { VectorClock } from './vector-clock';

/** The one message type: an application message stamped with its send event's clock. */
export interface Stamped {
  readonly type: 'stamped';
  /** The send event's clock, as `VectorClock.entries()` (plain data: messages are copied by value). */
  readonly clock: readonly (readonly [NodeId, number])[];
  readonly payload: string;
}

export class CausalNode implements ProtocolNode<Stamped> {
  #clock: VectorClock = VectorClock.empty();

  /** @param ctx this node's context: `ctx.id` is the counter it increments; emit one VectorClock per event. */
  constructor(private readonly ctx: NodeContext<Stamped, VectorClock>) {}

  /** The clock after this node's latest event (the empty clock before any). */
  get clock(): VectorClock {
    return this.#clock;
  }

  #event(base: VectorClock): VectorClock {
    this.#clock = base.increment(this.ctx.id);
    this.ctx.emit(this.#clock);
    return this.#clock;
  }

  /** A local event: increment, emit. */
  local(): void {
    this.#event(this.#clock);
  }

  /** A send event: increment, emit, then send `{ type: 'stamped', clock, payload }` to `to`. */
  send(to: NodeId, payload: string): void {
    const before = this.#clock;
    this.#event(this.#clock);
    this.ctx.send(to, { type: 'stamped', clock: before.entries(), payload });
  }

  /** Time passes; not an event. */
  tick(): void {}

  /** A receive event: merge `message.clock`, increment, emit. */
  step(_from: NodeId, message: Stamped): void {
    this.#event(this.#clock.merge(VectorClock.from(message.clock)));
  }
}
