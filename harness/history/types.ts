/**
 * The vocabulary of client histories and of the checkers that judge them.
 *
 * A history is what clients saw: each call invoked at a virtual time, then
 * completed `ok` (with its output), `fail` (it certainly did not take effect)
 * or `info` (indeterminate: it timed out, or the node it went to crashed; it
 * may take effect at any time, even after the history ends). The words are
 * Jepsen's (`:invoke :ok :fail :info`, jepsen-io/knossos README).
 *
 * Times are virtual ms, as the simulator counts them. Intervals are closed:
 * operation A precedes B in real time only if A returned strictly before B
 * was called (`A.ret < B.call`); equal times overlap.
 */

/** How a call ended: `ok` (with an output), `fail` (it did not happen) or `info` (indeterminate). */
export type OpStatus = 'ok' | 'fail' | 'info';

/**
 * One client call: invoked at `call` (virtual ms), then ok (with its output),
 * fail (it certainly did not take effect) or info (indeterminate: timed out or
 * its node crashed; it may take effect at any time, even after the end).
 */
export interface Operation<I, O> {
  /** Unique in the history: 0, 1, 2, … in invoke order. */
  readonly id: number;
  /** The lane it is drawn on (e.g. the coordinator node). */
  readonly client: string;
  /** The partition key ('' for a single register): operations on different keys are checked independently. */
  readonly key: string;
  readonly input: I;
  /** Present only when `status` is 'ok'. */
  readonly output?: O;
  readonly status: OpStatus;
  /** Virtual ms. */
  readonly call: number;
  /** Virtual ms; Infinity for an `info` operation (it may take effect at any time). */
  readonly ret: number;
}

/**
 * A sequential specification, Porcupine style (anishathalye/porcupine `model.go`):
 * the checkers ask whether some order of the operations, consistent with real
 * time, is a run of this object.
 */
export interface Model<S, I, O> {
  /** The state before any operation. */
  init(): S;
  /**
   * The state after applying `input` with `output`, or undefined when that output is impossible from this state.
   * `output` undefined is an `info` operation: its result is unknown (a read then constrains nothing). Pure: the
   * checker calls it many times on the same state, in any order, and never copies a state.
   */
  step(state: S, input: I, output: O | undefined): S | undefined;
  /** A string that equals for equal states, and differs for different ones (the search's memo key). */
  hash(state: S): string;
  /**
   * True when `input` never changes the state, from any state, whatever its output (a read). Optional, and only an
   * optimisation: the search then places such an operation as soon as the model accepts it, and never tries another
   * order there (any order that works can start with it), and an `info` one, which constrains nothing, is dropped.
   */
  readOnly?(input: I): boolean;
  /**
   * Which `info` operations of one key's `ops` (output unknown) can be left out without changing the verdict, beyond
   * the read-only ones: a register write whose value no read returned (leaving it out of any order keeps every read
   * right). The search would otherwise try each at every point after its call, which can double its work for each.
   * Optional; true only for `info` operations (`output` undefined).
   */
  negligible?(ops: readonly { readonly input: I; readonly output: O | undefined; readonly info: boolean }[]): readonly boolean[];
  /** One operation for a learner: `write "v1"`, `read → "v1"`. */
  describeOperation?(input: I, output: O | undefined): string;
  /** One state for a learner: `the register holds "v5"`. */
  describeState?(state: S): string;
}

export interface CheckOptions {
  /**
   * The budget for one `checkLinearizable` call, over all its keys, in search steps (one step tries one operation
   * next, or takes one back). Deterministic: never wall time. Default `DEFAULT_MAX_STEPS`.
   */
  readonly maxSteps?: number;
}

/** What `checkLinearizable` found. An `unknown` verdict is a failure to decide, which callers MUST treat as a failure, never a pass. */
export type LinearizabilityResult =
  | { readonly verdict: 'linearizable'; readonly steps: number }
  | {
      readonly verdict: 'violation';
      readonly steps: number;
      /** The first key, in sorted order, whose operations cannot be ordered. */
      readonly key: string;
      /** Ids, in order, of the longest linearizable prefix the search found. */
      readonly longest: readonly number[];
      /** Ids of the operations that could not be placed next after `longest` (the ones to highlight). */
      readonly stuck: readonly number[];
      /** For a learner: the key, the model state after `longest`, and why each stuck operation cannot go next. */
      readonly explanation: string;
    }
  | { readonly verdict: 'unknown'; readonly steps: number; readonly key: string; readonly explanation: string };

/** A read that a regular register could not have returned (`checkRegular`). */
export interface RegularViolation {
  /** The read's op id. */
  readonly read: number;
  /** The write whose value the read returned, when there is one. */
  readonly write?: number;
  /** A stale read: the completed write the read should have seen (or something newer than). */
  readonly missed?: number;
  readonly explanation: string;
}

/**
 * A client history as the timeline page draws it (harness/sim/timeline-html.ts): one lane per client below the
 * node lanes, each operation a bar from `call` to `ret` on the run's time axis.
 */
export interface HistoryDrawing {
  readonly operations: readonly {
    readonly id: number;
    readonly client: string;
    /** What the bar says, e.g. `write "v1"`; escaped when drawn. */
    readonly label: string;
    readonly call: number;
    /** Infinity (an `info` operation) or past the end of the run: the bar runs to the end. */
    readonly ret: number;
    readonly status: OpStatus;
  }[];
  /** Ids of the operations to draw in red (the ones that cannot be ordered). */
  readonly highlight: readonly number[];
  /** Ids in the order the longest linearizable prefix placed them, drawn as small numbers on the bars. */
  readonly order?: readonly number[];
}
