/**
 * Our known-wrong write-ahead logs, and the graded tests each one must fail.
 * Each is `<name>.patch` beside this file: what the mistake is and where it
 * shipped, its clause ids, then a diff over the reference solution
 * (solutions/write-ahead-log/) that makes it (grading/variants/patch.ts).
 * `npm run variant -- write-ahead-log <name>` prints the whole file a learner
 * would have written. The first tests named are the rule the mistake breaks;
 * any others are tests it also fails, each of them at seed 1.
 */
import type { BrokenVariant } from '../../../variants';

/** The graded tests named below, spelled exactly as in the suite. */
const graded = {
  encode: 'encodeRecord fills a block with fragments and pads a short block tail with zeros',
  sevenBytes: 'with exactly 7 bytes left a record starts with an empty FIRST, and an empty record is one FULL of length 0',
  decodeTails: 'decodeSegment reads back what was written, and stops quietly at any cut or zero fill of its end',
  decodeCorruption: 'decodeSegment reports corruption at the header of the first fragment it cannot accept, for any flipped bit',
  tailCut: 'a torn or zero-filled tail of the last segment is cut on disk and reported, a crash while open cuts it loses nothing, and a second open finds none',
  flippedBit: 'a flipped bit in synced bytes is a CorruptionError naming the segment and offset, in the README’s order, and the disk is left as it was',
  sweep: 'after a crash before any storage call, from an empty disk, open returns a byte-identical prefix holding every synced record',
  segmentBytes: 'a record starts a new segment, named for its LSN, once the last holds segmentBytes bytes, and each segment holds exactly its records’ fragments',
  rollover: 'the segment before a new one is synced before the new one gets a byte, and sync makes every record and new segment name durable',
  checkpointSweep: 'after a crash at any storage call of a checkpoint, open finds the old checkpoint or the new one, and every durable record from there',
  session: 'appends, syncs, reads, checkpoints and reopens after crashes agree with a model over a whole session, with the caller changing every array',
  failedSync: 'a failed sync is thrown as it is, and afterwards every append, sync and checkpoint throws WalFailedError with it as the cause, touching no storage',
  noMoreDurability: 'after a failed sync the log never claims more durability, and a power failure keeps every record it did claim',
  recoveredDurable: 'what open recovered is durable before it returns: a power failure right after open takes none of it back',
} as const;

export const variants: readonly BrokenVariant[] = [
  {
    name: 'any-bad-crc-is-a-tail',
    mistake: 'every fragment whose CRC fails is taken for a torn tail and cut off, synced records included',
    mustFail: [graded.decodeCorruption, graded.flippedBit],
    clauses: ['WAL-1.4', 'WAL-2.3'],
  },
  {
    name: 'torn-write-is-corruption',
    mistake: 'a last fragment cut short by the end of the file is reported as corruption, so a crash makes the log refuse to open',
    mustFail: [graded.decodeTails, graded.tailCut, graded.sweep],
    clauses: ['WAL-1.4', 'WAL-2.5'],
  },
  {
    name: 'length-trusted-past-block',
    mistake: 'a fragment’s length is trusted past the end of its block',
    mustFail: [graded.decodeCorruption, graded.flippedBit],
    clauses: ['WAL-1.4', 'WAL-1.5'],
  },
  {
    name: 'zeros-are-corruption',
    mistake: 'a zero-filled tail left by a crash is reported as corruption',
    mustFail: [graded.decodeTails, graded.tailCut, graded.sweep],
    clauses: ['WAL-1.4', 'WAL-2.5'],
  },
  {
    name: 'seven-bytes-is-a-trailer',
    mistake: 'with exactly 7 bytes left in a block, the writer pads it with zeros instead of writing an empty FIRST',
    mustFail: [graded.encode, graded.sevenBytes, graded.segmentBytes],
    clauses: ['WAL-1.2'],
  },
  {
    name: 'crc-of-payload-only',
    mistake: 'the CRC covers the payload and not the type byte',
    mustFail: [graded.encode, graded.sevenBytes, graded.segmentBytes],
    clauses: ['WAL-1.1'],
  },
  {
    name: 'no-directory-sync',
    mistake: 'sync never syncs the directory, so a new segment’s name is not durable',
    mustFail: [graded.sweep, graded.rollover, graded.checkpointSweep],
    clauses: ['WAL-3.3', 'WAL-2.7'],
  },
  {
    name: 'old-segment-not-synced-at-rollover',
    mistake: 'a new segment gets records while the one before it still holds unsynced bytes',
    mustFail: [graded.rollover, graded.sweep],
    clauses: ['WAL-3.2'],
  },
  {
    name: 'tail-cut-in-place',
    mistake: 'open cuts the torn tail by rewriting the segment in place, which a crash can leave empty',
    mustFail: [graded.tailCut],
    clauses: ['WAL-2.5'],
  },
  {
    name: 'fsync-retried',
    mistake: 'a failed sync is retried, and the retry’s success believed',
    mustFail: [graded.failedSync, graded.noMoreDurability],
    clauses: ['WAL-4.1', 'WAL-4.2'],
  },
  {
    name: 'segments-removed-before-checkpoint',
    mistake: 'checkpoint removes the segments it covers before the checkpoint file is durable',
    mustFail: [graded.checkpointSweep],
    clauses: ['WAL-3.4'],
  },
  {
    name: 'checkpoint-rename-not-durable',
    mistake: 'checkpoint renames CHECKPOINT.tmp into place and returns before the directory is synced',
    mustFail: [graded.checkpointSweep],
    clauses: ['WAL-3.4'],
  },
  {
    name: 'recovered-records-not-synced',
    mistake: 'open reports the records it read after a process crash without making them durable',
    mustFail: [graded.recoveredDurable, graded.sweep, graded.checkpointSweep],
    clauses: ['WAL-2.6'],
  },
  {
    name: 'gap-between-segments-ignored',
    mistake: 'a segment other than the last may end early or hold the wrong number of records',
    mustFail: [graded.flippedBit],
    clauses: ['WAL-2.3'],
  },
];
