/**
 * The write-ahead log's on-disk names, constants, checkpoint file and errors —
 * provided: use them, do not edit them (the grader uses its own copy).
 * README.md describes the format these names belong to.
 */
import { crc32c } from './crc32c';

/** Every fragment starts with a 7-byte header: CRC-32C (4 bytes), length (2), type (1), little-endian. */
export const HEADER_BYTES = 7;

/** The type byte of a fragment header. 0 is never written: it is what zero-filled space reads as. */
export const RecordType = {
  Zero: 0,
  Full: 1,
  First: 2,
  Middle: 3,
  Last: 4,
} as const;

/** The block size when the options leave it out: 32 KiB, as LevelDB's log. */
export const DEFAULT_BLOCK_BYTES = 32 * 1024;
/** The segment size when the options leave it out: 1 MiB. */
export const DEFAULT_SEGMENT_BYTES = 1024 * 1024;
export const MIN_BLOCK_BYTES = HEADER_BYTES + 1;
export const MAX_BLOCK_BYTES = 32 * 1024;
export const MAX_SEGMENT_BYTES = 2 ** 30;

/** The name of the file that holds the checkpoint LSN. */
export const CHECKPOINT = 'CHECKPOINT';
/** A file whose name ends with this is a temporary: open removes it. */
export const TEMPORARY_SUFFIX = '.tmp';

/** The segment whose first record has LSN `lsn`: `wal-0000000000000042.log`, 16 decimal digits, so names sort as numbers. */
export function segmentName(lsn: number): string {
  if (!Number.isSafeInteger(lsn) || lsn < 0) throw new RangeError(`segmentName: lsn must be an integer in [0, 2^53 - 1], got ${String(lsn)}`);
  return `wal-${String(lsn).padStart(16, '0')}.log`;
}

/** The LSN a segment's name carries, or undefined when `name` is not a segment's name. */
export function parseSegmentName(name: string): number | undefined {
  const match = /^wal-(\d{16})\.log$/.exec(name);
  if (match === null) return undefined;
  const lsn = Number(match[1]);
  return Number.isSafeInteger(lsn) ? lsn : undefined;
}

/** The 12 bytes of the checkpoint file: CRC-32C of the next 8 bytes, then `lsn` as an unsigned 64-bit integer, little-endian. */
export function encodeCheckpoint(lsn: number): Uint8Array {
  if (!Number.isSafeInteger(lsn) || lsn < 0) throw new RangeError(`encodeCheckpoint: lsn must be an integer in [0, 2^53 - 1], got ${String(lsn)}`);
  const bytes = new Uint8Array(12);
  const view = new DataView(bytes.buffer);
  view.setBigUint64(4, BigInt(lsn), true);
  view.setUint32(0, crc32c(bytes.subarray(4)), true);
  return bytes;
}

/** The LSN in a checkpoint file's bytes, or undefined when they are not exactly what encodeCheckpoint writes. */
export function decodeCheckpoint(bytes: Uint8Array): number | undefined {
  if (bytes.length !== 12) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, true) !== crc32c(bytes.subarray(4))) return undefined;
  const lsn = view.getBigUint64(4, true);
  return lsn <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(lsn) : undefined;
}

/**
 * Damage that a crash cannot explain, found by `Wal.open`: never cut off
 * silently. `segment` is the file's name, `offset` the byte where reading
 * stopped (README, task 2, says which byte).
 */
export class CorruptionError extends Error {
  override readonly name = 'CorruptionError';
  constructor(
    readonly segment: string,
    readonly offset: number,
    detail: string,
  ) {
    super(`${segment} is corrupt at byte ${offset}: ${detail}`);
  }
}

/** What every write to a log throws once a storage call has failed under it. `cause` is that first failure. */
export class WalFailedError extends Error {
  override readonly name = 'WalFailedError';
  constructor(cause: unknown) {
    super(`the log failed earlier and refuses writes: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}
