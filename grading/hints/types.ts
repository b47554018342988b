/**
 * Staged hints: per task of an exercise, a short ladder from a nudge to
 * nearly the answer. They are data (as rustlings keeps its hints in
 * `info.toml`), so every report can put the right one beside the right
 * failure, and the exercise README shows them folded (grading/hints/readme.ts).
 */

export interface HintStage {
  /**
   * One short paragraph of plain text, addressed to the learner ("you").
   * The first stage of a task nudges (which idea to look at again), the middle
   * ones narrow it down (which case, which invariant, which classic mistake),
   * the last nearly tells (what the code must do), without pasting a solution.
   */
  readonly text: string;
  /** A heading of the exercise's README, exactly as written there without the `#`s: the passage to read. */
  readonly readme?: string;
  /** A paper or book section, for example `Raft paper (Ongaro & Ousterhout 2014), §5.4.1 "Election restriction"`. */
  readonly paper?: string;
}

/** Every task of the exercise, by task id: two to four stages each, in the order they are revealed. */
export type ExerciseHints = Readonly<Record<number, readonly HintStage[]>>;
