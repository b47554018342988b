/**
 * A node's simulated disk, and what a crash does to it.
 *
 * Fault model:
 * - File contents written since the file's last `sync` are volatile. On a crash:
 *   - a file only appended to since its last sync keeps a random prefix of
 *     the unsynced bytes (none, some or all of them): a torn append;
 *   - a file rewritten (`write`) since its last sync either reverts to its
 *     synced contents, keeps all of the new contents, or keeps only a prefix
 *     of them (possibly none: the truncation landed, the data did not), as
 *     ext4 left zero-length files after a crash when programs rewrote a file
 *     in place without fsync. Rewriting a file in place is never atomic.
 * - Directory operations (create, remove, rename) since the last
 *   `syncDirectory` are volatile. On a crash, a random prefix of them survives,
 *   in order, as a journaling file system keeps them: a file created since
 *   the last directory sync may vanish; a removed one may come back; a rename
 *   happens or not, never half.
 * - What was synced (contents by `sync`, names by `syncDirectory`) is never lost.
 * - Nothing is lost without a crash: reads always see every write.
 *
 * The choices come from the `faults` stream the simulator passes in, so the
 * same seed loses the same bytes.
 */
import type { Rng } from '../rng';
import type { Storage } from './types';

class File {
  current: Uint8Array = new Uint8Array(0);
  synced: Uint8Array = new Uint8Array(0);
  /** True while every change since the last sync was an append. */
  appendOnly = true;
}

type DirectoryOp = { type: 'create'; name: string; file: File } | { type: 'remove'; name: string } | { type: 'rename'; from: string; to: string };

export interface CrashReport {
  /** Files whose unsynced appends were cut: unsynced bytes kept, of how many. */
  readonly torn: readonly { readonly name: string; readonly kept: number; readonly of: number }[];
  /** Files rewritten since their last sync, back to their synced contents. */
  readonly reverted: readonly string[];
  /** Files rewritten since their last sync that kept a prefix of the new contents: bytes kept, of how many. */
  readonly tornRewrites: readonly { readonly name: string; readonly kept: number; readonly of: number }[];
  /** Directory operations since the last directory sync that survived, of how many. */
  readonly directory: { readonly kept: number; readonly of: number };
  /** Names that existed before the crash and not after, and the converse. */
  readonly vanished: readonly string[];
  readonly reappeared: readonly string[];
}

const concat = (a: Uint8Array, b: Uint8Array): Uint8Array => {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
};

function checkName(name: unknown): asserts name is string {
  if (typeof name !== 'string' || name.length === 0) throw new TypeError(`sim: storage file names are non-empty strings, got ${String(name)}`);
}

function applyOp(directory: Map<string, File>, op: DirectoryOp): void {
  switch (op.type) {
    case 'create':
      directory.set(op.name, op.file);
      break;
    case 'remove':
      directory.delete(op.name);
      break;
    case 'rename': {
      const file = directory.get(op.from);
      if (file) {
        directory.delete(op.from);
        directory.set(op.to, file);
      }
      break;
    }
    default: {
      const unreachable: never = op;
      throw new Error(`sim: unknown directory operation ${JSON.stringify(unreachable)}`);
    }
  }
}

export class SimStorage implements Storage {
  /** What the node sees. */
  #files = new Map<string, File>();
  /** The directory as of the last syncDirectory. */
  #durable = new Map<string, File>();
  /** Directory operations since then, in order. */
  #pending: DirectoryOp[] = [];
  /** Deterministic cost counters (for tests and the trace), not a clock. */
  readonly stats = { syncs: 0, directorySyncs: 0, bytesWritten: 0 };

  constructor() {
    // A node gets this very object as ctx.storage: it must not be able to replace crash() or durableCopy() on it.
    Object.freeze(this);
  }

  list(): string[] {
    return [...this.#files.keys()].sort();
  }

  read(name: string): Uint8Array | undefined {
    return this.#files.get(name)?.current.slice();
  }

  append(name: string, bytes: Uint8Array): void {
    const file = this.#open(name);
    file.current = concat(file.current, bytes);
    this.stats.bytesWritten += bytes.length;
  }

  write(name: string, bytes: Uint8Array): void {
    const file = this.#open(name);
    file.current = bytes.slice();
    file.appendOnly = false;
    this.stats.bytesWritten += bytes.length;
  }

  remove(name: string): void {
    if (!this.#files.delete(name)) return;
    this.#pending.push({ type: 'remove', name });
  }

  rename(from: string, to: string): void {
    checkName(to);
    const file = this.#files.get(from);
    if (!file) throw new Error(`sim: cannot rename ${JSON.stringify(from)}: no such file`);
    if (from === to) return;
    this.#files.delete(from);
    this.#files.set(to, file);
    this.#pending.push({ type: 'rename', from, to });
  }

  sync(name: string): void {
    const file = this.#files.get(name);
    if (!file) throw new Error(`sim: cannot sync ${JSON.stringify(name)}: no such file`);
    file.synced = file.current.slice();
    file.appendOnly = true;
    this.stats.syncs++;
  }

  syncDirectory(): void {
    this.#durable = new Map(this.#files);
    this.#pending = [];
    this.stats.directorySyncs++;
  }

  #open(name: string): File {
    checkName(name);
    let file = this.#files.get(name);
    if (!file) {
      file = new File();
      this.#files.set(name, file);
      this.#pending.push({ type: 'create', name, file });
    }
    return file;
  }

  /**
   * A separate disk holding only what is durable now: what the worst crash at
   * this moment (every unsynced byte and directory operation lost) would
   * leave. This disk is unchanged.
   */
  durableCopy(): SimStorage {
    const copy = new SimStorage();
    for (const [name, file] of [...this.#durable].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const survivor = new File();
      survivor.current = file.synced.slice();
      survivor.synced = file.synced.slice();
      copy.#files.set(name, survivor);
    }
    copy.#durable = new Map(copy.#files);
    return copy;
  }

  /**
   * A separate disk in exactly this state, durable or not: what is unsynced
   * here is unsynced there, so the two can crash differently.
   */
  clone(): SimStorage {
    const copies = new Map<File, File>();
    const copy = (file: File): File => {
      let twin = copies.get(file);
      if (!twin) {
        twin = new File();
        twin.current = file.current.slice();
        twin.synced = file.synced.slice();
        twin.appendOnly = file.appendOnly;
        copies.set(file, twin);
      }
      return twin;
    };
    const twin = new SimStorage();
    twin.#files = new Map([...this.#files].map(([name, file]) => [name, copy(file)]));
    twin.#durable = new Map([...this.#durable].map(([name, file]) => [name, copy(file)]));
    twin.#pending = this.#pending.map((op) => (op.type === 'create' ? { ...op, file: copy(op.file) } : { ...op }));
    return twin;
  }

  /** Applies the crash fault model, drawing every choice from `rng`, and says what it did. */
  crash(rng: Rng): CrashReport {
    const before = this.list();
    const kept = rng.int(0, this.#pending.length);
    const directory = new Map(this.#durable);
    for (const op of this.#pending.slice(0, kept)) applyOp(directory, op);

    const torn: { name: string; kept: number; of: number }[] = [];
    const reverted: string[] = [];
    const tornRewrites: { name: string; kept: number; of: number }[] = [];
    const after = new Map<string, File>();
    for (const name of [...directory.keys()].sort()) {
      const file = directory.get(name)!;
      const survivor = new File();
      const unsynced = file.current.length - file.synced.length;
      if (file.appendOnly && unsynced > 0) {
        const keep = rng.int(0, unsynced);
        if (keep < unsynced) torn.push({ name, kept: keep, of: unsynced });
        survivor.current = file.current.slice(0, file.synced.length + keep);
      } else if (!file.appendOnly) {
        // Three outcomes, equally likely: the old contents, all of the new, or a torn prefix of the new.
        const outcome = rng.int(0, 2);
        if (outcome === 0) {
          reverted.push(name);
          survivor.current = file.synced.slice();
        } else {
          const of = file.current.length;
          const keep = outcome === 1 ? of : rng.int(0, Math.max(0, of - 1));
          if (keep < of) tornRewrites.push({ name, kept: keep, of });
          survivor.current = file.current.slice(0, keep);
        }
      } else {
        survivor.current = file.synced.slice();
      }
      survivor.synced = survivor.current.slice();
      after.set(name, survivor);
    }
    const report: CrashReport = {
      torn,
      reverted,
      tornRewrites,
      directory: { kept, of: this.#pending.length },
      vanished: before.filter((name) => !after.has(name)),
      reappeared: [...after.keys()].filter((name) => !before.includes(name)).sort(),
    };
    this.#files = after;
    this.#durable = new Map(after);
    this.#pending = [];
    return report;
  }
}

// Frozen, like every harness class learner code can import: a patched method must not change what a checker sees.
Object.freeze(SimStorage.prototype);
Object.freeze(SimStorage);
