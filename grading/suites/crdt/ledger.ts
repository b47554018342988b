/**
 * CRDTs' contract ledger: every clause of its README and stub doc comments,
 * by id (harness/suite/ledger.ts). The README has each in full.
 */
import { defineLedger } from '../../../harness/suite';

export const ledger = defineLedger('crdt', [
  { id: 'CRDT-0.1', summary: 'an argument out of range, or a state for merge that is not well-formed, is a RangeError saying what is wrong, and the replica is unchanged' },
  { id: 'CRDT-0.2', summary: 'what state(), value(), add and remove return is new, and merge keeps nothing of its argument; LWW values are held as they are' },
  { id: 'CRDT-0.3', summary: 'merge is a join: commutative, associative, idempotent and an inflation, compared on value and on the state' },
  { id: 'CRDT-0.4', summary: 'replica ids and set elements are any strings, "" and "__proto__" included' },
  {
    id: 'CRDT-0.5',
    summary: 'types.ts is provided: use it, do not edit it',
    ungraded: 'types.ts holds only types and one constant, which the suite reads from its own copy: an edited one changes nothing a test can see',
  },

  { id: 'CRDT-1.1', summary: 'GCounter.increment(n = 1), n a safe integer ≥ 0, adds to the own total; a total past MAX_SAFE_INTEGER is refused; value() is the sum' },
  { id: 'CRDT-1.2', summary: 'G-counter state maps replicas with a total above 0 to it; merge keeps the greater total, never the sum; bad totals refused' },
  { id: 'CRDT-1.3', summary: 'PN-counter: increments in p, decrements in n, value p − n, merge joins each half and refuses the whole on a bad half' },

  { id: 'CRDT-2.1', summary: 'LWW set(value, ts): ts a safe integer ≥ 0; the timestamp is max(ts, held + 1), stamped with this replica; value() the held value' },
  { id: 'CRDT-2.2', summary: 'LWW merge keeps the greater (ts, replica) pair, replica ids compared with <; an equal pair keeps the held one; state() a new object or undefined' },
  { id: 'CRDT-2.3', summary: 'OrSet.state() well-formed and compact; value() a new set of elements with a dot; has(element)' },
  { id: 'CRDT-2.4', summary: 'add mints (id, 1 + greatest own counter in the context), leaves exactly that dot, and returns the delta {e → [dot]} with context {dot, old dots}' },
  { id: 'CRDT-2.5', summary: 'remove takes the element’s dots out and returns the delta of no entries and those dots; absent: the empty delta, no change' },
  { id: 'CRDT-2.6', summary: 'merge keeps a dot iff both sides have it or the other side’s context lacks it; contexts unite, compactly; any well-formed state or delta' },
  { id: 'CRDT-2.7', summary: 'add-wins: present iff some seen add is not in the causal past of a seen remove' },

  { id: 'CRDT-3.1', summary: 'GossipNode.apply acts at once on value() and state(), with OrSet’s rules' },
  { id: 'CRDT-3.2', summary: 'at the next tick after applies, the join of their deltas goes to every peer: a delta, never the whole state; nothing else is sent' },
  { id: 'CRDT-3.3', summary: 'every FULL_STATE_EVERY-th tick since start or restart, the whole state goes to every peer' },
  { id: 'CRDT-3.4', summary: 'step merges any message, any number of times, in any order' },
  { id: 'CRDT-3.5', summary: 'after healing and quiet, every node holds the same state within 2.5 s, with the add-wins value of every applied operation' },

  { id: 'CRDT-4.1', summary: 'an apply is durable when it returns: a restarted node holds at least the effect of every apply that returned' },
  { id: 'CRDT-4.2', summary: 'a node never mints a dot any replica has already seen, after a crash or not' },
]);
