/** The dependency's messages, script and reports. */

/** 'retryable': try again later (a failure, an outage, overload); 'fatal': a non-retryable error, retrying cannot help. */
export type DependencyOutcome = 'ok' | 'retryable' | 'fatal';

/** Why the dependency answered as it did. */
export type ReplyReason = 'served' | 'failed' | 'outage' | 'overloaded';

/** A reply carries the id of its call: a client matches them up. */
export type DependencyMessage =
  | { readonly type: 'call'; readonly id: string }
  | { readonly type: 'reply'; readonly id: string; readonly outcome: DependencyOutcome; readonly reason: ReplyReason };

export interface DependencyPhase {
  /** [fromMs, toMs) on the dependency's clock (virtual ms when its clock is not faulted). toMs may be Infinity. */
  readonly fromMs: number;
  readonly toMs: number;
  /** fail-fast: every call that arrives is answered 'retryable' (reason 'outage') at once; silent: it is never answered. Calls already in service are still answered. */
  readonly outage?: 'fail-fast' | 'silent';
  /** A brownout: calls that start service in this phase take serviceMs × slowdown (≥ 1, finite; default 1). */
  readonly slowdown?: number;
  /** Of the calls that finish service in this phase, this fraction is answered 'retryable' (reason 'failed') ... (default 0) */
  readonly failureRate?: number;
  /** ... and this fraction 'fatal' (reason 'failed'), a non-retryable error. failureRate + fatalRate ≤ 1 (default 0). */
  readonly fatalRate?: number;
  /** Overrides the script's capacity while the phase lasts. Calls already in service are not cut short. */
  readonly capacity?: number;
}

export interface DependencyScript {
  /** Calls in service at once; a call that arrives when this many are in service is answered 'retryable' (reason 'overloaded') at once. An integer ≥ 0. */
  readonly capacity: number;
  /** How long one call is in service, in ms (> 0). A reply leaves on the first tick at or after its service ends, so times are tick-granular. */
  readonly serviceMs: number;
  /** Scripted phases; where several overlap, the one listed first wins for each field it sets. */
  readonly phases?: readonly DependencyPhase[];
}

/** What the dependency reports (ctx.emit), for a suite's metrics. Times are on the dependency's clock. */
export type DependencyEvent =
  /** A call arrived; `admitted` when it started service (false when shed, failed fast or dropped by a silent outage). */
  | { readonly type: 'arrival'; readonly id: string; readonly from: string; readonly atMs: number; readonly admitted: boolean }
  /** A reply left for `to`; the network may still lose, delay or duplicate it. */
  | { readonly type: 'reply'; readonly id: string; readonly to: string; readonly atMs: number; readonly outcome: DependencyOutcome; readonly reason: ReplyReason };
