/**
 * CRDTs, tasks 3 and 4 — delta gossip of one OR-set, with the node's own
 * dots made durable before `apply` returns.
 *
 * Durability: after every `apply` the whole state is written to a temporary
 * file, synced, renamed over `state`, and the directory synced. A crash
 * leaves `state` either the old contents or the new, never a torn mix; the
 * temporary file is never read.
 */
import type { NodeContext, NodeId, ProtocolNode } from '@faultline/harness';
import { OrSet } from './or-set';
import { FULL_STATE_EVERY } from './types';
import type { Dot, OrSetState, SetOp } from './types';

/** What gossip nodes send each other: a delta, or a whole state. */
export interface GossipMessage {
  readonly kind: 'delta' | 'full';
  readonly state: OrSetState;
}

/** Gossip nodes emit nothing: the suite reads value() and state(). */
export type GossipOutput = never;

const STATE_FILE = 'state';
const TEMP_FILE = 'state.tmp';

interface Encoded {
  readonly entries: [string, [string, number][]][];
  readonly vv: [string, number][];
  readonly cloud: [string, number][];
}

function encode(state: OrSetState): Uint8Array {
  const data: Encoded = {
    entries: [...state.entries].map(([element, dots]) => [element, dots.map((d) => [d.replica, d.counter])]),
    vv: [...state.context.vv],
    cloud: state.context.cloud.map((d) => [d.replica, d.counter]),
  };
  return new TextEncoder().encode(JSON.stringify(data));
}

function decode(bytes: Uint8Array): OrSetState {
  const data = JSON.parse(new TextDecoder().decode(bytes)) as Encoded;
  const dot = ([replica, counter]: [string, number]): Dot => ({ replica, counter });
  return {
    entries: new Map(data.entries.map(([element, dots]) => [element, dots.map(dot)])),
    context: { vv: new Map(data.vv), cloud: data.cloud.map(dot) },
  };
}

export class GossipNode implements ProtocolNode<GossipMessage> {
  readonly #ctx: NodeContext<GossipMessage, GossipOutput>;
  readonly #set: OrSet;
  /** The join of the deltas of the applies since the last tick, or undefined if none. */
  #pending: OrSet | undefined;
  /** Ticks since this incarnation started. */
  #ticks = 0;

  constructor(ctx: NodeContext<GossipMessage, GossipOutput>) {
    this.#ctx = ctx;
    this.#set = new OrSet(ctx.id);
    const saved = ctx.storage.read(STATE_FILE);
    if (saved !== undefined && saved.length > 0) this.#set.merge(decode(saved));
  }

  apply(op: SetOp): void {
    if (typeof op !== 'object' || op === null) throw new RangeError('GossipNode.apply: op must be { add } or { remove }');
    const isAdd = 'add' in op;
    const isRemove = 'remove' in op;
    if (isAdd === isRemove) throw new RangeError('GossipNode.apply: op must have exactly one of add and remove');
    const element = isAdd ? (op as { add: unknown }).add : (op as { remove: unknown }).remove;
    if (typeof element !== 'string') throw new RangeError(`GossipNode.apply: the element must be a string, got ${String(element)}`);
    const delta = isAdd ? this.#set.add(element) : this.#set.remove(element);
    this.#persist();
    (this.#pending ??= new OrSet(this.#ctx.id)).merge(delta);
  }

  value(): ReadonlySet<string> {
    return this.#set.value();
  }

  state(): OrSetState {
    return this.#set.state();
  }

  tick(): void {
    this.#ticks++;
    if (this.#pending !== undefined) {
      const delta = this.#pending.state();
      this.#pending = undefined;
      for (const peer of this.#ctx.peers) this.#ctx.send(peer, { kind: 'delta', state: delta });
    }
    if (this.#ticks % FULL_STATE_EVERY === 0) {
      const whole = this.#set.state();
      for (const peer of this.#ctx.peers) this.#ctx.send(peer, { kind: 'full', state: whole });
    }
  }

  step(_from: NodeId, message: GossipMessage): void {
    if (typeof message !== 'object' || message === null) return;
    try {
      this.#set.merge(message.state);
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      // A malformed message changes nothing (OrSet.merge checks before it changes anything).
    }
  }

  #persist(): void {
    const storage = this.#ctx.storage;
    storage.write(TEMP_FILE, encode(this.#set.state()));
    storage.sync(TEMP_FILE);
    storage.rename(TEMP_FILE, STATE_FILE);
    storage.syncDirectory();
  }
}
