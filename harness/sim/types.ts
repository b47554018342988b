/**
 * The node contract. A node is a pure, synchronous state machine in the shape
 * of etcd's raft library: it never touches a clock, a socket or a disk of its
 * own. The simulator feeds it ticks, messages and client calls; everything it
 * learns about the world comes through its context, and everything it does
 * leaves through the context's outbox, which the simulator drains after each
 * call returns.
 */
import type { Rng } from '../rng';

export type NodeId = string;

/** The node's view of its own clock: milliseconds, possibly skewed, drifting, or jumping backwards. */
export interface NodeClock {
  now(): number;
}

/**
 * A node's disk. Reads see every write; only `sync(name)` makes a file's
 * contents durable, and only `syncDirectory()` makes the existence of files
 * (creations, removals, renames) durable. On a crash, what was not synced may
 * be lost, in part or whole (see storage.ts for the exact fault model).
 */
export interface Storage {
  /** Names of the files that currently exist, sorted. */
  list(): string[];
  /** A copy of the file's current contents, or undefined if it does not exist. */
  read(name: string): Uint8Array | undefined;
  /** Appends bytes, creating the file if needed. */
  append(name: string, bytes: Uint8Array): void;
  /** Replaces the file's contents, creating it if needed. Not atomic across a crash. */
  write(name: string, bytes: Uint8Array): void;
  /** Removes the file (a no-op if it does not exist). */
  remove(name: string): void;
  /** Renames `from` to `to`, replacing `to`. */
  rename(from: string, to: string): void;
  /** Makes the file's current contents durable. */
  sync(name: string): void;
  /** Makes the current set of file names durable. */
  syncDirectory(): void;
}

export interface NodeContext<M, O> {
  readonly id: NodeId;
  /** Every other node, sorted. */
  readonly peers: readonly NodeId[];
  /** This node's own random stream: the only randomness a node may use. */
  readonly rng: Rng;
  /** This node's wall clock (like Date.now()): with `monotonic`, the only time a node may read. */
  readonly clock: NodeClock;
  /**
   * This node's monotonic clock (like performance.now() or CLOCK_MONOTONIC): it never goes backwards and never jumps;
   * it runs at the same rate as `clock` (clock-drift faults drift both), so it is the one to measure durations on. Its
   * origin is arbitrary; it keeps counting across a restart of the node.
   */
  readonly monotonic: NodeClock;
  readonly storage: Storage;
  /** Queues a message to `to`. It leaves when the current call returns; the network may lose, duplicate, delay or reorder it. */
  send(to: NodeId, message: M): void;
  /** Reports an observation (an applied entry, a stamped event) to the harness. */
  emit(output: O): void;
}

/** What every protocol node implements. Exercises add their own client calls (propose, put, …). */
export interface ProtocolNode<M> {
  /** One unit of logical time has passed (the simulator ticks every node every `tickMs` of virtual time). */
  tick(): void;
  /** A message from `from` has arrived. The message is the node's own copy. */
  step(from: NodeId, message: M): void;
}

/** Builds a node, at start and after each restart: volatile state starts empty, storage keeps what was synced. */
export type NodeFactory<M, O, N extends ProtocolNode<M>> = (context: NodeContext<M, O>) => N;

/**
 * What a node reports about itself, for the timeline picture only ("leader t3"):
 * the suite's reading of its node, never the node's own code path. The
 * simulator reads it after every call into the node (and after each start),
 * with nondeterminism trapped, and records a `status` event when the text
 * changes. Reading it must change nothing; if it throws, nothing is recorded.
 * Status events are left out of the trace hash and the failure message's
 * timeline, so supplying the hook changes no verdict and no hash.
 */
export interface StatusDescriber<N> {
  readonly describe?: { readonly status?: (node: N) => string };
}
