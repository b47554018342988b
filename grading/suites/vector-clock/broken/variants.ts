/**
 * Our known-wrong vector clocks and versioned stores, and the graded tests each
 * one must fail. Each is `<name>.patch` beside this file: what the mistake is
 * and where it shipped, its clause ids, then a diff over the reference solution
 * (solutions/vector-clock/) that makes it (grading/variants/patch.ts). `npm run
 * variant -- vector-clock <name>` prints the whole file a learner would have
 * written. The first tests named are the rule the mistake breaks; any others
 * are tests it also fails, each of them at seed 1.
 */
import type { BrokenVariant } from '../../../variants';

/** The graded tests named below, spelled exactly as in the suite. */
const graded = {
  // Task 1: vector-clock.test.ts
  getEntries: 'get returns each counter, 0 for a node never counted, and entries() lists the non-zero ones sorted by node id',
  partialOrder: 'compare is a partial order: every clock equals itself, and ≤ is antisymmetric and transitive',
  converse: "a.compare(b) is 'before' exactly when b.compare(a) is 'after'; 'equal' and 'concurrent' are symmetric",
  compareOracle: "compare agrees with comparing every counter, and clocks built separately with the same counters are 'equal', not 'concurrent'",
  merge: 'merge is the least upper bound: each counter the larger of the two, commutative, associative and idempotent',
  increment: "increment(node) raises that node's counter by one and leaves every other counter alone",
  immutable: 'increment, merge and compare leave their operands unchanged',
  nodeIds: "any string is a node id: '', 'constructor', '__proto__', 'toString', lone surrogates and Unicode, never normalised, work like any other",
  roundTrip: 'serialize writes the JSON of entries(), and deserialize reads it back to an equal clock',
  canonical: 'equal clocks serialize to the same text, however they were built',
  fromErrors: 'from rejects a negative, fractional, NaN, infinite or unsafe counter, and a node listed twice, with a RangeError naming the node',
  deserializeErrors: 'deserialize rejects malformed text with a RangeError whose message says what is wrong',
  clockModel: 'every method agrees with a model of the counters, over any iterable, at both ends of the counter range, and no result shares anything with its operands',
  callerOwnsClock: 'from reads any iterable once and keeps none of it, and entries() returns a new array of new pairs at every call',
  counterEnds: 'counters run from 0 to Number.MAX_SAFE_INTEGER: from accepts both ends, increment reaches the top exactly, and one past it is a RangeError naming the node or 2⁵³',
  lenientText: 'deserialize reads well-formed text that serialize would not write as the clock from would build, or rejects it with a RangeError',
  // Task 3: versioned-store.test.ts
  model: 'after any mix of fresh, stale and blind writes, get returns exactly the writes no later write had seen, oldest first, with their merged clocks as context',
  stamp: "put stamps the new version with its context and the coordinator's counter one above any it knows of, and returns that clock",
  concurrent: 'writes through one coordinator with the same stale context all survive as siblings, with distinct clocks (Dynamo §4.4)',
  replaceAll: 'a write whose context has seen every sibling replaces them all',
  keys: "keys are independent, including '__proto__', 'constructor' and the empty string",
  unknownKey: 'a key never written reads as no siblings and the empty context',
  callerOwnsRead: 'changing the siblings array a read returned changes neither the store nor a later read, and each value is the very one that was put',
  happensBefore: 'under loss, duplication, delay and reordering, compare of any two events matches happens-before',
  oneEvent: 'every event emits exactly one clock, raising only its own node’s counter by one',
  receiveRule: 'a receive merges the message’s clock, then increments',
  message: 'a message carries its send event’s clock and payload',
  duplicate: 'a duplicated message is received twice, each an event, and the second merge changes nothing else',
  getter: 'node.clock is the clock of the node’s latest event, and the empty clock before any',
  nodeModel: 'driven call by call, every node’s events, messages and clock getter follow the rules, whatever arrives, in any order, any number of times',
} as const;


export const variants: readonly BrokenVariant[] = [
  // Task 1: each replaces vector-clock.ts (the reference versioned-store.ts then runs on it).
  {
    name: 'equal-as-concurrent',
    mistake: "compare answers 'concurrent' for two clocks with the same counters, never 'equal'",
    clauses: ['VC-1.12', 'VC-1.13'],
    mustFail: [graded.partialOrder, graded.compareOracle],
  },
  {
    name: 'compare-one-direction',
    mistake: "compare looks only at this clock's nodes, ignoring the nodes only the other clock has",
    clauses: ['VC-1.12'],
    mustFail: [graded.converse, graded.compareOracle],
  },
  {
    name: 'increment-every-entry',
    mistake: 'increment(node) adds one to every counter, not only to node’s',
    clauses: ['VC-1.9'],
    mustFail: [graded.increment],
  },
  {
    name: 'prototype-keyed-map',
    mistake: "keeps the counters in a plain object, so 'constructor', 'toString' and '__proto__' are not ordinary node ids",
    clauses: ['VC-1.5', 'VC-1.1'],
    mustFail: [graded.nodeIds, graded.getEntries],
  },
  {
    name: 'merge-takes-min',
    mistake: 'merge takes the pointwise minimum (the meet) instead of the maximum',
    clauses: ['VC-1.11'],
    mustFail: [graded.merge],
  },
  {
    name: 'merge-drops-other-nodes',
    mistake: 'merge keeps only the nodes of this clock, dropping those only the other clock has',
    clauses: ['VC-1.11'],
    mustFail: [graded.merge],
  },
  {
    name: 'serialize-insertion-order',
    mistake: 'serialize writes the counters in insertion order instead of sorted by node id',
    clauses: ['VC-1.15'],
    mustFail: [graded.canonical, graded.roundTrip],
  },
  {
    name: 'entries-locale-sorted',
    mistake: 'entries() sorts node ids with localeCompare instead of plain string order',
    clauses: ['VC-1.14'],
    mustFail: [graded.getEntries, graded.roundTrip, graded.nodeIds],
  },
  {
    name: 'increment-in-place',
    mistake: 'increment raises the counter in this clock and returns this',
    clauses: ['VC-1.2'],
    mustFail: [graded.immutable],
  },
  {
    name: 'from-checks-negative-only',
    mistake: 'from rejects only counters < 0, so NaN, fractions, infinities and unsafe integers get in',
    clauses: ['VC-1.17'],
    mustFail: [graded.fromErrors, graded.deserializeErrors],
  },
  {
    name: 'deserialize-trusts-json',
    mistake: 'deserialize passes JSON.parse(text) straight to from, so bad text throws SyntaxError or TypeError',
    clauses: ['VC-1.19'],
    mustFail: [graded.deserializeErrors],
  },
  // Task 3: each replaces versioned-store.ts (beside the reference vector-clock.ts).
  {
    name: 'keeps-only-newest',
    mistake: 'put replaces every sibling, whatever the writer had read (last writer wins)',
    clauses: ['VC-3.5'],
    mustFail: [graded.model, graded.concurrent],
  },
  {
    name: 'survivors-by-new-clock',
    mistake: 'put replaces the siblings whose clock ≤ the new clock, instead of ≤ the context',
    clauses: ['VC-3.5'],
    mustFail: [graded.model, graded.concurrent],
  },
  {
    name: 'stamp-context-only',
    mistake: "put stamps context.increment(coordinator), ignoring the siblings' counters, so stale writes share a clock",
    clauses: ['VC-3.6'],
    mustFail: [graded.stamp, graded.concurrent, graded.model],
  },
  {
    name: 'context-of-newest',
    mistake: "get returns the newest sibling's clock as the context instead of the merge of all of them",
    clauses: ['VC-3.4'],
    mustFail: [graded.replaceAll, graded.model],
  },
  {
    name: 'newest-first',
    mistake: 'put inserts the new version first, so siblings are listed newest first',
    clauses: ['VC-3.3'],
    mustFail: [graded.model, graded.concurrent],
  },
  {
    name: 'object-keyed-store',
    mistake: "keeps the sibling lists in a plain object, so '__proto__' and 'constructor' are not ordinary keys",
    clauses: ['VC-3.2'],
    mustFail: [graded.keys, graded.unknownKey],
  },
  {
    name: 'seen-strictly-before',
    mistake: "put replaces a sibling only when its clock is strictly 'before' the context, not 'equal' to it",
    clauses: ['VC-3.5'],
    mustFail: [graded.replaceAll, graded.model],
  },
  {
    name: 'receive-without-increment',
    mistake: 'a receive merges the message clock but does not increment its own counter',
    clauses: ['VC-2.1', 'VC-2.3'],
    mustFail: [graded.happensBefore, graded.oneEvent, graded.receiveRule, graded.duplicate],
  },
  {
    name: 'receive-ignores-message',
    mistake: "a receive increments but never merges the message's clock",
    clauses: ['VC-2.3'],
    mustFail: [graded.happensBefore, graded.receiveRule, graded.duplicate],
  },
  {
    name: 'stamps-before-increment',
    mistake: "a send puts the clock from before its own increment in the message",
    clauses: ['VC-2.2'],
    mustFail: [graded.happensBefore, graded.receiveRule, graded.message, graded.duplicate],
  },
  {
    name: 'send-not-an-event',
    mistake: 'a send neither increments nor emits: it is not treated as an event',
    clauses: ['VC-2.1'],
    mustFail: [graded.happensBefore, graded.oneEvent, graded.message],
  },
  // Written for the contract ledger (issue 16): each broke a clause the suite did not yet grade, and scored 100.
  {
    name: 'entries-cached',
    mistake: 'entries() caches its sorted array and returns the same one at every call',
    clauses: ['VC-1.4'],
    mustFail: [graded.callerOwnsClock, graded.clockModel],
  },
  {
    name: 'from-reads-twice',
    mistake: 'from checks every pair in one pass and builds in a second, so a generator yields an empty clock',
    clauses: ['VC-1.8'],
    mustFail: [graded.callerOwnsClock, graded.clockModel],
  },
  {
    name: 'from-keeps-callers-pairs',
    mistake: "from keeps the caller's [node, counter] pairs and get reads through them",
    clauses: ['VC-1.3'],
    mustFail: [graded.callerOwnsClock, graded.clockModel],
  },
  {
    name: 'normalises-node-ids',
    mistake: "node ids are put in Unicode NFC, so 'é' and 'e\\u0301' are one node",
    clauses: ['VC-1.6'],
    mustFail: [graded.nodeIds],
  },
  {
    name: 'increment-saturates',
    mistake: 'increment caps the counter at Number.MAX_SAFE_INTEGER instead of throwing or going one higher',
    clauses: ['VC-1.10'],
    mustFail: [graded.counterEnds, graded.clockModel],
  },
  {
    name: 'deserialize-canonical-only-plain-error',
    mistake: 'deserialize rejects text serialize would not write, but with a plain Error instead of a RangeError',
    clauses: ['VC-1.20', 'VC-0.1'],
    mustFail: [graded.lenientText],
  },
  {
    name: 'receive-increments-then-merges',
    mistake: 'a receive increments its own counter first, then merges the message clock',
    clauses: ['VC-2.3'],
    mustFail: [graded.receiveRule, graded.nodeModel],
  },
  {
    name: 'tick-is-an-event',
    mistake: 'tick() increments and emits, as if time passing were an event',
    clauses: ['VC-2.4'],
    mustFail: [graded.nodeModel, graded.getter],
  },
  {
    name: 'reads-wall-clock',
    mistake: 'local() reads Date.now()',
    clauses: ['VC-2.8'],
    mustFail: [graded.happensBefore, graded.oneEvent],
  },
  {
    name: 'get-returns-internal-array',
    mistake: 'get returns the stored sibling array itself',
    clauses: ['VC-3.9'],
    mustFail: [graded.callerOwnsRead, graded.model],
  },
  {
    name: 'copies-values',
    mistake: 'put stores structuredClone(value) instead of the value',
    clauses: ['VC-3.10'],
    mustFail: [graded.callerOwnsRead],
  },
  {
    name: 'drops-equal-values',
    mistake: 'put also replaces every sibling whose value equals the new one',
    clauses: ['VC-3.7'],
    mustFail: [graded.concurrent, graded.model],
  },
  {
    name: 'counter-per-node-id',
    mistake: "coordinators share one counter per node id, across stores and keys",
    clauses: ['VC-3.1', 'VC-3.6'],
    mustFail: [graded.model, graded.stamp],
  },
];
