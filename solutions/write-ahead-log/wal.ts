/**
 * Write-ahead log, tasks 2–4 — the reference. Segments named for their first
 * LSN, LevelDB's framing inside them, a checkpoint file installed by
 * write-sync-rename-syncDirectory, and a log that refuses writes for good
 * once the disk has failed it.
 */
import type { Storage } from '@faultline/harness';
import { decodeSegment, encodeRecord } from './framing';
import {
  CHECKPOINT,
  CorruptionError,
  decodeCheckpoint,
  DEFAULT_BLOCK_BYTES,
  DEFAULT_SEGMENT_BYTES,
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
  /** The block size the log is written in: an integer in [8, 32768]; 32768 when left out. */
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
  readonly base: number;
  readonly name: string;
  size: number;
}

const checkInteger = (name: string, value: unknown, min: number, max: number, range: string): number => {
  // Number.isInteger is false for anything that is not a number: a string, null, NaN.
  if (!Number.isInteger(value) || (value as number) < min || (value as number) > max) {
    throw new RangeError(`${name} must be an integer in ${range}, got ${String(value)}`);
  }
  return value as number;
};

export class Wal {
  readonly #storage: Storage;
  readonly #blockBytes: number;
  readonly #segmentBytes: number;
  readonly #segments: Segment[];
  /** The records from #first on, as appended. */
  #records: Uint8Array[];
  #first: number;
  #durable: number;
  /** Segments written since their last sync. */
  readonly #dirty = new Set<string>();
  /** A file was created, renamed or removed since the last syncDirectory. */
  #directoryDirty = false;
  /** The first storage error under a write; once set, every write refuses. */
  #failure: { readonly error: unknown } | undefined;

  private constructor(storage: Storage, blockBytes: number, segmentBytes: number, segments: Segment[], records: Uint8Array[], first: number) {
    this.#storage = storage;
    this.#blockBytes = blockBytes;
    this.#segmentBytes = segmentBytes;
    this.#segments = segments;
    this.#records = records;
    this.#first = first;
    this.#durable = first + records.length;
  }

  /**
   * Recovers the log on `storage`: reads every segment, checks it, and only
   * then removes leftovers and cuts a torn tail, so that a CorruptionError
   * leaves the disk exactly as it found it.
   */
  static open(storage: Storage, options: WalOptions = {}): { wal: Wal; report: RecoveryReport } {
    const { blockBytes = DEFAULT_BLOCK_BYTES, segmentBytes = DEFAULT_SEGMENT_BYTES } = options;
    checkInteger('blockBytes', blockBytes, MIN_BLOCK_BYTES, MAX_BLOCK_BYTES, `[${MIN_BLOCK_BYTES}, ${MAX_BLOCK_BYTES}]`);
    checkInteger('segmentBytes', segmentBytes, 1, MAX_SEGMENT_BYTES, '[1, 2^30]');

    const names = storage.list();
    let checkpoint = 0;
    if (names.includes(CHECKPOINT)) {
      const lsn = decodeCheckpoint(storage.read(CHECKPOINT) ?? new Uint8Array(0));
      if (lsn === undefined) throw new CorruptionError(CHECKPOINT, 0, 'the checkpoint file is not 12 bytes with a matching CRC');
      checkpoint = lsn;
    }
    // list() is sorted, and segment names sort as their LSNs (16 digits): the segments come in LSN order.
    const all = names.flatMap((name) => {
      const base = parseSegmentName(name);
      return base === undefined ? [] : [{ base, name }];
    });
    // A segment is wholly below the checkpoint when the next one starts at or before it; the last one always stays.
    const below = all.filter((segment, i) => i < all.length - 1 && all[i + 1]!.base <= checkpoint);
    const kept = all.slice(below.length);
    if (kept.length > 0 && kept[0]!.base > checkpoint) throw new CorruptionError(kept[0]!.name, 0, `the checkpoint is LSN ${checkpoint} but the first segment starts at LSN ${kept[0]!.base}`);

    const segments: Segment[] = [];
    const records: Uint8Array[] = [];
    let truncatedBytes = 0;
    let lastBytes: Uint8Array = new Uint8Array(0);
    let lastCount = 0;
    kept.forEach(({ base, name }, i) => {
      const bytes = storage.read(name) ?? new Uint8Array(0);
      const decoded = decodeSegment(bytes, blockBytes);
      if (decoded.corruption !== null) throw new CorruptionError(name, decoded.corruption.offset, decoded.corruption.reason);
      const next = kept[i + 1];
      if (next !== undefined) {
        if (decoded.end !== bytes.length) throw new CorruptionError(name, decoded.end, `a segment that is not the last ends in ${bytes.length - decoded.end} bytes that are not a record`);
        if (decoded.records.length !== next.base - base) {
          throw new CorruptionError(name, decoded.end, `it holds ${decoded.records.length} records, and the next segment says ${next.base - base}`);
        }
      } else {
        truncatedBytes = bytes.length - decoded.end;
        lastBytes = bytes;
        lastCount = decoded.records.length;
      }
      decoded.records.forEach((record, j) => {
        if (base + j >= checkpoint) records.push(record);
      });
      segments.push({ base, name, size: decoded.end });
    });
    const last = segments.at(-1);
    const nextLsn = last === undefined ? 0 : last.base + lastCount;
    if (nextLsn < checkpoint) throw new CorruptionError(CHECKPOINT, 0, `the checkpoint is LSN ${checkpoint} but the records end at LSN ${nextLsn}`);

    // Everything checked: now change the disk.
    const removed = [...names.filter((name) => name.endsWith(TEMPORARY_SUFFIX)), ...below.map((s) => s.name)].sort();
    for (const name of removed) storage.remove(name);
    if (last !== undefined) {
      if (truncatedBytes > 0) {
        // Rewriting a file in place is not atomic: write the good prefix beside it, make it durable, rename it over.
        const temporary = last.name + TEMPORARY_SUFFIX;
        storage.write(temporary, lastBytes.subarray(0, last.size));
        storage.sync(temporary);
        storage.rename(temporary, last.name);
      } else {
        storage.sync(last.name);
      }
    }
    storage.syncDirectory();
    const wal = new Wal(storage, blockBytes, segmentBytes, segments, records, checkpoint);
    return { wal, report: { firstLsn: checkpoint, nextLsn, truncatedBytes, removed } };
  }

  get firstLsn(): number {
    return this.#first;
  }

  get nextLsn(): number {
    return this.#first + this.#records.length;
  }

  get durableLsn(): number {
    return this.#durable;
  }

  append(record: Uint8Array): number {
    this.#refuseIfFailed();
    if (!(record instanceof Uint8Array)) throw new TypeError(`record must be a Uint8Array, got ${typeof record}`);
    // Not record.slice(): a Buffer's slice is a view of the caller's memory.
    const copy = new Uint8Array(record);
    const lsn = this.nextLsn;
    this.#write(() => {
      let segment = this.#segments.at(-1);
      if (segment === undefined || segment.size >= this.#segmentBytes) {
        // The segment before must be durable before anything goes into the next: recovery allows a tail only in the last.
        if (segment !== undefined && this.#dirty.has(segment.name)) {
          this.#storage.sync(segment.name);
          this.#dirty.delete(segment.name);
        }
        segment = { base: lsn, name: segmentName(lsn), size: 0 };
        this.#segments.push(segment);
        this.#directoryDirty = true;
      }
      const bytes = encodeRecord(copy, segment.size, this.#blockBytes);
      this.#storage.append(segment.name, bytes);
      segment.size += bytes.length;
      this.#dirty.add(segment.name);
    });
    this.#records.push(copy);
    return lsn;
  }

  sync(): number {
    this.#refuseIfFailed();
    this.#write(() => {
      for (const segment of this.#segments) {
        if (!this.#dirty.has(segment.name)) continue;
        this.#storage.sync(segment.name);
        this.#dirty.delete(segment.name);
      }
      if (this.#directoryDirty) {
        this.#storage.syncDirectory();
        this.#directoryDirty = false;
      }
    });
    this.#durable = this.nextLsn;
    return this.#durable;
  }

  read(from: number): Uint8Array[] {
    checkInteger('from', from, this.#first, this.nextLsn, `[firstLsn, nextLsn] = [${this.#first}, ${this.nextLsn}]`);
    return this.#records.slice(from - this.#first).map((record) => new Uint8Array(record));
  }

  checkpoint(lsn: number): void {
    this.#refuseIfFailed();
    checkInteger('lsn', lsn, this.#first, this.#durable, `[firstLsn, durableLsn] = [${this.#first}, ${this.#durable}]`);
    this.#write(() => {
      const temporary = CHECKPOINT + TEMPORARY_SUFFIX;
      this.#storage.write(temporary, encodeCheckpoint(lsn));
      this.#storage.sync(temporary);
      this.#storage.rename(temporary, CHECKPOINT);
      this.#storage.syncDirectory();
      this.#directoryDirty = false;
      this.#records = this.#records.slice(lsn - this.#first);
      this.#first = lsn;
      // Only now that the checkpoint is durable may the segments it covers go.
      while (this.#segments.length > 1 && this.#segments[1]!.base <= lsn) {
        const [gone] = this.#segments.splice(0, 1);
        this.#storage.remove(gone!.name);
        this.#dirty.delete(gone!.name);
        this.#directoryDirty = true;
      }
    });
  }

  #refuseIfFailed(): void {
    if (this.#failure !== undefined) throw new WalFailedError(this.#failure.error);
  }

  /** Runs storage calls; the first that throws fails the log for good, and its error goes to the caller as it is. */
  #write(calls: () => void): void {
    try {
      calls();
    } catch (error) {
      this.#failure = { error };
      throw error;
    }
  }
}
