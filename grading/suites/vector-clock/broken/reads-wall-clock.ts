/**
 * Broken causal node: a local event reads the wall clock.
 *
 * The mistake: local() reads Date.now() (to log when the event happened).
 *
 * Clause broken: VC-2.8, the node reads no Math.random, Date.now or timers while
 * the simulator calls it: a run that depends on the wall clock cannot be
 * replayed from its seed, so the simulator stops it.
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

  #lastLocalAt = 0;

  local(): void {
    this.#lastLocalAt = Date.now();
    this.#event(this.#clock);
  }

  send(to: NodeId, payload: string): void {
    const stamp = this.#event(this.#clock);
    this.ctx.send(to, { type: 'stamped', clock: stamp.entries(), payload });
  }

  tick(): void {
    void this.#lastLocalAt;
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
