/**
 * Quorum replication's contract ledger: every clause of its README and stub
 * doc comments, by id (harness/suite/ledger.ts). The README has each in full.
 */
import { defineLedger } from '../../../harness/suite';

export const ledger = defineLedger('quorum', [
  { id: 'QR-0.1', summary: 'an argument out of range (request id, version counter or writer) is a RangeError saying what is wrong, and nothing changes' },
  { id: 'QR-0.2', summary: 'keys, values and node ids are any strings, "" and "__proto__" included' },
  { id: 'QR-0.3', summary: 'what Replica and QuorumNode hand out is new, and what they are given they copy' },
  {
    id: 'QR-0.4',
    summary: 'types.ts and placement.ts are provided: use them, do not edit them',
    ungraded: 'a submission brings only its learner files; the suite imports its own copies of types.ts and placement.ts, so an edited one changes nothing a test can see',
  },

  { id: 'QR-1.1', summary: 'the constructor refuses r, w outside 1..n, n outside 1..cluster size, timeoutTicks not a safe integer ≥ 1' },
  { id: 'QR-1.2', summary: 'get: a read phase to the home replicas, each answer counted once; with R answers, get-ok with the newest item’s value in that call (no write-back)' },
  { id: 'QR-1.3', summary: 'put: a read phase, then version {1 + greatest counter answered, req}, stored at the home replicas' },
  { id: 'QR-1.4', summary: 'a store phase counts each home replica’s store-ack once; with W, put-ok in that call' },
  { id: 'QR-1.5', summary: 'a replica answers read with its item or null, and store by offering it and then acking, kept or not; it never goes back to an older version' },
  { id: 'QR-1.6', summary: 'what Replica keeps is durable when its call returns: nothing acknowledged is lost in a crash' },
  { id: 'QR-1.7', summary: 'a request unanswered at its timeoutTicks-th tick fails then; exactly one reply per request; nothing sent for it afterwards' },
  { id: 'QR-1.8', summary: 'a request’s messages go only to home replicas (and hint fallbacks), resent at most once a tick; replicas only answer; nothing else is sent' },
  { id: 'QR-1.9', summary: 'R + W > N: each key a regular register; any R, W: gets return written values; strict: acked puts held by W home replicas; healthy network: every request ok' },

  { id: 'QR-2.1', summary: 'with writeBack, a get stores its result and answers only once W home replicas acked it or had answered with that version' },
  { id: 'QR-2.2', summary: 'R + W > N with writeBack: each key is linearizable, failed puts indeterminate, under every fault' },

  { id: 'QR-3.1', summary: 'sloppy: at the HINT_AFTER_TICKS-th tick of a store phase short of W, each unacked home in order gets the next fallback as its hint keeper; their acks count for their homes, once' },
  { id: 'QR-3.2', summary: 'a store with hintFor is kept as the hint for (home, key), never as an item, newest per pair, then acked' },
  { id: 'QR-3.3', summary: 'every tick each hint goes home as a store with req = its writer; the home’s ack removes it unless a newer hint replaced it' },
  { id: 'QR-3.4', summary: 'sloppy: after healing, within 3 s no hint is left and every acked put is held by W home replicas; gets return written values' },
]);
