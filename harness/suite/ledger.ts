/**
 * A contract ledger: every normative clause of an exercise's README and stub
 * doc comments, each with a stable id, and what grades it.
 *
 * An id is `<PREFIX>-<task>.<n>`: the exercise's prefix from the catalog, the
 * task the clause belongs to (0 for clauses of the whole exercise), and a
 * number that is never reused. The README writes it in brackets before the
 * clause (`[BF-2.3] has(key) is true exactly when…`), so a learner who sees
 * `BF-2.3` beside a failure can search for it. Graded tests name the clauses
 * they check (`clauses: ['BF-2.3']`); the repo's own tests
 * (grading/test/ledger.test.ts) fail when a clause has no graded test, when a
 * test names a clause the ledger lacks, or when the README and the ledger list
 * different ids.
 */

/** How a clause id is written. */
export const CLAUSE_ID = /^[A-Z]+-\d+\.\d+$/;
/** A clause id where the README or a stub writes it: in brackets, not a link. */
export const CLAUSE_MARK = /\[([A-Z]+-\d+\.\d+)\](?!\()/g;

export interface Clause {
  readonly id: string;
  /** The clause in a few words (the README has it in full). */
  readonly summary: string;
  /**
   * Set when no graded test checks this clause: why not (it cannot be observed
   * through the API, it is advice rather than contract, …). A clause with a
   * reason must have no test; a clause without one must have at least one.
   */
  readonly ungraded?: string;
}

export interface Ledger {
  readonly exercise: string;
  readonly clauses: readonly Clause[];
}

/** Declares an exercise's ledger; throws on a malformed or repeated id. */
export function defineLedger(exercise: string, clauses: readonly Clause[]): Ledger {
  const seen = new Set<string>();
  for (const clause of clauses) {
    if (!CLAUSE_ID.test(clause.id)) throw new RangeError(`ledger: ${exercise} clause "${clause.id}" is not an id like BF-2.3`);
    if (seen.has(clause.id)) throw new RangeError(`ledger: ${exercise} lists ${clause.id} twice`);
    if (clause.summary.trim() === '') throw new RangeError(`ledger: ${exercise} ${clause.id} needs a summary`);
    if (clause.ungraded !== undefined && clause.ungraded.trim() === '') throw new RangeError(`ledger: ${exercise} ${clause.id} is ungraded without a reason`);
    seen.add(clause.id);
  }
  return { exercise, clauses };
}
