/**
 * Write-ahead log, task 1 — your file. Replace each
 * `throw new NotImplementedError(...)` with an implementation; keep the
 * exports and their signatures.
 *
 * LevelDB's log format (google/leveldb, doc/log_format.md): a segment is a
 * sequence of blocks; a record is one or more fragments, each a 7-byte header
 * (CRC-32C, length, type) and a payload, and no fragment crosses a block.
 * README.md, task 1, has the exact rules; `format.ts` has the constants.
 *
 * [WAL-0.1] An argument out of range is a RangeError naming it (`offset`,
 * `blockBytes`); a `record` or `bytes` that is not a Uint8Array is a
 * TypeError naming it. [WAL-0.4] Every array you return is new, and a record
 * that is a view into a larger buffer means the bytes of the view.
 */
import { NotImplementedError } from '@faultline/harness';
import { DEFAULT_BLOCK_BYTES } from './format';
// Uncomment when you get there:
// import { crc32c } from './crc32c';
// import { HEADER_BYTES, RecordType } from './format';

export interface DecodedSegment {
  /** Every complete record before reading stopped, in order, each a new array. */
  readonly records: Uint8Array[];
  /** The offset just past the last fragment of the last complete record; 0 when there is none. */
  readonly end: number;
  /** Where reading stopped on damage a crash cannot explain, and why; null when the segment is clean or has only a tail. */
  readonly corruption: { readonly offset: number; readonly reason: string } | null;
}

/**
 * [WAL-1.1, WAL-1.2] The bytes that append `record` to a segment now
 * `offset` bytes long, in blocks of `blockBytes`: the zero trailer of the
 * current block if fewer than 7 bytes are left in it, then one fragment per
 * block the record reaches (FULL, or FIRST, MIDDLE…, LAST). With exactly 7
 * bytes left, a non-empty record starts with a FIRST fragment of no payload.
 * [WAL-1.3] `offset` is an integer in [0, 2^53 − 1]; `blockBytes` an integer
 * in [8, 32768], 32768 when left out.
 */
export function encodeRecord(record: Uint8Array, offset: number, blockBytes: number = DEFAULT_BLOCK_BYTES): Uint8Array {
  throw new NotImplementedError(`encodeRecord(${record.length} bytes, ${offset}, ${blockBytes})`);
}

/**
 * [WAL-1.4] Reads a segment from its first byte until the end or the first
 * fragment it cannot accept, by the eight rules of README.md, task 1: a torn
 * header, a torn payload, or a fragment reaching into the segment's trailing
 * zeros stops reading (what follows `end` is the tail); anything else that is
 * wrong is corruption. [WAL-1.5] On corruption, `records` and `end` are those
 * read before it, and `corruption.offset` is where the bad fragment's header
 * (or trailer) starts. A length is never trusted past its block.
 */
export function decodeSegment(bytes: Uint8Array, blockBytes: number = DEFAULT_BLOCK_BYTES): DecodedSegment {
  throw new NotImplementedError(`decodeSegment(${bytes.length} bytes, ${blockBytes})`);
}
