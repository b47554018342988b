/**
 * Quorum replication, the replica's disk — your file. Keep the exports and
 * their signatures.
 *
 * A replica keeps, per key, the newest version it was given, and, when it
 * serves as a fallback, hints for home replicas that were down (task 3).
 * Everything it keeps is durable when the call that changed it returns: a
 * node acknowledges a store only once it is on disk, so a crash right after
 * the acknowledgement loses nothing [QR-1.6].
 *
 * The disk is `storage` (README, "The disk"): only what `sync` and
 * `syncDirectory` made durable survives a crash, and a crash can come before
 * any call.
 */
import type { NodeId, Storage } from '@faultline/harness';
import type { Hint, Version, Versioned } from './types';
import { compareVersions } from './types';

const STATE = 'replica.json';
const TEMP = 'replica.json.tmp';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function checkVersion(version: Version, what: string): void {
  if (version === null || typeof version !== 'object') throw new RangeError(`${what}: a version must be an object`);
  const { counter, writer } = version;
  if (typeof counter !== 'number' || !Number.isSafeInteger(counter) || counter < 1)
    throw new RangeError(`${what}: a version's counter must be a safe integer ≥ 1, got ${String(counter)}`);
  if (typeof writer !== 'number' || !Number.isSafeInteger(writer) || writer < 0)
    throw new RangeError(`${what}: a version's writer must be a safe integer ≥ 0, got ${String(writer)}`);
}

function checkItem(item: Versioned, what: string): void {
  if (item === null || typeof item !== 'object') throw new RangeError(`${what}: an item must be an object`);
  if (typeof item.value !== 'string') throw new RangeError(`${what}: an item's value must be a string`);
  checkVersion(item.version, what);
}

function copyItem(item: Versioned): Versioned {
  return { value: item.value, version: { counter: item.version.counter, writer: item.version.writer } };
}

function hintKey(home: NodeId, key: string): string {
  return JSON.stringify([home, key]);
}

type Row = [string, string, number, number];
type HintRow = [string, string, string, number, number];

export class Replica {
  readonly #storage: Storage;
  readonly #items = new Map<string, Versioned>();
  readonly #hints = new Map<string, Hint>();

  /**
   * [QR-1.6] Opens the replica on `storage`: empty on an empty disk, and
   * after a crash holding every item and hint that a returned call had made
   * durable.
   */
  constructor(storage: Storage) {
    this.#storage = storage;
    const bytes = storage.read(STATE);
    if (bytes !== undefined && bytes.length > 0) {
      const state = JSON.parse(decoder.decode(bytes)) as { items: Row[]; hints: HintRow[] };
      for (const [key, value, counter, writer] of state.items) this.#items.set(key, { value, version: { counter, writer } });
      for (const [home, key, value, counter, writer] of state.hints)
        this.#hints.set(hintKey(home, key), { home, key, item: { value, version: { counter, writer } } });
      // After a crash of the process alone, what was found may not be durable yet.
      storage.sync(STATE);
      storage.syncDirectory();
    }
  }

  /** [QR-1.5] The item kept for `key`, or undefined. Hints are not items. */
  item(key: string): Versioned | undefined {
    const item = this.#items.get(key);
    return item === undefined ? undefined : copyItem(item);
  }

  /**
   * [QR-1.5] Keeps `item` for `key` if its version is newer than the one
   * kept (or none is), and returns whether it did; an older or equal
   * version changes nothing. [QR-1.6] Durable when it returns.
   * [QR-0.1] An item whose counter is not a safe integer ≥ 1, or whose
   * writer is not a safe integer ≥ 0, is a RangeError, and nothing changes.
   */
  offer(key: string, item: Versioned): boolean {
    checkItem(item, 'Replica.offer');
    const held = this.#items.get(key);
    if (held !== undefined && compareVersions(item.version, held.version) <= 0) return false;
    this.#items.set(key, copyItem(item));
    this.#persist();
    return true;
  }

  /**
   * [QR-3.2] Keeps `item` as the hint for (`home`, `key`) if its version is
   * newer than the hint kept for that pair (or none is), and returns whether
   * it did. Never touches `item(key)`. Durable when it returns; bad items
   * refused as `offer` refuses them.
   */
  hint(home: NodeId, key: string, item: Versioned): boolean {
    checkItem(item, 'Replica.hint');
    const id = hintKey(home, key);
    const held = this.#hints.get(id);
    if (held !== undefined && compareVersions(item.version, held.item.version) <= 0) return false;
    this.#hints.set(id, { home, key, item: copyItem(item) });
    this.#persist();
    return true;
  }

  /** [QR-3.2] Every hint kept, one per (home, key), as new objects in a new array, in any order. */
  hints(): Hint[] {
    return [...this.#hints.values()].map((h) => ({ home: h.home, key: h.key, item: copyItem(h.item) }));
  }

  /**
   * [QR-3.3] Removes the hint for (`home`, `key`) if it holds exactly
   * `version`, and returns whether it did: a newer hint that arrived since
   * is kept. Durable when it returns.
   */
  removeHint(home: NodeId, key: string, version: Version): boolean {
    checkVersion(version, 'Replica.removeHint');
    const id = hintKey(home, key);
    const held = this.#hints.get(id);
    if (held === undefined || compareVersions(held.item.version, version) !== 0) return false;
    this.#hints.delete(id);
    this.#persist();
    return true;
  }

  /** Replaces the state file atomically: a new file, synced, renamed over the old, and the rename synced. */
  #persist(): void {
    const items: Row[] = [...this.#items].map(([key, it]) => [key, it.value, it.version.counter, it.version.writer]);
    const hints: HintRow[] = [...this.#hints.values()].map((h) => [h.home, h.key, h.item.value, h.item.version.counter, h.item.version.writer]);
    this.#storage.write(TEMP, encoder.encode(JSON.stringify({ items, hints })));
    this.#storage.sync(TEMP);
    this.#storage.rename(TEMP, STATE);
    this.#storage.syncDirectory();
  }
}
