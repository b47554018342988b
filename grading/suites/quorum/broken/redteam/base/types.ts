/**
 * What every node of this exercise sends, stores and answers. Provided: use
 * these types, do not edit them. The messages are fixed, as etcd's raft
 * fixes its `Message`, so that the suite can drive one node by hand and read
 * what it sends.
 */
import type { NodeId } from '@faultline/harness';

/**
 * The replication settings, the same on every node.
 * - `n`: how many nodes hold each key (its home replicas), 1 ≤ n ≤ the cluster's size;
 * - `r`, `w`: how many distinct home replicas must answer a read phase and a store phase, 1 ≤ r, w ≤ n;
 * - `writeBack`: a get stores what it read at W home replicas before it answers (task 2);
 * - `sloppy`: a store phase may count hints kept by fallback nodes towards W (task 3);
 * - `timeoutTicks`: a request not answered by its `timeoutTicks`-th tick fails; a safe integer ≥ 1.
 */
export interface QuorumConfig {
  readonly n: number;
  readonly r: number;
  readonly w: number;
  readonly writeBack: boolean;
  readonly sloppy: boolean;
  readonly timeoutTicks: number;
}

/**
 * A write's version: `counter` a safe integer ≥ 1, `writer` the request id of
 * the put that made it. Versions are ordered by counter, then by writer; since
 * request ids are unique, no two puts share a version.
 */
export interface Version {
  readonly counter: number;
  readonly writer: number;
}

/** A value with the version of the put that wrote it. */
export interface Versioned {
  readonly value: string;
  readonly version: Version;
}

/** A write kept by a fallback node for a home replica that did not answer (task 3). */
export interface Hint {
  readonly home: NodeId;
  readonly key: string;
  readonly item: Versioned;
}

/**
 * What nodes send each other. `req` is the id of the client request a
 * message serves (a hand-off's, the writer of the item it carries), and a
 * reply carries the `req` and `key` of the message it answers.
 */
export type QuorumMessage =
  /** Coordinator to replica: what do you hold for `key`? */
  | { readonly type: 'read'; readonly req: number; readonly key: string }
  /** Replica to coordinator: this, or null when it holds nothing for `key`. */
  | { readonly type: 'read-reply'; readonly req: number; readonly key: string; readonly item: Versioned | null }
  /** Keep `item` for `key`: as your own when `hintFor` is null, else as a hint for that home replica. */
  | { readonly type: 'store'; readonly req: number; readonly key: string; readonly item: Versioned; readonly hintFor: NodeId | null }
  /** The store with this `req` and `key` is durable here: the item, or a newer version, is kept. */
  | { readonly type: 'store-ack'; readonly req: number; readonly key: string };

/** What a coordinator answers its client, through `ctx.emit`: exactly once per request, unless it crashes first. */
export type ClientReply =
  /** `value` is undefined when the key was never written, as far as the read phase saw. */
  | { readonly type: 'get-ok'; readonly req: number; readonly value: string | undefined }
  | { readonly type: 'put-ok'; readonly req: number }
  /** The request timed out. It may still take effect: the client cannot tell. */
  | { readonly type: 'fail'; readonly req: number };

/** In sloppy mode, the tick of a store phase at which hints go to fallbacks (its second tick). */
export const HINT_AFTER_TICKS = 2;

/** Orders versions: negative when `a` is older than `b`, 0 when they are the same version, positive when newer. */
export function compareVersions(a: Version, b: Version): number {
  return a.counter !== b.counter ? a.counter - b.counter : a.writer - b.writer;
}
