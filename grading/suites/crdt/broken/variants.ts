/**
 * Our known-wrong CRDT implementations, and the graded tests each one must
 * fail. Each is `<name>.patch` beside this file: what the mistake is and
 * where it shipped, its clause ids, then a diff over the reference solution
 * (solutions/crdt/) that makes it (grading/variants/patch.ts).
 * `npm run variant -- crdt <name>` prints the whole file a learner would
 * have written. The blind red team's are in redteam/.
 */
import type { BrokenVariant } from '../../../variants';

/** The graded tests named below, spelled exactly as in the suite. */
const graded = {
  gValue: 'a G-counter’s value is the sum of every increment it has seen, and its state each replica’s total',
  pnValue: 'a PN-counter’s value is what it has seen added less what it has seen taken away',
  counterLaws: 'counter merges are joins: commutative, associative, idempotent, and never lower a total',
  lww: 'an LWW-register holds the seen write with the greatest (timestamp, replica) pair, a local write stamped past what it had seen',
  setModel: 'the OR-set’s adds, removes, deltas and merges are exactly the README’s, whatever arrives late, twice or out of order',
  addWins: 'an element is present iff some add of it the replica has seen is not in the causal past of a remove it has seen',
  setLaws: 'OR-set merges are joins: commutative, associative, idempotent and an inflation, on states and deltas alike',
  apply: 'apply acts on the node’s set at once, as OrSet’s add and remove do',
  deltaTick: 'at the next tick the join of the applied deltas goes to every peer, and nothing but that is sent between whole states',
  fullState: 'every tenth tick since the node started, its whole state goes to every peer',
  convergence: 'under loss, duplication, reordering and partitions, every node holds the same add-wins state within 2.5 s of healing',
  crashSweep: 'after a crash before any storage call, the restarted node holds every apply that returned and mints only new dots',
  crashCluster: 'on a cluster whose nodes crash and restart, no dot is minted twice, no apply is lost, and every node converges',
} as const;

export const variants: readonly BrokenVariant[] = [
  {
    name: 'gcounter-merge-sums',
    mistake: 'a G-counter’s merge adds the other side’s totals instead of keeping the greater',
    mustFail: [graded.gValue, graded.pnValue, graded.counterLaws],
    clauses: ['CRDT-1.2', 'CRDT-0.3'],
  },
  {
    name: 'lww-no-tiebreak',
    mistake: 'an LWW merge keeps the incoming write on an equal timestamp, so the last merged wins',
    mustFail: [graded.lww],
    clauses: ['CRDT-2.2', 'CRDT-0.3'],
  },
  {
    name: 'lww-wall-clock-only',
    mistake: 'a write is stamped with the caller’s timestamp even when the held write’s is greater',
    mustFail: [graded.lww],
    clauses: ['CRDT-2.1'],
  },
  {
    name: 'orswot-dominates-shortcut',
    mistake: 'when the other context covers this one, merge takes the other side’s entries whole',
    mustFail: [graded.setModel, graded.addWins],
    clauses: ['CRDT-2.6', 'CRDT-2.7'],
  },
  {
    name: 'merge-unions-entries',
    mistake: 'merge keeps every dot this replica has, even one the other side saw and removed',
    mustFail: [graded.setModel, graded.addWins, graded.setLaws],
    clauses: ['CRDT-2.6', 'CRDT-2.7'],
  },
  {
    name: 'context-vv-only',
    mistake: 'the causal context is a version vector alone: a dot past a gap raises the vector',
    mustFail: [graded.setModel, graded.convergence],
    clauses: ['CRDT-2.6', 'CRDT-3.5'],
  },
  {
    name: 'remove-delta-whole-context',
    mistake: 'a remove’s delta carries the remover’s whole context, removing other elements where it lands',
    mustFail: [graded.setModel, graded.deltaTick, graded.convergence],
    clauses: ['CRDT-2.5', 'CRDT-3.5'],
  },
  {
    name: 'add-keeps-old-dots',
    mistake: 'an add does not cover the element’s old dots, so the state grows with every re-add',
    mustFail: [graded.setModel, graded.apply],
    clauses: ['CRDT-2.4'],
  },
  {
    name: 'two-phase-set',
    mistake: 'an element removed on a replica can never be added there again',
    mustFail: [graded.setModel, graded.addWins, graded.apply],
    clauses: ['CRDT-2.4', 'CRDT-2.7'],
  },
  {
    name: 'gossip-no-full-state',
    mistake: 'the node gossips deltas only, so a lost delta is never repaired',
    mustFail: [graded.fullState, graded.convergence],
    clauses: ['CRDT-3.3', 'CRDT-3.5'],
  },
  {
    name: 'gossip-state-every-tick',
    mistake: 'the tick after an apply sends the whole state instead of the join of the deltas',
    mustFail: [graded.deltaTick],
    clauses: ['CRDT-3.2'],
  },
  {
    name: 'dots-not-persisted',
    mistake: 'nothing goes to disk, so a restarted node mints its old dots again',
    mustFail: [graded.crashSweep, graded.crashCluster],
    clauses: ['CRDT-4.1', 'CRDT-4.2'],
  },
  {
    name: 'persist-without-sync',
    mistake: 'the state file is renamed into place without its contents synced',
    mustFail: [graded.crashSweep],
    clauses: ['CRDT-4.1', 'CRDT-4.2'],
  },
  {
    name: 'persist-in-place',
    mistake: 'the state file is rewritten in place, so a crash can tear it',
    mustFail: [graded.crashSweep],
    clauses: ['CRDT-4.1'],
  },
];
