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
import { NotImplementedError } from '@faultline/harness';
import type { Storage } from '@faultline/harness';
// Uncomment what you use:
// import { decodeSegment, encodeRecord } from './framing';
// import { CHECKPOINT, CorruptionError, decodeCheckpoint, encodeCheckpoint, parseSegmentName, segmentName, TEMPORARY_SUFFIX, WalFailedError } from './format';

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

export class Wal {
  /**
   * [WAL-2.1 … WAL-2.8, WAL-3.5] Recovers the log on `storage`. It reads the
   * checkpoint and every segment, throws CorruptionError for damage a crash
   * cannot explain (changing nothing on disk), then removes temporaries and
   * segments wholly below the checkpoint, cuts the last segment's tail, and
   * makes what it recovered durable before it returns.
   */
  static open(storage: Storage, options: WalOptions = {}): { wal: Wal; report: RecoveryReport } {
    throw new NotImplementedError(`Wal.open(storage, ${JSON.stringify(options)})`);
  }

  /** [WAL-3.6] The LSN of the first record the log holds. */
  get firstLsn(): number {
    throw new NotImplementedError('wal.firstLsn');
  }

  /** [WAL-3.6] One past the LSN of the last record appended. */
  get nextLsn(): number {
    throw new NotImplementedError('wal.nextLsn');
  }

  /** [WAL-3.3] One past the LSN of the last record known durable: what the last successful sync (or open) returned. */
  get durableLsn(): number {
    throw new NotImplementedError('wal.durableLsn');
  }

  /**
   * [WAL-3.1] Appends a copy of `record` to the last segment and returns its
   * LSN; starts a new segment, named for that LSN, when there is none or the
   * last holds `segmentBytes` bytes or more. [WAL-3.2] The segment before a
   * new one is synced before the new one gets its first byte.
   */
  append(record: Uint8Array): number {
    throw new NotImplementedError(`wal.append(${record.length} bytes)`);
  }

  /** [WAL-3.3] Makes every record appended so far durable, new segments' names included; returns `nextLsn`. */
  sync(): number {
    throw new NotImplementedError('wal.sync()');
  }

  /** [WAL-3.6] New copies of the records from LSN `from` (in [firstLsn, nextLsn]) to the last one appended. */
  read(from: number): Uint8Array[] {
    throw new NotImplementedError(`wal.read(${from})`);
  }

  /**
   * [WAL-3.4] Records below `lsn` (in [firstLsn, durableLsn]) are no longer
   * needed: install the checkpoint durably (CHECKPOINT.tmp, sync, rename,
   * syncDirectory), then remove the segments wholly below it, never the last.
   */
  checkpoint(lsn: number): void {
    throw new NotImplementedError(`wal.checkpoint(${lsn})`);
  }
}
