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
import { NotImplementedError, type NodeId, type Storage } from '@faultline/harness';
import type { Hint, Version, Versioned } from './types';
// Uncomment what you use:
// import { compareVersions } from './types';

export class Replica {
  /**
   * [QR-1.6] Opens the replica on `storage`: empty on an empty disk, and
   * after a crash holding every item and hint that a returned call had made
   * durable.
   */
  constructor(storage: Storage) {
    throw new NotImplementedError(`new Replica(${typeof storage})`);
  }

  /** [QR-1.5] The item kept for `key`, or undefined. Hints are not items. */
  item(key: string): Versioned | undefined {
    throw new NotImplementedError(`Replica.item(${JSON.stringify(key)})`);
  }

  /**
   * [QR-1.5] Keeps `item` for `key` if its version is newer than the one
   * kept (or none is), and returns whether it did; an older or equal
   * version changes nothing. [QR-1.6] Durable when it returns.
   * [QR-0.1] An item whose counter is not a safe integer ≥ 1, or whose
   * writer is not a safe integer ≥ 0, is a RangeError, and nothing changes.
   */
  offer(key: string, item: Versioned): boolean {
    throw new NotImplementedError(`Replica.offer(${JSON.stringify(key)}, …)`);
  }

  /**
   * [QR-3.2] Keeps `item` as the hint for (`home`, `key`) if its version is
   * newer than the hint kept for that pair (or none is), and returns whether
   * it did. Never touches `item(key)`. Durable when it returns; bad items
   * refused as `offer` refuses them.
   */
  hint(home: NodeId, key: string, item: Versioned): boolean {
    throw new NotImplementedError(`Replica.hint(${JSON.stringify(home)}, ${JSON.stringify(key)}, …)`);
  }

  /** [QR-3.2] Every hint kept, one per (home, key), as new objects in a new array, in any order. */
  hints(): Hint[] {
    throw new NotImplementedError('Replica.hints()');
  }

  /**
   * [QR-3.3] Removes the hint for (`home`, `key`) if it holds exactly
   * `version`, and returns whether it did: a newer hint that arrived since
   * is kept. Durable when it returns. [QR-0.1] A version out of range is a
   * RangeError, and nothing changes.
   */
  removeHint(home: NodeId, key: string, version: Version): boolean {
    throw new NotImplementedError(`Replica.removeHint(${JSON.stringify(home)}, ${JSON.stringify(key)}, ${JSON.stringify(version)})`);
  }
}
