/**
 * Storage faults beyond a crash, for the storage exercises. Suites import
 * this folder by path (`harness/storage`), not through `harness/index.ts`, so
 * an exercise that does not use it does not depend on it.
 *
 * Fault model, fault by fault:
 * - **Zero-filled tail** (`zeroFilled`, applied by a crash): a crash that
 *   tore a file's unsynced appends may also keep the file's new length
 *   without its bytes. The file then holds its synced bytes, the prefix of
 *   the unsynced bytes the crash kept, and zeros up to the length it had just
 *   before the crash (ext4 and XFS after a crash, with data not yet written;
 *   etcd#6515, rabbitmq/ra#284). Synced bytes are never zeroed.
 * - **A flipped bit** (`flipBit`): one bit of a file's synced bytes inverts,
 *   as a disk or a controller corrupts data at rest. Only a file with no
 *   unsynced bytes can be given one, so the flip is always in synced data.
 * - **A failing sync** (`FailingStorage`): one chosen `sync` or
 *   `syncDirectory` call throws an error whose `code` is `EIO`, and does
 *   nothing. What it should have made durable never becomes durable: after
 *   a failed sync of a file, every later `sync` of that file returns as if
 *   it succeeded and does nothing, as Linux drops the dirty pages and marks
 *   them clean ("fsyncgate", PostgreSQL 2018); after a failed
 *   `syncDirectory`, every later one does the same. Reads still see every
 *   write, until a crash.
 * Nothing else changes: without these calls, the disk behaves as
 * `SimStorage` says (harness/sim/storage.ts).
 */
import type { Rng } from '../rng';
import type { CrashReport, SimStorage } from '../sim/storage';
import type { Storage } from '../sim/types';

/** What a zero fill did: per file, the bytes of zeros appended after the kept prefix. */
export interface ZeroFill {
  readonly name: string;
  readonly zeros: number;
}

/**
 * The zero-filled tail, after `disk.crash(...)` returned `report`: for each
 * file whose unsynced appends were torn, `choose(file)` says whether the
 * lost bytes come back as zeros (true) or are gone (false). The zeros are
 * synced, like everything a crash leaves.
 */
export function zeroFilled(disk: SimStorage, report: CrashReport, choose: (torn: CrashReport['torn'][number]) => boolean): ZeroFill[] {
  const filled: ZeroFill[] = [];
  for (const torn of report.torn) {
    const zeros = torn.of - torn.kept;
    if (zeros === 0 || !choose(torn) || disk.read(torn.name) === undefined) continue;
    disk.append(torn.name, new Uint8Array(zeros));
    disk.sync(torn.name);
    filled.push({ name: torn.name, zeros });
  }
  return filled;
}

/** A zero fill drawn from `rng`: each torn file is zero-filled or not, even odds. */
export const zeroFilledAtRandom = (disk: SimStorage, report: CrashReport, rng: Rng): ZeroFill[] => zeroFilled(disk, report, () => rng.int(0, 1) === 1);

/**
 * A new disk like `disk`, with bit `bit % 8` of byte `⌊bit / 8⌋` of file
 * `name` inverted. The file must exist with no unsynced bytes, under a name
 * the directory has made durable, so that the flip lands in synced data.
 */
export function flipBit(disk: SimStorage, name: string, bit: number): SimStorage {
  const current = disk.read(name);
  const durable = disk.durableCopy().read(name);
  if (current === undefined) throw new Error(`sim: flipBit: there is no file ${JSON.stringify(name)}`);
  if (durable === undefined || durable.length !== current.length || durable.some((b, i) => b !== current[i])) {
    throw new Error(`sim: flipBit: ${JSON.stringify(name)} holds bytes that are not durable; flip bits only in synced data (crash the disk first)`);
  }
  if (!Number.isSafeInteger(bit) || bit < 0 || bit >= current.length * 8) {
    throw new RangeError(`sim: flipBit: bit must be an integer in [0, ${current.length * 8 - 1}] for ${JSON.stringify(name)} of ${current.length} bytes, got ${bit}`);
  }
  const flipped = disk.clone();
  current[bit >> 3]! ^= 1 << (bit & 7);
  flipped.write(name, current);
  flipped.sync(name);
  return flipped;
}

/** The error a failing sync throws: a message, and `code: 'EIO'` as Node's fs errors have. */
export class StorageIoError extends Error {
  override readonly name = 'StorageIoError';
  readonly code = 'EIO';
  constructor(call: string) {
    super(`sim: EIO: ${call} failed: the disk reported an I/O error`);
  }
}
Object.freeze(StorageIoError.prototype);

/** Which sync call fails: the n-th (from 1) call of `sync` or `syncDirectory` made through the wrapper. */
export interface SyncFailure {
  readonly failAt: number;
}

/**
 * A Storage over `disk` whose `failAt`-th sync or syncDirectory call fails
 * with EIO, with the consequences the fault model above describes. Learner
 * code is handed this object: its state is private, and the instance and
 * class are frozen.
 */
export class FailingStorage implements Storage {
  readonly #disk: Storage;
  readonly #failAt: number;
  #syncCalls = 0;
  readonly #lost = new Set<string>();
  #directoryLost = false;
  #failure: { readonly call: string; readonly error: StorageIoError } | undefined;

  constructor(disk: Storage, failure: SyncFailure) {
    if (!Number.isSafeInteger(failure.failAt) || failure.failAt < 1) throw new RangeError(`sim: FailingStorage: failAt must be a positive integer, got ${failure.failAt}`);
    this.#disk = disk;
    this.#failAt = failure.failAt;
    Object.freeze(this);
  }

  /** The call that failed and the error it threw, once it has. */
  get failure(): { readonly call: string; readonly error: StorageIoError } | undefined {
    return this.#failure;
  }

  /** How many sync and syncDirectory calls were made through this wrapper. */
  get syncCalls(): number {
    return this.#syncCalls;
  }

  list(): string[] {
    return this.#disk.list();
  }
  read(name: string): Uint8Array | undefined {
    return this.#disk.read(name);
  }
  append(name: string, bytes: Uint8Array): void {
    this.#disk.append(name, bytes);
  }
  write(name: string, bytes: Uint8Array): void {
    this.#disk.write(name, bytes);
  }
  remove(name: string): void {
    this.#disk.remove(name);
  }
  rename(from: string, to: string): void {
    this.#disk.rename(from, to);
  }
  sync(name: string): void {
    if (this.#fails(`sync ${name}`)) {
      this.#lost.add(name);
      throw this.#failure!.error;
    }
    if (this.#lost.has(name)) return;
    this.#disk.sync(name);
  }
  syncDirectory(): void {
    if (this.#fails('syncDirectory')) {
      this.#directoryLost = true;
      throw this.#failure!.error;
    }
    if (this.#directoryLost) return;
    this.#disk.syncDirectory();
  }

  #fails(call: string): boolean {
    this.#syncCalls++;
    if (this.#syncCalls !== this.#failAt) return false;
    this.#failure = { call, error: new StorageIoError(call) };
    return true;
  }
}
Object.freeze(FailingStorage.prototype);
Object.freeze(FailingStorage);
