/**
 * Task 2 — timestamping events in a message-passing system. Your file.
 *
 * A CausalNode runs inside faultline's simulator (the repository README,
 * "The simulator"):
 * a synchronous state machine that the simulator calls — `local()` and
 * `send()` from the test's workload, `step()` when a message arrives,
 * `tick()` as time passes — over a network that loses, duplicates, delays and
 * reorders messages. Everything the node does leaves through its context:
 * `ctx.send(to, message)` and `ctx.emit(clock)`.
 *
 * The rules (Fidge 1988, Mattern 1988; README task 2):
 * - [VC-2.1] every event — a local event, a send, a receive — adds one to this
 *   node's own counter, and then emits the node's new clock, exactly once;
 * - [VC-2.2] a send puts the send event's clock (after the increment) in the
 *   one message it sends; no other call sends anything;
 * - [VC-2.3] a receive first merges the message's clock into the node's, then
 *   increments its own counter, whatever counters the message carries.
 * [VC-2.4] A tick is not an event. [VC-2.5] A duplicated message is received,
 * and is an event, each time it arrives.
 */
import { type NodeContext, type NodeId, type ProtocolNode } from '@faultline/harness';
// A value import: you will call `VectorClock.empty()` and `VectorClock.from(...)`.
import { VectorClock } from './vector-clock';

/** The one message type: an application message stamped with its send event's clock. */
export interface Stamped {
  readonly type: 'stamped';
  /** The send event's clock, as `VectorClock.entries()` (plain data: messages are copied by value). */
  readonly clock: readonly (readonly [NodeId, number])[];
  readonly payload: string;
}

export class CausalNode implements ProtocolNode<Stamped> {
  /** The clock of this node's latest event; the empty clock before any. */
  private current: VectorClock = VectorClock.empty();

  /** @param ctx this node's context: `ctx.id` is the counter it increments; emit one VectorClock per event. */
  constructor(private readonly ctx: NodeContext<Stamped, VectorClock>) {}

  /** [VC-2.6] The clock after this node's latest event (the empty clock before any); reading it changes nothing. */
  get clock(): VectorClock {
    return this.current;
  }

  /** A local event: increment, emit. */
  local(): void {
    this.event(this.current);
  }

  /** A send event: increment, emit, then send `{ type: 'stamped', clock, payload }` to `to`. */
  send(to: NodeId, payload: string): void {
    const clock = this.event(this.current);
    // Nothing to tell myself: my own clock already holds this event.
    if (to === this.ctx.id) return;
    this.ctx.send(to, { type: 'stamped', clock: clock.entries(), payload });
  }

  /** Time passes; not an event. */
  tick(): void {}

  /** A receive event: merge `message.clock`, increment, emit. */
  step(_from: NodeId, message: Stamped): void {
    const received = VectorClock.from(message.clock);
    this.event(this.current.merge(received));
  }

  /** [VC-2.1] One event: raise this node's own counter on `base`, record it, emit it once. */
  private event(base: VectorClock): VectorClock {
    const next = base.increment(this.ctx.id);
    this.current = next;
    this.ctx.emit(next);
    return next;
  }
}
