/**
 * What the write-ahead log suite shares: the learner's modules, loaded
 * safely, records that are all different, disks written by the model, and
 * the assertions every file uses. The oracle is model.ts.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { SimStorage, type Storage } from '../../../harness';
import { describeThrown, gradedSuite, isPlainError } from '../../../harness/suite';
import { exerciseSpec } from '../../catalog';
import { encodeCheckpoint, segmentName } from '../../../exercises/write-ahead-log/format';
import { modelSegment } from './model';

export type WalModule = typeof import('@impl/write-ahead-log');
export type FramingModule = typeof import('@impl/write-ahead-log/framing');
export type FormatModule = typeof import('@impl/write-ahead-log/format');
export type WalLike = InstanceType<WalModule['Wal']>;
export type WalOptions = NonNullable<Parameters<WalModule['Wal']['open']>[1]>;

/** The log and the format module it uses (its CorruptionError and WalFailedError are the ones it throws). */
export type WalSuiteModule = WalModule & { readonly format: FormatModule };

const spec = exerciseSpec('write-ahead-log');
export const walSuite = () =>
  gradedSuite<WalSuiteModule>(spec, async () => ({ ...(await import('@impl/write-ahead-log')), format: await import('@impl/write-ahead-log/format') }));
export const framingSuite = () => gradedSuite<FramingModule>(spec, () => import('@impl/write-ahead-log/framing'));

/**
 * Record `lsn` of `size` bytes: its first bytes spell the LSN, so no two
 * records are alike and a record in the wrong place shows. `zeros` ends it
 * in zero bytes, the case a zero-filled tail can hide.
 */
export function record(lsn: number, size: number, zeros = false): Uint8Array {
  const out = new Uint8Array(size);
  for (let i = 0; i < size; i++) out[i] = zeros && i >= size / 2 ? 0 : (lsn * 31 + i * 7 + 1) & 0xff || 0x5a;
  if (size > 0) out[0] = lsn & 0xff;
  if (size > 1) out[1] = (lsn >> 8) & 0xff;
  return out;
}

/** Record sizes that land on every boundary a block of `blockBytes` has: empty, one byte, exactly the room, one more, a few blocks. */
export const sizeArb = (blockBytes: number) =>
  fc.oneof(
    fc.constantFrom(0, 1, blockBytes - 7, blockBytes - 6, blockBytes - 8, 2 * blockBytes - 14, 2 * blockBytes),
    fc.integer({ min: 0, max: 3 * blockBytes }),
  );

export const hex = (bytes: Uint8Array, max = 48): string => {
  const shown = Array.from(bytes.subarray(0, max), (b) => b.toString(16).padStart(2, '0')).join(' ');
  return bytes.length > max ? `${shown} … (${bytes.length} bytes)` : `${shown} (${bytes.length} bytes)`;
};

/** Asserts two lists of records are equal byte for byte, naming the first LSN that differs. */
export function expectRecords(actual: readonly Uint8Array[], expected: readonly Uint8Array[], what: string, firstLsn = 0): void {
  for (let i = 0; i < Math.min(actual.length, expected.length); i++) {
    const a = actual[i]!;
    const e = expected[i]!;
    if (a.length !== e.length || a.some((b, j) => b !== e[j])) {
      expect.fail(`${what}: record at LSN ${firstLsn + i} is ${hex(a)}, expected ${hex(e)}`);
    }
  }
  expect(actual.length, `${what}: the number of records (from LSN ${firstLsn})`).toBe(expected.length);
}

/** A disk holding segments written by the model, each synced and named durably, and a checkpoint if given. */
export function modelDisk(segments: readonly { readonly base: number; readonly records: readonly Uint8Array[]; readonly extra?: Uint8Array }[], blockBytes: number, checkpoint?: number): SimStorage {
  const disk = new SimStorage();
  for (const s of segments) {
    const bytes = modelSegment(s.records, blockBytes);
    disk.append(segmentName(s.base), s.extra === undefined ? bytes : Uint8Array.from([...bytes, ...s.extra]));
    disk.sync(segmentName(s.base));
  }
  if (checkpoint !== undefined) {
    disk.write('CHECKPOINT', encodeCheckpoint(checkpoint));
    disk.sync('CHECKPOINT');
  }
  disk.syncDirectory();
  return disk;
}

/** Every file and its bytes: a disk's whole state, to compare before and after. */
export const snapshot = (disk: Storage): string => disk.list().map((name) => `${name}: ${hex(disk.read(name)!, 4096)}`).join('\n');

/** A thrown value in a line: an Error's class name and message (read only when they are plain data), anything else described. */
export function describeError(value: unknown): string {
  if (!isPlainError(value)) return describeThrown(value);
  let name = 'Error';
  for (let o: object | null = value; o !== null; o = Object.getPrototypeOf(o) as object | null) {
    const d = Object.getOwnPropertyDescriptor(o, 'name');
    if (d !== undefined) {
      if ('value' in d && typeof d.value === 'string') name = d.value;
      break;
    }
  }
  return `${name}: ${value.message.length > 300 ? `${value.message.slice(0, 300)}…` : value.message}`;
}

/** Calls `fn`, expecting a CorruptionError from the learner's format module naming `segment` and `offset`. */
export function expectCorruption(format: FormatModule, what: string, fn: () => unknown, segment: string, offset: number): void {
  let thrown: unknown;
  try {
    fn();
  } catch (error) {
    thrown = error;
  }
  if (thrown instanceof Error && thrown.name === 'NotImplementedError') throw thrown;
  if (!(thrown instanceof format.CorruptionError)) {
    expect.fail(`${what} should throw CorruptionError("${segment}", ${offset}), ${thrown === undefined ? 'but returned' : `but threw ${describeError(thrown)}`}`);
  }
  expect({ segment: thrown.segment, offset: thrown.offset }, `${what}: the CorruptionError's segment and offset`).toEqual({ segment, offset });
}

/** Opens a log, with a message that says where, when it throws. */
export function openLog(mod: WalModule, disk: Storage, options: WalOptions, where: string): ReturnType<WalModule['Wal']['open']> {
  try {
    return mod.Wal.open(disk, options);
  } catch (error) {
    if (error instanceof Error && error.name === 'NotImplementedError') throw error;
    throw new Error(`${where}: Wal.open threw ${describeError(error)}`, { cause: error });
  }
}

/** A Storage that counts the calls that change the disk, to prove a refused call made none. */
export class CountingStorage implements Storage {
  readonly calls: string[] = [];
  constructor(readonly disk: Storage) {}
  list = () => this.disk.list();
  read = (name: string) => this.disk.read(name);
  append = (name: string, bytes: Uint8Array) => (this.calls.push(`append ${name}`), this.disk.append(name, bytes));
  write = (name: string, bytes: Uint8Array) => (this.calls.push(`write ${name}`), this.disk.write(name, bytes));
  remove = (name: string) => (this.calls.push(`remove ${name}`), this.disk.remove(name));
  rename = (from: string, to: string) => (this.calls.push(`rename ${from}`), this.disk.rename(from, to));
  sync = (name: string) => (this.calls.push(`sync ${name}`), this.disk.sync(name));
  syncDirectory = () => (this.calls.push('syncDirectory'), this.disk.syncDirectory());
}
