/**
 * The reference replica: one append-only log of framed records (length,
 * checksum, JSON), synced after every append. A record is an item kept, a
 * hint kept, or a hint removed; replaying the log in order rebuilds the
 * maps. A crash can tear only the last record (every earlier one was
 * synced); opening a log with a torn tail rewrites it without that record,
 * through a synced temporary file and a rename, so that nothing is ever
 * appended after garbage. Opening any log makes it durable first: after a
 * crash of the process alone, its last record may be there but not synced.
 */
import type { NodeId, Storage } from '@faultline/harness';
import { compareVersions, type Hint, type Version, type Versioned } from './types';

const LOG = 'replica.log';
const TMP = 'replica.tmp';
const HEADER = 8;

type Entry =
  | { readonly t: 'item'; readonly key: string; readonly item: Versioned }
  | { readonly t: 'hint'; readonly home: NodeId; readonly key: string; readonly item: Versioned }
  | { readonly t: 'unhint'; readonly home: NodeId; readonly key: string };

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function checksum(bytes: Uint8Array): number {
  let h = 0x811c9dc5;
  for (const b of bytes) h = Math.imul(h ^ b, 0x01000193) >>> 0;
  return h;
}

function frame(entry: Entry): Uint8Array {
  const body = encoder.encode(JSON.stringify(entry));
  const out = new Uint8Array(HEADER + body.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, body.length);
  view.setUint32(4, checksum(body));
  out.set(body, HEADER);
  return out;
}

/** The whole records of a log, and whether bytes followed them that were not one. */
function records(bytes: Uint8Array): { entries: Entry[]; torn: boolean } {
  const entries: Entry[] = [];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 0;
  while (at + HEADER <= bytes.length) {
    const length = view.getUint32(at);
    if (at + HEADER + length > bytes.length) break;
    const body = bytes.subarray(at + HEADER, at + HEADER + length);
    if (checksum(body) !== view.getUint32(at + 4)) break;
    entries.push(JSON.parse(decoder.decode(body)) as Entry);
    at += HEADER + length;
  }
  return { entries, torn: at !== bytes.length };
}

function checkVersion(version: Version): void {
  const { counter, writer } = version;
  if (!Number.isSafeInteger(counter) || counter < 1) throw new RangeError(`replica: a version's counter must be a safe integer ≥ 1, got ${String(counter)}`);
  if (!Number.isSafeInteger(writer) || writer < 0) throw new RangeError(`replica: a version's writer must be a safe integer ≥ 0, got ${String(writer)}`);
}

function checkItem(item: Versioned): void {
  checkVersion(item.version);
}

const copy = (item: Versioned): Versioned => ({ value: item.value, version: { counter: item.version.counter, writer: item.version.writer } });
const hintKey = (home: NodeId, key: string): string => JSON.stringify([home, key]);

export class Replica {
  readonly #storage: Storage;
  readonly #items = new Map<string, Versioned>();
  readonly #hints = new Map<string, Hint>();
  /** Whether the log's name is known durable (it survived a crash, or a directory sync followed its creation). */
  #named: boolean;

  constructor(storage: Storage) {
    this.#storage = storage;
    const bytes = storage.read(LOG);
    this.#named = bytes !== undefined;
    if (bytes === undefined) return;
    const { entries, torn } = records(bytes);
    for (const entry of entries) this.#replay(entry);
    if (torn) {
      storage.write(TMP, concat(entries.map(frame)));
      storage.sync(TMP);
      storage.rename(TMP, LOG);
    } else {
      // After a crash of the process alone, what it had not synced is still here, and still not durable.
      storage.sync(LOG);
    }
    storage.syncDirectory();
  }

  item(key: string): Versioned | undefined {
    const item = this.#items.get(key);
    return item && copy(item);
  }

  offer(key: string, item: Versioned): boolean {
    checkItem(item);
    const held = this.#items.get(key);
    if (held !== undefined && compareVersions(item.version, held.version) <= 0) return false;
    this.#log({ t: 'item', key, item: copy(item) });
    return true;
  }

  hint(home: NodeId, key: string, item: Versioned): boolean {
    checkItem(item);
    const held = this.#hints.get(hintKey(home, key));
    if (held !== undefined && compareVersions(item.version, held.item.version) <= 0) return false;
    this.#log({ t: 'hint', home, key, item: copy(item) });
    return true;
  }

  hints(): Hint[] {
    return [...this.#hints.values()].map((h) => ({ home: h.home, key: h.key, item: copy(h.item) }));
  }

  removeHint(home: NodeId, key: string, version: Version): boolean {
    checkVersion(version);
    const held = this.#hints.get(hintKey(home, key));
    if (held === undefined || compareVersions(held.item.version, version) !== 0) return false;
    this.#log({ t: 'unhint', home, key });
    return true;
  }

  /** Appends the entry durably, then applies it. */
  #log(entry: Entry): void {
    this.#storage.append(LOG, frame(entry));
    this.#storage.sync(LOG);
    if (!this.#named) {
      this.#storage.syncDirectory();
      this.#named = true;
    }
    this.#replay(entry);
  }

  #replay(entry: Entry): void {
    switch (entry.t) {
      case 'item':
        this.#items.set(entry.key, entry.item);
        return;
      case 'hint':
        this.#hints.set(hintKey(entry.home, entry.key), { home: entry.home, key: entry.key, item: entry.item });
        return;
      case 'unhint':
        this.#hints.delete(hintKey(entry.home, entry.key));
        return;
      default: {
        const unreachable: never = entry;
        return unreachable;
      }
    }
  }
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
