/**
 * Tasks 3 and 4: a node that replicates an OR-set by delta gossip, with the
 * whole state as the fallback that repairs every lost delta, and that never
 * reuses a dot after a crash. Reference solution.
 */
import type { NodeContext, NodeId, ProtocolNode } from '@faultline/harness';
import { OrSet } from './or-set';
import { FULL_STATE_EVERY, type Dot, type OrSetState, type SetOp } from './types';

/** What gossip nodes send each other: yours to design. */
export interface GossipMessage {
  readonly kind: 'delta' | 'state';
  readonly state: OrSetState;
}

/** Gossip nodes emit nothing: the suite reads value() and state(). */
export type GossipOutput = never;

const FILE = 'or-set';
const TMP = 'or-set.tmp';

interface Saved {
  readonly entries: [string, [string, number][]][];
  readonly vv: [string, number][];
  readonly cloud: [string, number][];
}

function encode(state: OrSetState): Uint8Array {
  const saved: Saved = {
    entries: [...state.entries].map(([e, dots]) => [e, dots.map((d) => [d.replica, d.counter] as [string, number])]),
    vv: [...state.context.vv],
    cloud: state.context.cloud.map((d) => [d.replica, d.counter]),
  };
  return new TextEncoder().encode(JSON.stringify(saved));
}

function decode(bytes: Uint8Array): OrSetState {
  const saved = JSON.parse(new TextDecoder().decode(bytes)) as Saved;
  const dot = ([replica, counter]: [string, number]): Dot => ({ replica, counter });
  return {
    entries: new Map(saved.entries.map(([e, dots]) => [e, dots.map(dot)])),
    context: { vv: new Map(saved.vv), cloud: saved.cloud.map(dot) },
  };
}

export class GossipNode implements ProtocolNode<GossipMessage> {
  readonly #ctx: NodeContext<GossipMessage, GossipOutput>;
  readonly #set: OrSet;
  /** The join of the deltas applied here since the last tick, or undefined if none. */
  #pending: OrSet | undefined;
  #ticks = 0;

  constructor(ctx: NodeContext<GossipMessage, GossipOutput>) {
    this.#ctx = ctx;
    this.#set = new OrSet(ctx.id);
    // The file holds the state as of the last apply: every dot this replica minted is in its context.
    const saved = ctx.storage.read(FILE);
    if (saved !== undefined) this.#set.merge(decode(saved));
    ctx.storage.remove(TMP);
  }

  apply(op: SetOp): void {
    const delta = 'add' in op ? this.#set.add(op.add) : this.#set.remove(op.remove);
    // Durable before anyone hears of it: a restart then mints past every dot this replica used.
    const storage = this.#ctx.storage;
    storage.write(TMP, encode(this.#set.state()));
    storage.sync(TMP);
    storage.rename(TMP, FILE);
    storage.syncDirectory();
    this.#pending ??= new OrSet(this.#ctx.id);
    this.#pending.merge(delta);
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
      this.#broadcast({ kind: 'delta', state: this.#pending.state() });
      this.#pending = undefined;
    }
    if (this.#ticks % FULL_STATE_EVERY === 0) this.#broadcast({ kind: 'state', state: this.#set.state() });
  }

  step(_from: NodeId, message: GossipMessage): void {
    this.#set.merge(message.state);
  }

  #broadcast(message: GossipMessage): void {
    for (const peer of this.#ctx.peers) this.#ctx.send(peer, message);
  }
}
