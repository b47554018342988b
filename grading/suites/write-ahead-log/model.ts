/**
 * The suite's oracle: the README's framing and recovery rules, written as
 * plainly as they read, with no regard for speed. Every expected byte, record,
 * tail and CorruptionError in the suite comes from here, never from the
 * reference. It uses the grader's own copies of the provided files.
 */
import type { Storage } from '../../../harness';
import { crc32c } from '../../../exercises/write-ahead-log/crc32c';
import { CHECKPOINT, decodeCheckpoint, parseSegmentName } from '../../../exercises/write-ahead-log/format';

export const HEADER = 7;
export const FULL = 1;
export const FIRST = 2;
export const MIDDLE = 3;
export const LAST = 4;

const fragmentCrc = (type: number, payload: readonly number[]): number => crc32c(Uint8Array.from([type, ...payload]));

/** The README's encodeRecord, one byte at a time. */
export function modelEncode(record: Uint8Array, offset: number, blockBytes: number): Uint8Array {
  const out: number[] = [];
  // Only the position within the block matters; kept small, so that offsets near 2⁵³ stay exact.
  let position = offset % blockBytes;
  const roomAt = (p: number) => blockBytes - (p % blockBytes);
  if (roomAt(position) < HEADER) {
    const trailer = roomAt(position);
    for (let i = 0; i < trailer; i++) out.push(0);
    position += trailer;
  }
  const rest = Array.from(record);
  let first = true;
  for (;;) {
    const payload = rest.splice(0, roomAt(position) - HEADER);
    const last = rest.length === 0;
    const type = first && last ? FULL : first ? FIRST : last ? LAST : MIDDLE;
    const crc = fragmentCrc(type, payload);
    out.push(crc & 0xff, (crc >>> 8) & 0xff, (crc >>> 16) & 0xff, crc >>> 24, payload.length & 0xff, payload.length >>> 8, type, ...payload);
    position += HEADER + payload.length;
    first = false;
    if (last) return Uint8Array.from(out);
  }
}

/** A whole segment of `records`, written one after another from an empty file. */
export function modelSegment(records: readonly Uint8Array[], blockBytes: number): Uint8Array {
  const out: number[] = [];
  for (const record of records) out.push(...modelEncode(record, out.length, blockBytes));
  return Uint8Array.from(out);
}

export interface ModelDecoded {
  readonly records: Uint8Array[];
  readonly end: number;
  /** The offset of the corruption, or null. */
  readonly corruptAt: number | null;
}

/** The README's eight reading rules, in their order. */
export function modelDecode(bytes: Uint8Array, blockBytes: number): ModelDecoded {
  const n = bytes.length;
  let zerosFrom = n;
  while (zerosFrom > 0 && bytes[zerosFrom - 1] === 0) zerosFrom--;
  const records: Uint8Array[] = [];
  let end = 0;
  let open: number[] | null = null;
  let p = 0;
  const stop = (corruptAt: number | null): ModelDecoded => ({ records, end, corruptAt });
  while (p < n) {
    const inBlock = p % blockBytes;
    const room = blockBytes - inBlock;
    // Rule 1: the trailer.
    if (room < HEADER) {
      for (let i = p; i < Math.min(p + room, n); i++) if (bytes[i] !== 0) return stop(p);
      p += room;
      continue;
    }
    // Rule 2: a torn header.
    if (n - p < HEADER) return stop(null);
    const crc = (bytes[p]! | (bytes[p + 1]! << 8) | (bytes[p + 2]! << 16) | (bytes[p + 3]! << 24)) >>> 0;
    const length = bytes[p + 4]! | (bytes[p + 5]! << 8);
    const type = bytes[p + 6]!;
    // Rules 3 and 4.
    if (type > 4) return stop(p);
    if (length > room - HEADER) return stop(p);
    // Rule 5: a torn payload.
    const fragmentEnd = p + HEADER + length;
    if (fragmentEnd > n) return stop(null);
    const payload = Array.from(bytes.subarray(p + HEADER, fragmentEnd));
    // Rule 6: type 0 or a bad CRC; a tail if it reaches into the trailing zeros.
    if (type === 0 || fragmentCrc(type, payload) !== crc) return stop(zerosFrom < fragmentEnd ? null : p);
    // Rule 7: the order of fragments.
    if ((type === FULL || type === FIRST) && open !== null) return stop(p);
    if ((type === MIDDLE || type === LAST) && open === null) return stop(p);
    // Rule 8.
    if (type === FULL) {
      records.push(Uint8Array.from(payload));
      end = fragmentEnd;
    } else if (type === FIRST) {
      open = payload;
    } else {
      open!.push(...payload);
      if (type === LAST) {
        records.push(Uint8Array.from(open!));
        end = fragmentEnd;
        open = null;
      }
    }
    p = fragmentEnd;
  }
  return stop(null);
}

/** What the README says `open` does with a disk. */
export type ModelOpen =
  | {
      readonly kind: 'ok';
      readonly firstLsn: number;
      readonly nextLsn: number;
      /** The records from firstLsn on. */
      readonly records: Uint8Array[];
      readonly truncatedBytes: number;
      readonly removed: string[];
      /** Every segment that stays, with the length it has after open. */
      readonly segments: { readonly name: string; readonly base: number; readonly length: number }[];
    }
  | { readonly kind: 'corrupt'; readonly segment: string; readonly offset: number };

export function modelOpen(disk: Storage, blockBytes: number): ModelOpen {
  const names = disk.list();
  const corrupt = (segment: string, offset: number): ModelOpen => ({ kind: 'corrupt', segment, offset });
  let checkpoint = 0;
  if (names.includes(CHECKPOINT)) {
    const lsn = decodeCheckpoint(disk.read(CHECKPOINT)!);
    if (lsn === undefined) return corrupt(CHECKPOINT, 0);
    checkpoint = lsn;
  }
  const segments = names.filter((name) => parseSegmentName(name) !== undefined).map((name) => ({ name, base: parseSegmentName(name)! }));
  segments.sort((a, b) => a.base - b.base);
  let firstKept = 0;
  while (firstKept < segments.length - 1 && segments[firstKept + 1]!.base <= checkpoint) firstKept++;
  const below = segments.slice(0, firstKept).map((s) => s.name);
  const kept = segments.slice(firstKept);
  if (kept.length === 0) {
    if (checkpoint > 0) return corrupt(CHECKPOINT, 0);
  } else if (kept[0]!.base > checkpoint) return corrupt(kept[0]!.name, 0);
  const records: Uint8Array[] = [];
  const lengths: { name: string; base: number; length: number }[] = [];
  let truncatedBytes = 0;
  let nextLsn = 0;
  for (let i = 0; i < kept.length; i++) {
    const { name, base } = kept[i]!;
    const bytes = disk.read(name)!;
    const decoded = modelDecode(bytes, blockBytes);
    if (decoded.corruptAt !== null) return corrupt(name, decoded.corruptAt);
    const next = kept[i + 1];
    if (next !== undefined && (decoded.end !== bytes.length || decoded.records.length !== next.base - base)) return corrupt(name, decoded.end);
    if (next === undefined) truncatedBytes = bytes.length - decoded.end;
    for (let j = 0; j < decoded.records.length; j++) {
      const lsn = base + j;
      if (lsn >= checkpoint) records.push(decoded.records[j]!);
    }
    lengths.push({ name, base, length: decoded.end });
    nextLsn = base + decoded.records.length;
  }
  if (nextLsn < checkpoint) return corrupt(CHECKPOINT, 0);
  const removed = [...names.filter((name) => name.endsWith('.tmp')), ...below].sort();
  return { kind: 'ok', firstLsn: checkpoint, nextLsn, records, truncatedBytes, removed, segments: lengths };
}

/**
 * The segments a log writes for `records` (LSN firstLsn on, in a log whose
 * first segment starts there): a new one when there is none or the last holds
 * segmentBytes bytes or more, named for its first record.
 */
export function modelLog(records: readonly Uint8Array[], blockBytes: number, segmentBytes: number, firstLsn = 0): Map<string, Uint8Array> {
  const segments: { base: number; bytes: number[] }[] = [];
  records.forEach((r, i) => {
    let last = segments.at(-1);
    if (last === undefined || last.bytes.length >= segmentBytes) {
      last = { base: firstLsn + i, bytes: [] };
      segments.push(last);
    }
    last.bytes.push(...modelEncode(r, last.bytes.length, blockBytes));
  });
  return new Map(segments.map((s) => [segmentNameOf(s.base), Uint8Array.from(s.bytes)]));
}

const segmentNameOf = (lsn: number): string => `wal-${String(lsn).padStart(16, '0')}.log`;
