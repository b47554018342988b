/**
 * Write-ahead log, task 1 — the reference: LevelDB's log format
 * (google/leveldb, doc/log_format.md), without its masking of the CRC, and
 * with this exercise's rule for telling a torn tail from corruption.
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

function checkBlockBytes(blockBytes: unknown): asserts blockBytes is number {
  // Number.isInteger is false for anything that is not a number: a string, null, NaN.
  if (!Number.isInteger(blockBytes) || (blockBytes as number) < MIN_BLOCK_BYTES || (blockBytes as number) > MAX_BLOCK_BYTES) {
    throw new RangeError(`blockBytes must be an integer in [${MIN_BLOCK_BYTES}, ${MAX_BLOCK_BYTES}], got ${String(blockBytes)}`);
  }
}

/**
 * The bytes that append `record` to a segment now `offset` bytes long: the
 * zero trailer of the current block if fewer than 7 bytes are left in it,
 * then one fragment per block the record reaches.
 */
export function encodeRecord(record: Uint8Array, offset: number, blockBytes: number = DEFAULT_BLOCK_BYTES): Uint8Array {
  if (!(record instanceof Uint8Array)) throw new TypeError(`record must be a Uint8Array, got ${typeof record}`);
  if (!Number.isSafeInteger(offset) || offset < 0) throw new RangeError(`offset must be an integer in [0, 2^53 - 1], got ${String(offset)}`);
  checkBlockBytes(blockBytes);
  // First the layout: where each fragment goes and how much of the record it carries.
  const pieces: { at: number; from: number; length: number; type: number }[] = [];
  let at = 0;
  let room = blockBytes - (offset % blockBytes);
  if (room < HEADER_BYTES) {
    at = room;
    room = blockBytes;
  }
  let from = 0;
  // Not `from === 0`: with exactly 7 bytes left, the FIRST fragment carries nothing, and the next is not first.
  for (let first = true; ; first = false) {
    const length = Math.min(record.length - from, room - HEADER_BYTES);
    const last = from + length === record.length;
    const type = first && last ? RecordType.Full : first ? RecordType.First : last ? RecordType.Last : RecordType.Middle;
    pieces.push({ at, from, length, type });
    at += HEADER_BYTES + length;
    from += length;
    if (last) break;
    room = blockBytes;
  }
  const out = new Uint8Array(at);
  const view = new DataView(out.buffer);
  for (const piece of pieces) {
    const payload = record.subarray(piece.from, piece.from + piece.length);
    view.setUint32(piece.at, crc32c(payload, crc32c(Uint8Array.of(piece.type))), true);
    view.setUint16(piece.at + 4, piece.length, true);
    out[piece.at + 6] = piece.type;
    out.set(payload, piece.at + HEADER_BYTES);
  }
  return out;
}

/**
 * Reads a segment's bytes, written in blocks of `blockBytes`, up to the end
 * or to the first fragment it cannot accept (README, task 1, has the rules).
 */
export function decodeSegment(bytes: Uint8Array, blockBytes: number = DEFAULT_BLOCK_BYTES): DecodedSegment {
  if (!(bytes instanceof Uint8Array)) throw new TypeError(`bytes must be a Uint8Array, got ${typeof bytes}`);
  checkBlockBytes(blockBytes);
  const n = bytes.length;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // Where the segment's trailing run of zero bytes starts: a crash may have kept a file's new length but not its bytes.
  let zeros = n;
  while (bytes[zeros - 1] === 0) zeros--; // bytes[-1] is undefined: the loop stops at 0
  const records: Uint8Array[] = [];
  let end = 0;
  let chain: Uint8Array[] | null = null;
  const corrupt = (offset: number, reason: string): DecodedSegment => ({ records, end, corruption: { offset, reason } });
  let p = 0;
  while (p < n) {
    const room = blockBytes - (p % blockBytes);
    if (room < HEADER_BYTES) {
      const stop = Math.min(p + room, n);
      for (let i = p; i < stop; i++) if (bytes[i] !== 0) return corrupt(p, `the block trailer at ${p} holds a nonzero byte at ${i}`);
      p = stop;
      continue;
    }
    if (n - p < HEADER_BYTES) break; // a torn header
    const crc = view.getUint32(p, true);
    const length = view.getUint16(p + 4, true);
    const type = bytes[p + 6]!;
    if (type > RecordType.Last) return corrupt(p, `type ${type} is not a fragment type`);
    if (length > room - HEADER_BYTES) return corrupt(p, `length ${length} runs past the end of its block`);
    const fragmentEnd = p + HEADER_BYTES + length;
    if (fragmentEnd > n) break; // a torn payload
    const payload = bytes.subarray(p + HEADER_BYTES, fragmentEnd);
    if (type === RecordType.Zero || crc32c(payload, crc32c(Uint8Array.of(type))) !== crc) {
      if (zeros < fragmentEnd) break; // reaches into the zeros a crash left: a tail
      return corrupt(p, `type ${type}: type 0 or a CRC that does not match, before the trailing zeros`);
    }
    if (type === RecordType.Full || type === RecordType.First) {
      if (chain !== null) return corrupt(p, `a fragment of type ${type} inside a record that is not finished`);
      if (type === RecordType.Full) {
        records.push(new Uint8Array(payload)); // a copy, even when bytes is a Buffer (whose slice is a view)
        end = fragmentEnd;
      } else chain = [payload];
    } else {
      if (chain === null) return corrupt(p, `a fragment of type ${type} with no FIRST before it`);
      chain.push(payload);
      if (type === RecordType.Last) {
        const record = new Uint8Array(chain.reduce((sum, piece) => sum + piece.length, 0));
        let at = 0;
        for (const piece of chain) {
          record.set(piece, at);
          at += piece.length;
        }
        records.push(record);
        end = fragmentEnd;
        chain = null;
      }
    }
    p = fragmentEnd;
  }
  return { records, end, corruption: null };
}
