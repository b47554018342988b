/**
 * Our known-wrong consistent-hashing implementations, and the graded tests
 * each one must fail. Each is `<name>.patch` beside this file: what the
 * mistake is and where it shipped, its clause ids, then a diff over the
 * reference solution (solutions/consistent-hashing/) that makes it
 * (grading/variants/patch.ts). `npm run variant -- consistent-hashing <name>`
 * prints the whole file a learner would have written. The first tests named
 * are the rule the mistake breaks; any others are tests it also fails, each
 * of them at seed 1.
 */
import type { BrokenVariant } from '../../../variants';

/** The graded tests named below, spelled exactly as in the suite. */
const graded = {
  owner: 'owner is the node of the first token at or after the key, wrapping past the last',
  wrap: 'keys past the last token and at both ends of the hash space go to the first token clockwise',
  membersOnly: 'placement depends only on the members, whatever the order of adds and removes, even when tokens collide',
  movement: 'a join moves keys only to the new node, and a leave moves only the leaver’s keys',
  ringCost: 'addNode hashes once per virtual node, and owner and preferenceList hash only the key',
  walk: 'preferenceList walks clockwise from the key’s token and skips virtual nodes of nodes already chosen',
  distinct: 'a preference list has the owner first, no node twice, and every node once when n reaches the number of nodes',
  rank: 'owner and preferenceList rank nodes by w / −ln((hash(node#key) + 0.5) / 2³²), ties by node id',
  shares: 'each node’s share of keys follows its weight, and equal weights balance better than a ring of one token per node',
  hrwMovement: 'a join moves keys only to the new node, a leave only the leaver’s keys, whatever the order of adds',
  jumpValues: 'jumpHash gives the paper’s bucket for published values and for keys across the whole 64-bit range',
} as const;

export const variants: readonly BrokenVariant[] = [
  {
    name: 'token-map-overwrites',
    mistake: 'virtual nodes kept as token → node: a colliding token overwrites the older virtual node',
    mustFail: [graded.membersOnly],
    clauses: ['CH-1.3', 'CH-1.5'],
  },
  {
    name: 'remove-drops-colliding-tokens',
    mistake: 'removeNode deletes every virtual node at the leaver’s tokens, another node’s included',
    mustFail: [graded.membersOnly],
    clauses: ['CH-1.6', 'CH-1.5'],
  },
  {
    name: 'tie-by-insertion-order',
    mistake: 'virtual nodes sorted by token alone, so equal tokens keep the order their nodes joined',
    mustFail: [graded.membersOnly],
    clauses: ['CH-1.3', 'CH-1.5'],
  },
  {
    name: 'no-wraparound',
    mistake: 'a key past the last token goes to the last virtual node instead of the first',
    mustFail: [graded.owner, graded.wrap],
    clauses: ['CH-1.4'],
  },
  {
    name: 'counter-clockwise',
    mistake: 'the owner is the last token at or before the key, not the first at or after it',
    mustFail: [graded.owner, graded.wrap],
    clauses: ['CH-1.4'],
  },
  {
    name: 'concat-labels',
    mistake: 'token labels are node + i without the "#", so "a1" + 0 and "a" + 10 collide',
    mustFail: [graded.owner, graded.ringCost],
    clauses: ['CH-1.2'],
  },
  {
    name: 'string-sorted-tokens',
    mistake: 'tokens sorted as strings, as tokens.sort() without a comparator does',
    mustFail: [graded.owner],
    clauses: ['CH-1.3', 'CH-1.4'],
  },
  {
    name: 'duplicate-replicas',
    mistake: 'the preference list is the nodes of the next n virtual nodes, repeats included',
    mustFail: [graded.walk, graded.distinct],
    clauses: ['CH-2.1', 'CH-2.2'],
  },
  {
    name: 'too-few-replicas',
    mistake: 'the preference list walks only n virtual nodes, so it comes back short',
    mustFail: [graded.walk, graded.distinct],
    clauses: ['CH-2.1', 'CH-2.2'],
  },
  {
    name: 'modulo-placement',
    mistake: 'nodes[hash(key) mod N]: ignores the tokens, and a join moves almost every key',
    mustFail: [graded.owner, graded.movement],
    clauses: ['CH-1.4', 'CH-1.5'],
  },
  {
    name: 'hrw-ignores-key',
    mistake: 'the rendezvous score hashes the node alone, so one node wins every key',
    mustFail: [graded.rank, graded.shares],
    clauses: ['CH-3.3'],
  },
  {
    name: 'hrw-ignores-weight',
    mistake: 'the rendezvous score ignores the weight',
    mustFail: [graded.rank, graded.shares],
    clauses: ['CH-3.3'],
  },
  {
    name: 'hrw-linear-weight',
    mistake: 'the rendezvous score is w · u, which does not give shares in proportion to the weights',
    mustFail: [graded.rank, graded.shares],
    clauses: ['CH-3.3'],
  },
  {
    name: 'hrw-tie-by-insertion-order',
    mistake: 'equal rendezvous scores go to the node added first, not the smallest id',
    mustFail: [graded.rank, graded.hrwMovement],
    clauses: ['CH-3.4'],
  },
  {
    name: 'jump-number-lcg',
    mistake: 'the jump-hash generator runs in 53-bit numbers instead of 64-bit bigints',
    mustFail: [graded.jumpValues],
    clauses: ['CH-4.1'],
  },
];
