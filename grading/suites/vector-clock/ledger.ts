/**
 * The vector-clock contract ledger: every clause of its README and stub doc
 * comments, by id (harness/suite/ledger.ts). The README has each in full.
 */
import { defineLedger } from '../../../harness/suite';

export const ledger = defineLedger('vector-clock', [
  { id: 'VC-0.1', summary: 'errors are RangeErrors whose message says what was wrong; none is empty' },

  { id: 'VC-1.1', summary: 'get(node) is the node’s counter, 0 for a node never counted (even “constructor”)' },
  { id: 'VC-1.2', summary: 'a clock is a value: no method changes it; the operands of increment, merge and compare stay as they were' },
  { id: 'VC-1.3', summary: 'from keeps nothing of its input: the caller may change the array or its pairs afterwards' },
  { id: 'VC-1.4', summary: 'entries() returns a new array of new pairs at every call, the caller’s to change' },
  { id: 'VC-1.5', summary: 'a node id is any string: "", "constructor", "__proto__", "toString", Unicode, lone surrogates' },
  { id: 'VC-1.6', summary: 'node ids are compared as they are, never normalised: "é" and "e\\u0301" are two nodes' },
  { id: 'VC-1.7', summary: 'empty() is the clock with every counter 0' },
  { id: 'VC-1.8', summary: 'from takes pairs in any order from any iterable (read once); zero counters dropped: 0 and missing are the same' },
  { id: 'VC-1.9', summary: 'increment(node): a new clock with node’s counter one higher, every other the same' },
  { id: 'VC-1.10', summary: 'counters run from 0 to Number.MAX_SAFE_INTEGER; increment past it: a RangeError naming the node, or 2^53' },
  { id: 'VC-1.11', summary: 'merge is the least upper bound: the larger counter of each node; commutative, associative, idempotent' },
  { id: 'VC-1.12', summary: 'compare answers equal, before, after or concurrent by every counter of both clocks' },
  { id: 'VC-1.13', summary: 'compare is a partial order: c equals itself, before is the converse of after, before is transitive' },
  { id: 'VC-1.14', summary: 'entries() lists the non-zero pairs sorted by node id with plain < (UTF-16 code units)' },
  { id: 'VC-1.15', summary: 'serialize is JSON.stringify(entries()); the empty clock is []; equal clocks give equal text' },
  { id: 'VC-1.16', summary: 'deserialize(c.serialize()) is equal to c' },
  { id: 'VC-1.17', summary: 'from rejects a counter not a safe integer ≥ 0 with a RangeError naming the node; 0 and MAX_SAFE_INTEGER are valid' },
  { id: 'VC-1.18', summary: 'from rejects a node listed twice (even at 0), naming it; wrong both ways may get either error' },
  { id: 'VC-1.19', summary: 'deserialize rejects non-JSON, a non-array, an element not a [string, number] pair, what from rejects' },
  { id: 'VC-1.20', summary: 'other text serialize would never write: the clock from builds of its pairs, or a RangeError' },
  {
    id: 'VC-1.21',
    summary: 'from on input its type does not allow (through a cast) is not specified',
    ungraded: 'left open on purpose: the signature rules such input out, and deserialize is the checked way in',
  },

  { id: 'VC-2.1', summary: 'every event (local, send, receive) adds one to the own counter, then emits the new clock exactly once' },
  { id: 'VC-2.2', summary: 'a send sends one message { type: "stamped", clock: entries() after the increment, payload }, to any node, itself included; nothing else sends' },
  { id: 'VC-2.3', summary: 'a receive merges the message’s clock, then increments, whatever counters the message carries' },
  { id: 'VC-2.4', summary: 'a tick is not an event: it emits nothing, sends nothing, changes no clock' },
  { id: 'VC-2.5', summary: 'a duplicated message is received, and is an event, each time it arrives, in any order' },
  { id: 'VC-2.6', summary: 'node.clock is the clock last emitted, the empty clock before any event; reading it changes nothing' },
  { id: 'VC-2.7', summary: 'compare of any two emitted clocks agrees with happened-before of the run, for any number of nodes' },
  { id: 'VC-2.8', summary: 'the node reads no Math.random, Date.now or timers while the simulator calls it' },
  {
    id: 'VC-2.9',
    summary: 'step with a message whose clock is not valid entries is not specified',
    ungraded: 'left open on purpose: no node sends such a message, and both throwing and merging what can be merged are reasonable',
  },

  { id: 'VC-3.1', summary: 'a store stamps its writes with its node id (any string, "" included); stores sharing an id share nothing' },
  { id: 'VC-3.2', summary: 'keys are arbitrary strings ("__proto__" included) and independent' },
  { id: 'VC-3.3', summary: 'get returns as siblings every version no later write had seen, oldest write first, each { value, clock }' },
  { id: 'VC-3.4', summary: 'the context of a read is the merge of its siblings’ clocks, the empty clock when none' },
  { id: 'VC-3.5', summary: 'put replaces every sibling whose clock ≤ context (before or equal) and keeps every other one' },
  { id: 'VC-3.6', summary: 'the new clock: context with the coordinator counter 1 + the largest of context and siblings; returned; newest sibling' },
  { id: 'VC-3.7', summary: 'a sibling is a version, not a value: concurrent writes of equal values are two siblings' },
  { id: 'VC-3.8', summary: 'put leaves its context unchanged' },
  { id: 'VC-3.9', summary: 'get changes nothing; a caller changing the siblings array it read changes neither the store nor a later read' },
  { id: 'VC-3.10', summary: 'values are kept by reference, never copied or changed: get returns the very value put stored' },
]);
