/**
 * The on-disk formats of this LSM tree, and the small helpers every part of
 * it shares. Provided; you do not edit it.
 *
 * The layout follows LevelDB's (see its doc/impl.md): writes go to a
 * write-ahead log and a memtable; a full memtable is written out as a sorted
 * table (an SSTable, `NNNNNN.sst`) in level 0; compaction merges tables down
 * the levels; the manifest records which tables make up each level.
 *
 * Every file carries a CRC-32 of its contents, so a torn or half-rewritten
 * file is detected when it is read (a `CorruptionError`), never misread.
 */
import type { Storage } from '@faultline/harness';

/** One version of one key. */
export interface Entry {
  readonly key: string;
  /** The write's sequence number: every put and delete gets the next one, so a higher seq is a newer write. */
  readonly seq: number;
  /** The value, or `null` for a tombstone: the key was deleted by write `seq`. */
  readonly value: string | null;
}

/** What the manifest records about one table. */
export interface TableMeta {
  /** Its file name, `NNNNNN.sst`. */
  readonly file: string;
  /** The first and last key in it (its entries are sorted, one per key). */
  readonly smallest: string;
  readonly largest: string;
  /** Its size in bytes, as written. */
  readonly bytes: number;
  /** How many entries it holds. */
  readonly entries: number;
  /** The highest sequence number in it. */
  readonly maxSeq: number;
}

/**
 * The shape of the tree at one moment: what the manifest stores.
 * `levels[0]` is L0: newest table first, and key ranges may overlap.
 * `levels[1]`, `levels[2]`, … are sorted by key, and their ranges never overlap.
 * There are always `options.levels` levels, empty or not.
 */
export interface Version {
  readonly levels: readonly (readonly TableMeta[])[];
  /** The number the next new file gets; tables and logs share one sequence, so a name is never reused. */
  readonly nextFile: number;
  /** The highest sequence number written to a table so far (set by a flush; a compaction keeps it as it was, even when the tombstone that held it was dropped). */
  readonly lastSeq: number;
  /** The write-ahead log that holds the writes not yet in a table. */
  readonly log: string;
}

/** The tuning of the tree. The tests use small sizes so that a few hundred writes exercise every level. */
export interface LsmOptions {
  /** The memtable is flushed to a new L0 table once its entries take this many bytes. */
  readonly memtableBytes: number;
  /** L0 is compacted once it holds this many tables (LevelDB: kL0_CompactionTrigger = 4). */
  readonly l0Trigger: number;
  /** The size target of L1, in bytes. */
  readonly baseLevelBytes: number;
  /** Each level's target is this many times the one above (LevelDB: 10). */
  readonly fanout: number;
  /** How many levels, L0 included. The last one is the bottom: it has no target and is never compacted further. */
  readonly levels: number;
  /** A compaction's output is cut into tables of at most this many bytes of entries (at least one entry each). */
  readonly targetFileBytes: number;
}

export const DEFAULT_OPTIONS: LsmOptions = {
  memtableBytes: 4096,
  l0Trigger: 4,
  baseLevelBytes: 16_384,
  fanout: 10,
  levels: 4,
  targetFileBytes: 4096,
};

/** A compaction the policy chose: merge `inputs` (all from `level`) with `overlapping` (from `level + 1`) into `level + 1`. */
export interface Compaction {
  readonly level: number;
  readonly inputs: readonly TableMeta[];
  /** Every table of `level + 1` whose key range overlaps the inputs' range. */
  readonly overlapping: readonly TableMeta[];
  /** True when no level below `level + 1` can hold any key in this compaction's range, so tombstones may go. */
  readonly dropTombstones: boolean;
}

/** A file failed its checksum or its framing: it was torn by a crash, or rewritten in place. */
export class CorruptionError extends Error {
  override readonly name = 'CorruptionError';
}

/** Keys are ordered by UTF-16 code unit, as JavaScript's `<` orders strings. */
export const compareKeys = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Does the table's key range meet [smallest, largest]? */
export const overlaps = (table: TableMeta, smallest: string, largest: string): boolean => !(table.largest < smallest || table.smallest > largest);

/** The tables of `tables` whose range meets [smallest, largest], in their order. */
export const overlapping = (tables: readonly TableMeta[], smallest: string, largest: string): TableMeta[] =>
  tables.filter((t) => overlaps(t, smallest, largest));

/** The smallest and largest key of a non-empty set of tables. */
export function keyRange(tables: readonly TableMeta[]): { smallest: string; largest: string } {
  if (tables.length === 0) throw new RangeError('keyRange: no tables');
  let smallest = tables[0]!.smallest;
  let largest = tables[0]!.largest;
  for (const t of tables) {
    if (t.smallest < smallest) smallest = t.smallest;
    if (t.largest > largest) largest = t.largest;
  }
  return { smallest, largest };
}

/** The total size of some tables, in bytes. */
export const totalBytes = (tables: readonly TableMeta[]): number => tables.reduce((sum, t) => sum + t.bytes, 0);

/** Level `level`'s size target in bytes: baseLevelBytes × fanout^(level − 1). L0 (counted in tables) and the bottom level have none. */
export function levelTarget(options: LsmOptions, level: number): number {
  if (level <= 0 || level >= options.levels - 1) return Infinity;
  return options.baseLevelBytes * options.fanout ** (level - 1);
}

export const tableFileName = (n: number): string => `${String(n).padStart(6, '0')}.sst`;
export const logFileName = (n: number): string => `${String(n).padStart(6, '0')}.log`;

// ---------------------------------------------------------------------------
// Bytes

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (IEEE), as zlib computes it. */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

class Writer {
  #bytes = new Uint8Array(256);
  #view = new DataView(this.#bytes.buffer);
  length = 0;

  #room(n: number): void {
    if (this.length + n <= this.#bytes.length) return;
    const grown = new Uint8Array(Math.max(this.#bytes.length * 2, this.length + n));
    grown.set(this.#bytes.subarray(0, this.length));
    this.#bytes = grown;
    this.#view = new DataView(grown.buffer);
  }
  u8(value: number): void {
    this.#room(1);
    this.#view.setUint8(this.length, value);
    this.length += 1;
  }
  u32(value: number): void {
    this.#room(4);
    this.#view.setUint32(this.length, value, true);
    this.length += 4;
  }
  raw(bytes: Uint8Array): void {
    this.#room(bytes.length);
    this.#bytes.set(bytes, this.length);
    this.length += bytes.length;
  }
  string(text: string): void {
    const bytes = encoder.encode(text);
    this.u32(bytes.length);
    this.raw(bytes);
  }
  done(): Uint8Array {
    return this.#bytes.slice(0, this.length);
  }
}

class Reader {
  #view: DataView;
  offset = 0;
  constructor(
    private readonly bytes: Uint8Array,
    private readonly what: string,
  ) {
    this.#view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  #need(n: number): void {
    if (this.offset + n > this.bytes.length) throw new CorruptionError(`${this.what}: truncated at byte ${this.offset}`);
  }
  u8(): number {
    this.#need(1);
    return this.#view.getUint8(this.offset++);
  }
  u32(): number {
    this.#need(4);
    const value = this.#view.getUint32(this.offset, true);
    this.offset += 4;
    return value;
  }
  raw(n: number): Uint8Array {
    this.#need(n);
    const out = this.bytes.subarray(this.offset, this.offset + n);
    this.offset += n;
    return out;
  }
  string(): string {
    const bytes = this.raw(this.u32());
    try {
      return decoder.decode(bytes);
    } catch {
      throw new CorruptionError(`${this.what}: invalid UTF-8 at byte ${this.offset - bytes.length}`);
    }
  }
}

function writeEntry(w: Writer, e: Entry): void {
  w.string(e.key);
  w.u32(e.seq);
  if (e.value === null) {
    w.u8(0);
  } else {
    w.u8(1);
    w.string(e.value);
  }
}

function readEntry(r: Reader): Entry {
  const key = r.string();
  const seq = r.u32();
  const kind = r.u8();
  if (kind === 0) return { key, seq, value: null };
  if (kind === 1) return { key, seq, value: r.string() };
  throw new CorruptionError(`bad entry kind ${kind}`);
}

/** The bytes one entry takes in a table or a log record: what `memtableBytes` and `targetFileBytes` count. */
export const entryBytes = (e: Entry): number => 4 + encoder.encode(e.key).length + 4 + 1 + (e.value === null ? 0 : 4 + encoder.encode(e.value).length);

// ---------------------------------------------------------------------------
// Tables: "SST1", entry count, the entries, then a CRC-32 of everything before it.

const TABLE_MAGIC = 0x31545353; // "SST1"

export function encodeTable(entries: readonly Entry[]): Uint8Array {
  const w = new Writer();
  w.u32(TABLE_MAGIC);
  w.u32(entries.length);
  for (const e of entries) writeEntry(w, e);
  const body = w.done();
  w.u32(crc32(body));
  return w.done();
}

export function decodeTable(bytes: Uint8Array, name = 'table'): Entry[] {
  if (bytes.length < 12) throw new CorruptionError(`${name}: ${bytes.length} bytes is too short for a table`);
  const body = bytes.subarray(0, bytes.length - 4);
  const stored = new DataView(bytes.buffer, bytes.byteOffset + bytes.length - 4, 4).getUint32(0, true);
  if (crc32(body) !== stored) throw new CorruptionError(`${name}: checksum mismatch (torn or overwritten)`);
  const r = new Reader(body, name);
  if (r.u32() !== TABLE_MAGIC) throw new CorruptionError(`${name}: not a table`);
  const count = r.u32();
  const entries: Entry[] = [];
  for (let i = 0; i < count; i++) entries.push(readEntry(r));
  return entries;
}

/**
 * Writes `entries` as table `file` and returns its metadata. The entries must
 * be sorted by key, one per key, and not empty. The file is written but NOT
 * synced: a crash can still tear it until you call `storage.sync(file)`.
 */
export function writeTable(storage: Storage, file: string, entries: readonly Entry[]): TableMeta {
  if (entries.length === 0) throw new RangeError(`writeTable(${file}): a table holds at least one entry`);
  for (let i = 1; i < entries.length; i++) {
    if (!(entries[i - 1]!.key < entries[i]!.key)) {
      throw new RangeError(
        `writeTable(${file}): entries must be sorted by key, one per key; entry ${i} (${JSON.stringify(entries[i]!.key)}) follows ${JSON.stringify(entries[i - 1]!.key)}`,
      );
    }
  }
  const bytes = encodeTable(entries);
  storage.write(file, bytes);
  return {
    file,
    smallest: entries[0]!.key,
    largest: entries[entries.length - 1]!.key,
    bytes: bytes.length,
    entries: entries.length,
    maxSeq: entries.reduce((max, e) => Math.max(max, e.seq), 0),
  };
}

/** Reads a table's entries (sorted by key, one per key). Throws if the file is missing or corrupt. */
export function readTable(storage: Storage, file: string): Entry[] {
  const bytes = storage.read(file);
  if (bytes === undefined) throw new CorruptionError(`${file}: the manifest lists it but it is not on disk`);
  return decodeTable(bytes, file);
}

// ---------------------------------------------------------------------------
// Log records: length, CRC-32, then one entry. A torn tail fails its check and ends the log.

export function encodeLogRecord(e: Entry): Uint8Array {
  const body = new Writer();
  writeEntry(body, e);
  const payload = body.done();
  const w = new Writer();
  w.u32(payload.length);
  w.u32(crc32(payload));
  w.raw(payload);
  return w.done();
}

/** The log's records up to the first one that is torn or corrupt, and how many bytes they take. */
export function decodeLog(bytes: Uint8Array): { entries: Entry[]; validBytes: number } {
  const entries: Entry[] = [];
  let offset = 0;
  while (offset + 8 <= bytes.length) {
    const view = new DataView(bytes.buffer, bytes.byteOffset + offset, 8);
    const length = view.getUint32(0, true);
    const crc = view.getUint32(4, true);
    if (offset + 8 + length > bytes.length) break;
    const payload = bytes.subarray(offset + 8, offset + 8 + length);
    if (crc32(payload) !== crc) break;
    try {
      entries.push(readEntry(new Reader(payload, 'log record')));
    } catch {
      break;
    }
    offset += 8 + length;
  }
  return { entries, validBytes: offset };
}

// ---------------------------------------------------------------------------
// The manifest: "MAN1", length, CRC-32, then the version as JSON.

const MANIFEST_MAGIC = 0x314e414d; // "MAN1"

export function encodeManifest(version: Version): Uint8Array {
  const w = new Writer();
  const json = encoder.encode(JSON.stringify(version));
  w.u32(MANIFEST_MAGIC);
  w.u32(json.length);
  w.u32(crc32(json));
  w.raw(json);
  return w.done();
}

/** The version a manifest holds. Throws a CorruptionError if the bytes are torn or not a manifest. */
export function decodeManifest(bytes: Uint8Array, name = 'manifest'): Version {
  const r = new Reader(bytes, name);
  if (bytes.length < 12 || r.u32() !== MANIFEST_MAGIC) throw new CorruptionError(`${name}: not a manifest (${bytes.length} bytes)`);
  const length = r.u32();
  const crc = r.u32();
  const json = r.raw(length);
  if (r.offset !== bytes.length) throw new CorruptionError(`${name}: ${bytes.length - r.offset} bytes after the manifest`);
  if (crc32(json) !== crc) throw new CorruptionError(`${name}: checksum mismatch (torn or overwritten)`);
  return JSON.parse(decoder.decode(json)) as Version;
}
