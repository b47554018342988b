/**
 * The simulated network, and what it does to messages.
 *
 * Fault model, per directed link (from → to), each decided when a message is sent:
 * - `loss` (probability, default 0): the message is dropped.
 * - `duplicate` (probability, default 0): the message is delivered twice,
 *   each copy with its own delay.
 * - `delay` (a distribution in ms, default uniform 1–10): how long a copy is
 *   in flight; different delays reorder messages on their own.
 * - `reorder` (probability, default 0): a copy is held back by an extra delay
 *   of up to 10 × the delay's upper bound, overtaken by later messages.
 * And per link, over time:
 * - blocked (by a partition, symmetric or one-way, or an isolated node): a
 *   copy that arrives while its link is blocked is dropped;
 * - held: copies that arrive are kept, in order, until the link is released.
 * Every delivered copy is a deep copy (structuredClone): no sharing between nodes.
 */
import type { Rng } from '../rng';
import type { NodeId } from './types';

export type Delay = { readonly kind: 'uniform'; readonly minMs: number; readonly maxMs: number } | { readonly kind: 'exponential'; readonly minMs: number; readonly meanMs: number };

export interface LinkConfig {
  readonly loss: number;
  readonly duplicate: number;
  readonly delay: Delay;
  readonly reorder: number;
}

export const DEFAULT_LINK: LinkConfig = { loss: 0, duplicate: 0, delay: { kind: 'uniform', minMs: 1, maxMs: 10 }, reorder: 0 };

export function checkLink(config: LinkConfig): LinkConfig {
  for (const field of ['loss', 'duplicate', 'reorder'] as const) {
    const p = config[field];
    if (!(p >= 0 && p <= 1)) throw new RangeError(`sim: link ${field} is a probability in [0, 1], got ${p}`);
  }
  const d = config.delay;
  const upper = d.kind === 'uniform' ? d.maxMs : d.meanMs;
  if (!(d.minMs >= 0 && upper >= d.minMs && Number.isFinite(upper))) {
    throw new RangeError(`sim: link delay needs 0 <= min <= ${d.kind === 'uniform' ? 'max' : 'mean'}, got ${JSON.stringify(d)}`);
  }
  return config;
}

const delayUpper = (d: Delay): number => (d.kind === 'uniform' ? d.maxMs : d.minMs + 5 * (d.meanMs - d.minMs));

function drawDelay(d: Delay, rng: Rng): number {
  switch (d.kind) {
    case 'uniform':
      return d.minMs + rng.next() * (d.maxMs - d.minMs);
    case 'exponential':
      return d.minMs - Math.log(1 - rng.next()) * (d.meanMs - d.minMs);
    default: {
      const unreachable: never = d;
      throw new Error(`sim: unknown delay ${JSON.stringify(unreachable)}`);
    }
  }
}

/** What the network decided for one message at send time. */
export interface SendPlan {
  readonly lost: boolean;
  /** In-flight time of each copy (one, or two when duplicated); empty when lost. */
  readonly delays: readonly number[];
  readonly reordered: boolean;
}

/** `T` is what the simulator parks on a held link: a delivery, released later in arrival order. */
export class Network<T> {
  #base: LinkConfig;
  #links = new Map<string, LinkConfig>();
  #blocked = new Map<string, number>();
  /** Held links, each with what arrived on it while held, in order. */
  #held = new Map<string, T[]>();
  /** Per link, the highest message number delivered so far: a lower one arriving later was reordered. */
  #highest = new Map<string, number>();
  /** Each link's key in the maps above, made once rather than for every message. */
  #keys = new Map<NodeId, Map<NodeId, string>>();

  constructor(
    base: LinkConfig,
    private readonly rng: Rng,
  ) {
    this.#base = checkLink(base);
  }

  #key(from: NodeId, to: NodeId): string {
    let byTo = this.#keys.get(from);
    if (byTo === undefined) this.#keys.set(from, (byTo = new Map()));
    let k = byTo.get(to);
    if (k === undefined) byTo.set(to, (k = `${from}\u0000${to}`));
    return k;
  }

  link(from: NodeId, to: NodeId): LinkConfig {
    return this.#links.get(this.#key(from, to)) ?? this.#base;
  }

  /** The link's own configuration, if it has one (else it uses the base). */
  override(from: NodeId, to: NodeId): LinkConfig | undefined {
    return this.#links.get(this.#key(from, to));
  }

  /** Overrides one link's configuration; `undefined` restores the base. */
  configure(from: NodeId, to: NodeId, config: LinkConfig | undefined): void {
    if (config === undefined) this.#links.delete(this.#key(from, to));
    else this.#links.set(this.#key(from, to), checkLink(config));
  }

  plan(from: NodeId, to: NodeId): SendPlan {
    const config = this.link(from, to);
    if (this.rng.next() < config.loss) return { lost: true, delays: [], reordered: false };
    const copies = this.rng.next() < config.duplicate ? 2 : 1;
    const delays: number[] = [];
    let reordered = false;
    for (let i = 0; i < copies; i++) {
      let delay = drawDelay(config.delay, this.rng);
      if (this.rng.next() < config.reorder) {
        delay += this.rng.next() * 10 * delayUpper(config.delay);
        reordered = true;
      }
      delays.push(delay);
    }
    return { lost: false, delays, reordered };
  }

  /** Blocks the link until a matching unblock; blocks nest (two partitions over one link need two heals). */
  block(from: NodeId, to: NodeId): void {
    const k = this.#key(from, to);
    this.#blocked.set(k, (this.#blocked.get(k) ?? 0) + 1);
  }

  unblock(from: NodeId, to: NodeId): void {
    const k = this.#key(from, to);
    const n = (this.#blocked.get(k) ?? 0) - 1;
    if (n > 0) this.#blocked.set(k, n);
    else this.#blocked.delete(k);
  }

  blocked(from: NodeId, to: NodeId): boolean {
    return this.#blocked.has(this.#key(from, to));
  }

  hold(from: NodeId, to: NodeId): void {
    if (!this.#held.has(this.#key(from, to))) this.#held.set(this.#key(from, to), []);
  }

  /** Parks `item` if the link is held, and says whether it did. */
  park(from: NodeId, to: NodeId, item: T): boolean {
    const queue = this.#held.get(this.#key(from, to));
    queue?.push(item);
    return queue !== undefined;
  }

  /** Stops holding the link and returns what it held, in arrival order. */
  release(from: NodeId, to: NodeId): T[] {
    const queue = this.#held.get(this.#key(from, to)) ?? [];
    this.#held.delete(this.#key(from, to));
    return queue;
  }

  /** Records a delivery of message `msg` on the link; true when a later-sent message had already arrived. */
  delivered(from: NodeId, to: NodeId, msg: number): boolean {
    const highest = this.#highest.get(this.#key(from, to)) ?? 0;
    this.#highest.set(this.#key(from, to), Math.max(msg, highest));
    return highest > msg;
  }

  /** Removes every partition, hold and link override; returns what the held links held. */
  heal(): T[] {
    const held = [...this.#held.values()].flat();
    this.#blocked.clear();
    this.#held.clear();
    this.#links.clear();
    return held;
  }
}

// Frozen, like every harness class learner code can import: a patched method must not change what a checker sees.
Object.freeze(Network.prototype);
Object.freeze(Network);
