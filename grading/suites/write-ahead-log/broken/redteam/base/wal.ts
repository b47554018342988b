/**
 * Write-ahead log, tasks 2–4 — your file. Replace each
 * `throw new NotImplementedError(...)` with an implementation; keep the
 * exports and their signatures.
 *
 * The promise [WAL-2.7]: after a crash at any moment, `open` returns a prefix
 * of the appended records, byte for byte, with every record below the last
 * `durableLsn` that `sync` returned. A torn tail is cut off quietly; damage
 * to synced bytes is a CorruptionError, never cut off. README.md has the
 * tasks, the disk's fault model and hints.
 *
 * [WAL-0.1] An argument out of range is a RangeError naming it
 * (`blockBytes`, `segmentBytes`, `from`, `lsn`); a `record` that is not a
 * Uint8Array is a TypeError naming it. [WAL-0.2] A call refused for its
 * arguments makes no storage call and uses no LSN. [WAL-0.4] Copy what you
 * take, return new arrays. [WAL-0.5] The log's files are segments
 * (`segmentName`), `CHECKPOINT`, and temporaries ending in `.tmp`.
 */
import type { Storage } from '@faultline/harness';
import { decodeSegment, encodeRecord } from './framing';
import {
  CHECKPOINT,
  CorruptionError,
  DEFAULT_BLOCK_BYTES,
  DEFAULT_SEGMENT_BYTES,
  decodeCheckpoint,
  encodeCheckpoint,
  MAX_BLOCK_BYTES,
  MAX_SEGMENT_BYTES,
  MIN_BLOCK_BYTES,
  parseSegmentName,
  segmentName,
  TEMPORARY_SUFFIX,
  WalFailedError,
} from './format';

export type { Storage } from '@faultline/harness';

export interface WalOptions {
  /** The block size the log is written in: an integer in [8, 32768]; 32768 when left out. Open a log with the size it was written with. */
  readonly blockBytes?: number;
  /** A record starts a new segment once the current one holds this many bytes: an integer in [1, 2^30]; 1 MiB when left out. */
  readonly segmentBytes?: number;
}

export interface RecoveryReport {
  /** The LSN of the first record the log holds: the checkpoint, or 0. */
  readonly firstLsn: number;
  /** One past the LSN of the last record recovered. */
  readonly nextLsn: number;
  /** Bytes cut from the end of the last segment: a torn write, or zeros a crash left. */
  readonly truncatedBytes: number;
  /** The files open removed, sorted: temporaries and segments wholly below the checkpoint. */
  readonly removed: readonly string[];
}

interface Segment {
  readonly lsn: number;
  readonly name: string;
}

const CHECKPOINT_TMP = CHECKPOINT + TEMPORARY_SUFFIX;

function isInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

function describe(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

export class Wal {
  readonly #storage: Storage;
  readonly #blockBytes: number;
  readonly #segmentBytes: number;
  /** The log's segments, in LSN order. */
  #segments: Segment[];
  /** Bytes in the last segment. */
  #lastSize: number;
  /** The records from #first on. */
  #records: Uint8Array[];
  #first: number;
  #next: number;
  #durable: number;
  /** A segment was created since the directory was last synced. */
  #directoryDirty = false;
  /** The first storage failure of a write, once there was one. */
  #failure: { readonly error: unknown } | null = null;

  private constructor(storage: Storage, blockBytes: number, segmentBytes: number, segments: Segment[], lastSize: number, records: Uint8Array[], first: number, next: number) {
    this.#storage = storage;
    this.#blockBytes = blockBytes;
    this.#segmentBytes = segmentBytes;
    this.#segments = segments;
    this.#lastSize = lastSize;
    this.#records = records;
    this.#first = first;
    this.#next = next;
    this.#durable = next;
  }

  /**
   * [WAL-2.1 … WAL-2.8, WAL-3.5] Recovers the log on `storage`. It reads the
   * checkpoint and every segment, throws CorruptionError for damage a crash
   * cannot explain (changing nothing on disk), then removes temporaries and
   * segments wholly below the checkpoint, cuts the last segment's tail, and
   * makes what it recovered durable before it returns.
   */
  static open(storage: Storage, options: WalOptions = {}): { wal: Wal; report: RecoveryReport } {
    // Read each option once.
    const blockOption = options.blockBytes;
    const segmentOption = options.segmentBytes;
    const blockBytes = blockOption === undefined ? DEFAULT_BLOCK_BYTES : blockOption;
    const segmentBytes = segmentOption === undefined ? DEFAULT_SEGMENT_BYTES : segmentOption;
    if (!isInteger(blockBytes) || blockBytes < MIN_BLOCK_BYTES || blockBytes > MAX_BLOCK_BYTES) {
      throw new RangeError(`blockBytes must be an integer in [${MIN_BLOCK_BYTES}, ${MAX_BLOCK_BYTES}], got ${describe(blockBytes)}`);
    }
    if (!isInteger(segmentBytes) || segmentBytes < 1 || segmentBytes > MAX_SEGMENT_BYTES) {
      throw new RangeError(`segmentBytes must be an integer in [1, 2^30], got ${describe(segmentBytes)}`);
    }

    // Read and check everything before changing anything.
    const names = storage.list();
    let checkpoint = 0;
    if (names.includes(CHECKPOINT)) {
      const bytes = storage.read(CHECKPOINT);
      const lsn = bytes === undefined ? undefined : decodeCheckpoint(bytes);
      if (lsn === undefined) throw new CorruptionError(CHECKPOINT, 0, 'the checkpoint file cannot be read');
      checkpoint = lsn;
    }

    const segments: Segment[] = [];
    for (const name of names) {
      const lsn = parseSegmentName(name);
      if (lsn !== undefined) segments.push({ lsn, name });
    }
    segments.sort((a, b) => a.lsn - b.lsn);

    if (checkpoint > 0 && segments.length === 0) {
      throw new CorruptionError(CHECKPOINT, 0, `the checkpoint is at LSN ${checkpoint} but no segment is left`);
    }
    if (segments.length > 0 && segments[0]!.lsn > checkpoint) {
      throw new CorruptionError(segments[0]!.name, 0, `the first segment starts at LSN ${segments[0]!.lsn}, after the checkpoint at ${checkpoint}`);
    }

    const records: Uint8Array[] = [];
    let next = 0;
    let lastBytes: Uint8Array = new Uint8Array(0);
    let lastEnd = 0;
    // The README, clarified after this was written: a segment wholly below the checkpoint is not read.
    let stays = 0;
    while (stays < segments.length - 1 && segments[stays + 1]!.lsn <= checkpoint) stays++;
    for (let i = stays; i < segments.length; i++) {
      const segment = segments[i]!;
      const bytes = storage.read(segment.name) ?? new Uint8Array(0);
      const decoded = decodeSegment(bytes, blockBytes);
      if (decoded.corruption) throw new CorruptionError(segment.name, decoded.corruption.offset, decoded.corruption.reason);
      if (i < segments.length - 1) {
        const following = segments[i + 1]!;
        if (decoded.end !== bytes.length) {
          throw new CorruptionError(segment.name, decoded.end, `${bytes.length - decoded.end} bytes of tail in a segment that is not the last`);
        }
        if (decoded.records.length !== following.lsn - segment.lsn) {
          throw new CorruptionError(segment.name, decoded.end, `${decoded.records.length} records where ${following.name} needs ${following.lsn - segment.lsn}`);
        }
      } else {
        next = segment.lsn + decoded.records.length;
        lastBytes = bytes;
        lastEnd = decoded.end;
      }
      for (let k = 0; k < decoded.records.length; k++) {
        if (segment.lsn + k >= checkpoint) records.push(decoded.records[k]!);
      }
    }
    if (next < checkpoint) {
      throw new CorruptionError(CHECKPOINT, 0, `the checkpoint is at LSN ${checkpoint} but the records end at ${next}`);
    }

    // Clean up: temporaries, then segments wholly below the checkpoint, oldest first.
    const removed: string[] = [];
    for (const name of names) {
      if (name.endsWith(TEMPORARY_SUFFIX)) {
        storage.remove(name);
        removed.push(name);
      }
    }
    while (segments.length > 1 && segments[1]!.lsn <= checkpoint) {
      const segment = segments.shift()!;
      storage.remove(segment.name);
      removed.push(segment.name);
    }

    // Cut the tail of the last segment: a new file, synced, renamed over the old one.
    const truncatedBytes = lastBytes.length - lastEnd;
    if (truncatedBytes > 0) {
      const last = segments[segments.length - 1]!;
      const temporary = last.name + TEMPORARY_SUFFIX;
      storage.write(temporary, lastBytes.subarray(0, lastEnd));
      storage.sync(temporary);
      storage.rename(temporary, last.name);
    }

    // Make what was recovered durable: a crashed process may have left it in the page cache.
    for (const segment of segments) storage.sync(segment.name);
    if (names.length > 0) storage.syncDirectory();

    const wal = new Wal(storage, blockBytes, segmentBytes, segments, lastEnd, records, checkpoint, next);
    removed.sort();
    return { wal, report: { firstLsn: checkpoint, nextLsn: next, truncatedBytes, removed } };
  }

  /** [WAL-3.6] The LSN of the first record the log holds. */
  get firstLsn(): number {
    return this.#first;
  }

  /** [WAL-3.6] One past the LSN of the last record appended. */
  get nextLsn(): number {
    return this.#next;
  }

  /** [WAL-3.3] One past the LSN of the last record known durable: what the last successful sync (or open) returned. */
  get durableLsn(): number {
    return this.#durable;
  }

  /**
   * [WAL-3.1] Appends a copy of `record` to the last segment and returns its
   * LSN; starts a new segment, named for that LSN, when there is none or the
   * last holds `segmentBytes` bytes or more. [WAL-3.2] The segment before a
   * new one is synced before the new one gets its first byte.
   */
  append(record: Uint8Array): number {
    this.#refuseIfFailed();
    if (!(record instanceof Uint8Array)) throw new TypeError(`record must be a Uint8Array, got ${record === null ? 'null' : typeof record}`);
    const copy = new Uint8Array(record);
    const lsn = this.#next;
    const previous = this.#segments[this.#segments.length - 1];
    // A new segment when there is none, or when the last one is not empty and this
    // record would take it past segmentBytes (it then holds segmentBytes or more).
    let offset = this.#lastSize;
    let bytes = previous === undefined ? new Uint8Array(0) : encodeRecord(copy, offset, this.#blockBytes);
    const roll = previous === undefined || offset >= this.#segmentBytes;
    if (roll) {
      offset = 0;
      bytes = encodeRecord(copy, 0, this.#blockBytes);
    }
    const segment: Segment = roll ? { lsn, name: segmentName(lsn) } : previous;
    this.#write(() => {
      if (roll && previous !== undefined) this.#storage.sync(previous.name);
      this.#storage.append(segment.name, bytes);
    });
    if (roll) {
      this.#segments.push(segment);
      this.#directoryDirty = true;
    }
    this.#lastSize = offset + bytes.length;
    this.#records.push(copy);
    this.#next = lsn + 1;
    return lsn;
  }

  /** [WAL-3.3] Makes every record appended so far durable, new segments' names included; returns `nextLsn`. */
  sync(): number {
    this.#refuseIfFailed();
    const last = this.#segments[this.#segments.length - 1];
    this.#write(() => {
      if (last !== undefined) this.#storage.sync(last.name);
      if (this.#directoryDirty) this.#storage.syncDirectory();
    });
    this.#directoryDirty = false;
    this.#durable = this.#next;
    return this.#next;
  }

  /** [WAL-3.6] New copies of the records from LSN `from` (in [firstLsn, nextLsn]) to the last one appended. */
  read(from: number): Uint8Array[] {
    if (!isInteger(from) || from < this.#first || from > this.#next) {
      throw new RangeError(`from must be an integer in [firstLsn ${this.#first}, nextLsn ${this.#next}], got ${describe(from)}`);
    }
    return this.#records.slice(from - this.#first).map((record) => new Uint8Array(record));
  }

  /**
   * [WAL-3.4] Records below `lsn` (in [firstLsn, durableLsn]) are no longer
   * needed: install the checkpoint durably (CHECKPOINT.tmp, sync, rename,
   * syncDirectory), then remove the segments wholly below it, never the last.
   */
  checkpoint(lsn: number): void {
    this.#refuseIfFailed();
    if (!isInteger(lsn) || lsn < this.#first || lsn > this.#durable) {
      throw new RangeError(`lsn must be an integer in [firstLsn ${this.#first}, durableLsn ${this.#durable}], got ${describe(lsn)}`);
    }
    const bytes = encodeCheckpoint(lsn);
    this.#write(() => {
      this.#storage.write(CHECKPOINT_TMP, bytes);
      this.#storage.sync(CHECKPOINT_TMP);
      this.#storage.rename(CHECKPOINT_TMP, CHECKPOINT);
      this.#storage.syncDirectory();
    });
    this.#directoryDirty = false;
    this.#records = this.#records.slice(lsn - this.#first);
    this.#first = lsn;
    this.#write(() => {
      while (this.#segments.length > 1 && this.#segments[1]!.lsn <= lsn) {
        this.#storage.remove(this.#segments[0]!.name);
        this.#segments.shift();
      }
    });
  }

  #refuseIfFailed(): void {
    if (this.#failure !== null) throw new WalFailedError(this.#failure.error);
  }

  /** Runs storage calls; the first that throws fails the log for good. */
  #write(calls: () => void): void {
    try {
      calls();
    } catch (error) {
      this.#failure = { error };
      throw error;
    }
  }
}
