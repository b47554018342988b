/**
 * CRDTs, task 2 (second half) — your file. The rules at the top of
 * counters.ts hold here too.
 *
 * An add-wins observed-remove set without tombstones (Riak's ORSWOT). Each
 * add is an event with a unique name, a dot (replica, counter); an element
 * is present while some dot of an add of it survives. A remove takes away
 * only the dots its replica has seen, so an add it had not seen (a
 * concurrent one) wins [CRDT-2.7]: an element is present at a replica iff
 * some add of it that the replica has seen is not in the causal past of a
 * remove of it that the replica has seen.
 *
 * The state keeps no tombstones: the causal context (every dot seen) says
 * which missing dots were removed. `add` and `remove` return their delta, a
 * small state whose merge anywhere has the operation's effect (Almeida,
 * Shoker and Baquero, "Delta State Replicated Data Types", 2018, §4).
 */
import { NotImplementedError } from '@faultline/harness';
import type { OrSetState, ReplicaId } from './types';

export class OrSet {
  constructor(id: ReplicaId) {
    throw new NotImplementedError(`new OrSet(${JSON.stringify(id)})`);
  }

  /**
   * [CRDT-2.4] Adds `element` (any string) with a new dot: this replica's id
   * and one more than the greatest counter of this replica in the context
   * (vv or cloud). Afterwards the element's dots are exactly that one dot,
   * and the context holds it. Returns the delta: entries
   * { element → [the new dot] }, context { the new dot and the element's old
   * dots }, in compact form. A counter that would pass
   * Number.MAX_SAFE_INTEGER is a RangeError.
   */
  add(element: string): OrSetState {
    throw new NotImplementedError(`OrSet.add(${JSON.stringify(element)})`);
  }

  /**
   * [CRDT-2.5] Removes `element`: its dots leave the entries and stay in the
   * context. Returns the delta: no entries, context { the element's old dots },
   * in compact form. An absent element gives the empty delta (no entries, an
   * empty vv and cloud) and changes nothing.
   */
  remove(element: string): OrSetState {
    throw new NotImplementedError(`OrSet.remove(${JSON.stringify(element)})`);
  }

  /** [CRDT-2.3] True iff the element has a dot. */
  has(element: string): boolean {
    throw new NotImplementedError(`OrSet.has(${JSON.stringify(element)})`);
  }

  /** [CRDT-2.3] A new set of the elements that have a dot. */
  value(): ReadonlySet<string> {
    throw new NotImplementedError('OrSet.value()');
  }

  /** [CRDT-2.3] The state, well-formed and compact (types.ts), as new Maps, arrays and dots. */
  state(): OrSetState {
    throw new NotImplementedError('OrSet.state()');
  }

  /**
   * [CRDT-2.6] Joins `other`, a whole state or a delta, into this replica. A
   * dot stays under its element iff both sides have it there, or one side
   * has it there and the other side's context does not hold it (a dot the
   * other side has seen and dropped was removed there). The context becomes
   * the union of the two, in compact form. `other` may be a state in compact
   * form or not, but it must be well-formed (types.ts); else RangeError, and
   * nothing changes.
   */
  merge(other: OrSetState): void {
    throw new NotImplementedError(`OrSet.merge(${other.entries.size} entries)`);
  }
}
