/**
 * Consistent hashing's contract ledger: every clause of its README and stub doc
 * comments, by id (harness/suite/ledger.ts). The README has each in full.
 */
import { defineLedger } from '../../../harness/suite';

export const ledger = defineLedger('consistent-hashing', [
  { id: 'CH-0.1', summary: 'every argument error is a RangeError whose message names the argument' },
  { id: 'CH-0.2', summary: 'every error message says what was wrong; none is empty' },
  {
    id: 'CH-0.3',
    summary: 'hash.ts is provided: call it, do not edit it',
    ungraded: 'the grader always loads its own copy of hash.ts, so an edited one changes nothing a test can see',
  },
  { id: 'CH-0.4', summary: 'a call that throws changes nothing' },
  { id: 'CH-0.5', summary: 'every returned array is new: changing it changes neither the placement nor a later result' },
  { id: 'CH-0.6', summary: 'node ids are any non-empty strings, # included; keys any strings, the empty one included' },
  { id: 'CH-0.7', summary: 'keys and labels are hashed with the hash given, never with hash32 unless it is the default' },

  { id: 'CH-1.1', summary: 'new Ring: vnodes an integer in [1, 1024], 160 by default; hash32 by default; options read once' },
  { id: 'CH-1.2', summary: 'addNode: a new non-empty node, weight an integer in [1, 64]; vnodes × weight tokens at hash(node#i)' },
  { id: 'CH-1.3', summary: 'ring order: by token, then node id by <, then i; colliding virtual nodes both stay' },
  { id: 'CH-1.4', summary: 'owner: the node of the first virtual node at or after hash(key), wrapping to the first' },
  { id: 'CH-1.5', summary: 'placement depends on the members and weights alone, never on the order of adds and removes' },
  { id: 'CH-1.6', summary: 'removeNode removes the node and its virtual nodes only; an unknown node is a RangeError naming node' },
  { id: 'CH-1.7', summary: 'nodes(): the nodes on the ring, each once, sorted by <' },
  { id: 'CH-1.8', summary: 'owner and preferenceList on an empty ring: a RangeError saying it is empty' },
  { id: 'CH-1.9', summary: 'addNode hashes once per virtual node; owner and preferenceList hash exactly once' },

  { id: 'CH-2.1', summary: 'preferenceList walks clockwise from the key’s virtual node, wrapping, skipping nodes already taken' },
  { id: 'CH-2.2', summary: 'the owner first, no node twice, and every node once when n ≥ the number of nodes' },
  { id: 'CH-2.3', summary: 'n an integer in [1, 2⁵³ − 1], checked before the ring is empty' },

  { id: 'CH-3.1', summary: 'new Rendezvous: no nodes, hash32 by default, options read once' },
  { id: 'CH-3.2', summary: 'addNode: a new non-empty node, weight a number in [2⁻²⁰, 2²⁰], 1 by default' },
  { id: 'CH-3.3', summary: 'score = w / −ln((hash(node#key) + 0.5) / 2³²), in doubles as written' },
  { id: 'CH-3.4', summary: 'rank by score, highest first, ties by node id; owner the first, preferenceList the first n' },
  { id: 'CH-3.5', summary: 'removeNode, nodes, unknown nodes, no nodes and n as on the ring' },
  { id: 'CH-3.6', summary: 'owner and preferenceList hash exactly once per node' },

  { id: 'CH-4.1', summary: 'jumpHash runs the paper’s loop with its LCG in exact unsigned 64-bit arithmetic' },
  { id: 'CH-4.2', summary: 'jumpHash returns an integer in [0, buckets)' },
  { id: 'CH-4.3', summary: 'key a bigint in [0, 2⁶⁴ − 1], buckets an integer in [1, 2³¹ − 1], else a RangeError naming it' },
]);
