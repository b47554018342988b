/**
 * The states every replica of this exercise hands out and takes in. They are
 * plain data with exactly one meaning each, so that a state written by one
 * implementation merges into another, as Riak DT's published binary formats
 * let any two Riak nodes merge. Provided: use these types, do not edit them.
 *
 * Two states are equal when they hold the same things: the order of a Map's
 * keys or of an array's dots never matters.
 */

/** A replica's name: any string at all, "" and "__proto__" included. */
export type ReplicaId = string;

/**
 * A G-counter's state: for each replica whose own total is above 0, that
 * total, a positive safe integer. A replica with total 0 has no entry.
 */
export type GCounterState = ReadonlyMap<ReplicaId, number>;

/** A PN-counter's state: two G-counters, one of increments and one of decrements. */
export interface PNCounterState {
  readonly p: GCounterState;
  readonly n: GCounterState;
}

/** One write to an LWW-register: its value, stamped with a timestamp and the replica that wrote it. */
export interface LwwWrite<T> {
  /** A safe integer ≥ 0. */
  readonly ts: number;
  readonly replica: ReplicaId;
  readonly value: T;
}

/** An LWW-register's state: the write it holds, or undefined before any. */
export type LwwState<T> = LwwWrite<T> | undefined;

/** An event's unique name: the replica that made it and that replica's counter, a positive safe integer. */
export interface Dot {
  readonly replica: ReplicaId;
  readonly counter: number;
}

/**
 * A set of dots, stored compactly (Almeida, Shoker and Baquero, "Delta State
 * Replicated Data Types", 2018, §7.1): the version vector `vv` holds, for each
 * replica, the n of the dots 1…n that are all in the set; `cloud` holds the
 * other dots, those past a gap.
 *
 * Compact form, which every state handed out must have: every `vv` value is a
 * positive safe integer (a replica with none has no entry); every cloud dot
 * of replica r has a counter above vv(r) + 1 (vv(r) is 0 without an entry),
 * since one at vv(r) + 1 or below belongs in `vv`; and no dot is in the cloud twice.
 */
export interface CausalContext {
  readonly vv: ReadonlyMap<ReplicaId, number>;
  readonly cloud: readonly Dot[];
}

/**
 * An add-wins OR-set's state, without tombstones (Riak's ORSWOT): each present
 * element with the dots of the adds that keep it there, and the causal
 * context, every dot this state has seen. A dot in the context but under no
 * element is an add that was removed.
 *
 * Well-formed: every dot's counter and every `vv` value is a positive safe
 * integer; every element has at least one dot; no dot appears twice, under
 * one element or two; every dot under an element is in the context.
 */
export interface OrSetState {
  readonly entries: ReadonlyMap<string, readonly Dot[]>;
  readonly context: CausalContext;
}

/** What a client asks a gossip node to do. */
export type SetOp = { readonly add: string } | { readonly remove: string };

/** A gossip node sends its whole state to every peer on every FULL_STATE_EVERY-th tick. */
export const FULL_STATE_EVERY = 10;
