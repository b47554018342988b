/**
 * Write-ahead log's contract ledger: every clause of its README and stub doc
 * comments, by id (harness/suite/ledger.ts). The README has each in full.
 */
import { defineLedger } from '../../../harness/suite';

export const ledger = defineLedger('write-ahead-log', [
  { id: 'WAL-0.1', summary: 'an argument out of range is a RangeError naming it; a record or bytes not a Uint8Array a TypeError naming it; every message says what was wrong' },
  { id: 'WAL-0.2', summary: 'a call refused for its arguments makes no storage call and uses no LSN' },
  {
    id: 'WAL-0.3',
    summary: 'crc32c.ts and format.ts are provided: use them, do not edit them',
    ungraded: 'the grader always loads its own copies of crc32c.ts and format.ts, so an edited one changes nothing a test can see',
  },
  { id: 'WAL-0.4', summary: 'every array taken is copied and every array returned is new; a record that is a view means the bytes of the view' },
  { id: 'WAL-0.5', summary: 'the log keeps only segments, CHECKPOINT and .tmp files, in the storage it was given' },

  { id: 'WAL-1.1', summary: 'a fragment: CRC-32C of type and payload (u32 LE), length (u16 LE), type FULL/FIRST/MIDDLE/LAST, payload' },
  { id: 'WAL-1.2', summary: 'encodeRecord: a zero trailer when fewer than 7 bytes are left, fragments filling each block, an empty FIRST at exactly 7' },
  { id: 'WAL-1.3', summary: 'offset an integer in [0, 2^53 − 1]; blockBytes an integer in [8, 32768], 32768 by default' },
  { id: 'WAL-1.4', summary: 'decodeSegment: the eight reading rules; a torn header, a torn payload or a fragment reaching into the trailing zeros stops reading' },
  { id: 'WAL-1.5', summary: 'on corruption: the records and end read before it, and the offset of the bad header or trailer' },

  { id: 'WAL-2.1', summary: 'open: options in range and read once; an empty disk is an empty log at LSN 0 with an empty report' },
  { id: 'WAL-2.2', summary: 'open reads the checkpoint and the segments in LSN order; records take the LSNs after their segment’s name' },
  { id: 'WAL-2.3', summary: 'damage a crash cannot explain is a CorruptionError naming the segment and offset, checked in the stated order' },
  { id: 'WAL-2.4', summary: 'an open that throws changes nothing on disk' },
  { id: 'WAL-2.5', summary: 'the last segment’s tail is cut on disk before open returns and reported; a second open finds none' },
  { id: 'WAL-2.6', summary: 'when open returns, every record it recovered is durable: durableLsn = nextLsn' },
  { id: 'WAL-2.7', summary: 'after a crash anywhere, open returns a byte-identical prefix holding every synced record; later synced appends survive the next crash' },
  { id: 'WAL-2.8', summary: 'a storage call that throws inside open: open throws that error' },

  { id: 'WAL-3.1', summary: 'append returns the LSN; a new segment, named for it, when there is none or the last holds segmentBytes or more' },
  { id: 'WAL-3.2', summary: 'the segment before a new one is synced before the new one gets its first byte' },
  { id: 'WAL-3.3', summary: 'sync makes every appended record durable, new segment names included, and returns nextLsn' },
  { id: 'WAL-3.4', summary: 'checkpoint(lsn), lsn in [firstLsn, durableLsn]: durable when it returns; then the segments wholly below go, never the last' },
  { id: 'WAL-3.5', summary: 'open removes .tmp files and segments wholly below the checkpoint, lists them sorted, leaves other names alone' },
  { id: 'WAL-3.6', summary: 'read(from), from in [firstLsn, nextLsn], returns every record from there, durable or not; the getters say where the log is' },

  { id: 'WAL-4.1', summary: 'a storage error under append, sync or checkpoint is thrown as it is; afterwards every write throws WalFailedError with that cause and makes no storage call' },
  { id: 'WAL-4.2', summary: 'never retry: durableLsn stays where it was before the failed call, for good' },
  { id: 'WAL-4.3', summary: 'read and the getters keep working after a failure' },
]);
