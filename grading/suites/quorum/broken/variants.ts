/**
 * Our known-wrong quorum replication implementations, and the graded tests
 * each one must fail. Each is `<name>.patch` beside this file: what the
 * mistake is and where it shipped, its clause ids, then a diff over the
 * reference solution (solutions/quorum/) that makes it
 * (grading/variants/patch.ts). `npm run variant -- quorum <name>` prints
 * the whole file a learner would have written.
 */
import type { BrokenVariant } from '../../../variants';

/** The graded tests named below, spelled exactly as in the suite. */
const graded = {
  regularSim: 'with R + W > N and no write-back, every get is regular, under loss, duplication, reordering, partitions and crashes',
  coordinator: 'a coordinator’s replies, messages and timeouts are exactly the README’s, whatever arrives twice, late or from elsewhere',
  writeBack: 'with writeBack, a get stores what it read and answers only once W home replicas hold it',
  hintsByHand: 'in sloppy mode, a store phase short of W hands hints to the next fallbacks at its second tick, and hints go home at every tick until acknowledged',
  regularSchedule: 'with R + W > N and no write-back, every get is regular whatever order an adversary delivers, loses or repeats messages in',
  linearSchedule: 'with R + W > N and write-back, every key is linearizable whatever order an adversary delivers, loses or repeats messages in, power losses included',
  linearSim: 'with R + W > N and write-back, every key is linearizable under loss, duplication, reordering, partitions and clock faults',
  replica: 'a replica keeps the newest version it is offered, on disk before the call returns',
  writtenValues: 'with any R and W, gets return written values and acknowledged puts stay at W home replicas; on a network that loses nothing, every request gets its ok',
  crashSweep: 'after a crash before any storage call, a reopened replica holds everything a returned call kept, and keeps working',
  linearCrashes: 'with R + W > N and write-back, every key stays linearizable when nodes crash and restart',
  sloppySim: 'in sloppy mode, after healing every hint goes home and is removed, and every acknowledged put is held by W home replicas',
  replicaHints: 'a replica keeps the newest hint per home and key apart from its items, and removes one only at the version it holds, on disk before each call returns',
  outage: 'a sloppy put succeeds while home replicas are down, where a strict one fails, and its hints reach those replicas once they are back',
} as const;

export const variants: readonly BrokenVariant[] = [
  {
    name: 'duplicate-acks-counted',
    mistake: 'every store-ack counts towards W, so one replica’s duplicated or resent acks make a quorum alone',
    mustFail: [graded.regularSim, graded.coordinator],
    clauses: ['QR-1.4'],
  },
  {
    name: 'duplicate-read-replies-counted',
    mistake: 'a read-reply that arrives twice counts twice towards R',
    mustFail: [graded.coordinator, graded.writeBack, graded.hintsByHand],
    clauses: ['QR-1.2'],
  },
  {
    name: 'first-answer-wins',
    mistake: 'the read phase takes the first answer holding an item, not the newest version among R',
    mustFail: [graded.regularSim, graded.regularSchedule, graded.coordinator, graded.writeBack, graded.hintsByHand],
    clauses: ['QR-1.2', 'QR-1.9'],
  },
  {
    name: 'lww-wall-clock',
    mistake: 'a put’s counter is the coordinator’s wall clock, not one past the greatest counter read',
    mustFail: [graded.regularSchedule, graded.coordinator, graded.linearSchedule, graded.linearSim],
    clauses: ['QR-1.3', 'QR-2.2'],
  },
  {
    name: 'ack-from-any-node',
    mistake: 'a store-ack from any node counts towards W, home replica or not',
    mustFail: [graded.coordinator],
    clauses: ['QR-1.4'],
  },
  {
    name: 'last-arrival-wins',
    mistake: 'a replica keeps whatever version arrives last, older or not',
    mustFail: [graded.coordinator, graded.replica],
    clauses: ['QR-1.5'],
  },
  {
    name: 'ack-before-sync',
    mistake: 'a replica appends its item and acknowledges it before syncing',
    mustFail: [graded.regularSim, graded.writtenValues, graded.regularSchedule, graded.replica, graded.crashSweep, graded.linearSchedule, graded.linearCrashes, graded.sloppySim, graded.replicaHints],
    clauses: ['QR-1.6'],
  },
  {
    name: 'no-write-back',
    mistake: 'a get answers with what it read, writeBack or not',
    mustFail: [graded.linearSchedule, graded.linearSim, graded.writeBack],
    clauses: ['QR-2.1', 'QR-2.2'],
  },
  {
    name: 'write-back-not-awaited',
    mistake: 'a get sends its write-back and answers at once, without waiting for W acknowledgements',
    mustFail: [graded.linearSchedule, graded.linearSim, graded.writeBack],
    clauses: ['QR-2.1', 'QR-2.2'],
  },
  {
    name: 'sloppy-read-phase',
    mistake: 'in sloppy mode the read phase asks the fallbacks too, and counts their answers towards R',
    mustFail: [graded.sloppySim, graded.outage, graded.hintsByHand],
    clauses: ['QR-3.1'],
  },
  {
    name: 'hints-discarded',
    mistake: 'a fallback acknowledges a hint and keeps nothing',
    mustFail: [graded.hintsByHand],
    clauses: ['QR-3.2'],
  },
  {
    name: 'hint-kept-as-item',
    mistake: 'a fallback keeps a hinted write as its own item',
    mustFail: [graded.hintsByHand],
    clauses: ['QR-3.2'],
  },
  {
    name: 'hint-deleted-when-sent',
    mistake: 'a hint is removed as soon as it is sent home, not when the home acknowledges it',
    mustFail: [graded.sloppySim, graded.outage, graded.hintsByHand],
    clauses: ['QR-3.3'],
  },
];
