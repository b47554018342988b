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
import { crc32c } from './crc32c';
import { DEFAULT_BLOCK_BYTES, HEADER_BYTES, MAX_BLOCK_BYTES, MIN_BLOCK_BYTES, RecordType } from './format';

export interface DecodedSegment {
  /** Every complete record before reading stopped, in order, each a new array. */
  readonly records: Uint8Array[];
  /** The offset just past the last fragment of the last complete record; 0 when there is none. */
  readonly end: number;
  /** Where reading stopped on damage a crash cannot explain, and why; null when the segment is clean or has only a tail. */
  readonly corruption: { readonly offset: number; readonly reason: string } | null;
}

/** Throws the RangeError of [WAL-0.1] unless `blockBytes` is an integer in [8, 32768]. */
function checkBlockBytes(blockBytes: unknown): asserts blockBytes is number {
  if (typeof blockBytes !== 'number' || !Number.isInteger(blockBytes) || blockBytes < MIN_BLOCK_BYTES || blockBytes > MAX_BLOCK_BYTES) {
    throw new RangeError(`blockBytes must be an integer in [${MIN_BLOCK_BYTES}, ${MAX_BLOCK_BYTES}], got ${String(blockBytes)}`);
  }
}

function checkBytes(value: unknown, name: string): asserts value is Uint8Array {
  if (!(value instanceof Uint8Array)) {
    throw new TypeError(`${name} must be a Uint8Array, got ${value === null ? 'null' : typeof value === 'object' ? (value.constructor?.name ?? 'object') : typeof value}`);
  }
}

function fragmentCrc(type: number, payload: Uint8Array): number {
  return crc32c(payload, crc32c(Uint8Array.of(type)));
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
  checkBytes(record, 'record');
  if (typeof offset !== 'number' || !Number.isSafeInteger(offset) || offset < 0) {
    throw new RangeError(`offset must be an integer in [0, 2^53 - 1], got ${String(offset)}`);
  }
  checkBlockBytes(blockBytes);

  // Work out the size first, then fill one new array.
  let room = blockBytes - (offset % blockBytes);
  const trailer = room < HEADER_BYTES ? room : 0;
  if (trailer > 0) room = blockBytes;
  let size = trailer;
  {
    let left = record.length;
    let r = room;
    for (;;) {
      const take = Math.min(r - HEADER_BYTES, left);
      size += HEADER_BYTES + take;
      left -= take;
      if (left === 0) break;
      r = blockBytes;
    }
  }

  const out = new Uint8Array(size);
  let pos = trailer; // the trailer is already zeros
  let done = 0;
  let first = true;
  for (;;) {
    const take = Math.min(room - HEADER_BYTES, record.length - done);
    const last = done + take === record.length;
    const type = first ? (last ? RecordType.Full : RecordType.First) : last ? RecordType.Last : RecordType.Middle;
    const payload = record.subarray(done, done + take);
    const crc = fragmentCrc(type, payload);
    out[pos] = crc & 0xff;
    out[pos + 1] = (crc >>> 8) & 0xff;
    out[pos + 2] = (crc >>> 16) & 0xff;
    out[pos + 3] = (crc >>> 24) & 0xff;
    out[pos + 4] = take & 0xff;
    out[pos + 5] = (take >>> 8) & 0xff;
    out[pos + 6] = type;
    out.set(payload, pos + HEADER_BYTES);
    pos += HEADER_BYTES + take;
    done += take;
    if (last) break;
    first = false;
    room = blockBytes;
  }
  return out;
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
  checkBytes(bytes, 'bytes');
  checkBlockBytes(blockBytes);

  const length = bytes.length;
  // Where the segment's trailing run of zero bytes starts (length when it has none).
  let zeroStart = length;
  while (zeroStart > 0 && bytes[zeroStart - 1] === 0) zeroStart--;

  const records: Uint8Array[] = [];
  let end = 0;
  let partial: Uint8Array[] | null = null;
  let corruption: { offset: number; reason: string } | null = null;
  let p = 0;

  while (p < length) {
    const room = blockBytes - (p % blockBytes);
    // Rule 1: the trailer.
    if (room < HEADER_BYTES) {
      const stop = Math.min(p + room, length);
      for (let i = p; i < stop; i++) {
        if (bytes[i] !== 0) {
          corruption = { offset: p, reason: `non-zero byte in the block trailer at byte ${i}` };
          break;
        }
      }
      if (corruption) break;
      p += room;
      continue;
    }
    // Rule 2: a torn header.
    if (length - p < HEADER_BYTES) break;
    const crc = (bytes[p]! | (bytes[p + 1]! << 8) | (bytes[p + 2]! << 16) | (bytes[p + 3]! << 24)) >>> 0;
    const len = bytes[p + 4]! | (bytes[p + 5]! << 8);
    const type = bytes[p + 6]!;
    // Rule 3: an unknown type.
    if (type > RecordType.Last) {
      corruption = { offset: p, reason: `unknown fragment type ${type}` };
      break;
    }
    // Rule 4: a length past the end of the block.
    if (len > room - HEADER_BYTES) {
      corruption = { offset: p, reason: `fragment length ${len} runs past the end of its block (room for ${room - HEADER_BYTES})` };
      break;
    }
    const fragmentEnd = p + HEADER_BYTES + len;
    // Rule 5: a torn payload.
    if (fragmentEnd > length) break;
    // Rule 6: zeros, or a checksum that does not match.
    const payload = bytes.subarray(p + HEADER_BYTES, fragmentEnd);
    if (type === RecordType.Zero || crc !== fragmentCrc(type, payload)) {
      if (zeroStart < fragmentEnd) break;
      corruption = {
        offset: p,
        reason: type === RecordType.Zero ? 'fragment of type 0 before the end of the segment' : 'fragment checksum does not match',
      };
      break;
    }
    // Rule 7: fragments out of order.
    if ((type === RecordType.Full || type === RecordType.First) && partial !== null) {
      corruption = { offset: p, reason: `${type === RecordType.Full ? 'FULL' : 'FIRST'} fragment while a record is unfinished` };
      break;
    }
    if ((type === RecordType.Middle || type === RecordType.Last) && partial === null) {
      corruption = { offset: p, reason: `${type === RecordType.Middle ? 'MIDDLE' : 'LAST'} fragment with no FIRST before it` };
      break;
    }
    // Rule 8: accept.
    p = fragmentEnd;
    switch (type) {
      case RecordType.Full:
        records.push(new Uint8Array(payload));
        end = p;
        break;
      case RecordType.First:
        partial = [payload];
        break;
      case RecordType.Middle:
        partial!.push(payload);
        break;
      default: {
        partial!.push(payload);
        let total = 0;
        for (const piece of partial!) total += piece.length;
        const record = new Uint8Array(total);
        let at = 0;
        for (const piece of partial!) {
          record.set(piece, at);
          at += piece.length;
        }
        records.push(record);
        partial = null;
        end = p;
      }
    }
  }
  return { records, end, corruption };
}
