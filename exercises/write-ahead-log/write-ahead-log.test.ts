/**
 * Visible tests: worked examples of the contract in README.md. The hidden
 * suite checks much more; these show the shape of each task.
 */
import { describe, expect, test } from 'vitest';
import { SimStorage } from '@faultline/harness';
import { Wal } from '@impl/write-ahead-log';
import { crc32c } from '@impl/write-ahead-log/crc32c';
import { RecordType, segmentName } from '@impl/write-ahead-log/format';
import { decodeSegment, encodeRecord } from '@impl/write-ahead-log/framing';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('task 1: framing', () => {
  test('a small record is one FULL fragment: CRC of type and payload, length, type, payload', () => {
    const framed = encodeRecord(bytes('hi'), 0, 32);
    const crc = crc32c(bytes('hi'), crc32c(Uint8Array.of(RecordType.Full)));
    expect([...framed]).toEqual([crc & 0xff, (crc >>> 8) & 0xff, (crc >>> 16) & 0xff, crc >>> 24, 2, 0, RecordType.Full, 0x68, 0x69]);
  });

  test('a record longer than the room in its block is split into FIRST and LAST, each in its own block', () => {
    // 32-byte blocks: the first fragment has 32 - 7 = 25 bytes of room, the second gets the other 15.
    const framed = encodeRecord(new Uint8Array(40).fill(7), 0, 32);
    expect(framed.length).toBe(32 + 7 + 15);
    expect(framed[6]).toBe(RecordType.First);
    expect(framed[32 + 6]).toBe(RecordType.Last);
  });

  test('decodeSegment reads back what encodeRecord wrote, and stops quietly at a torn write', () => {
    const segment = [...encodeRecord(bytes('one'), 0, 32)];
    segment.push(...encodeRecord(bytes('two'), segment.length, 32));
    const decoded = decodeSegment(Uint8Array.from(segment.slice(0, -1)), 32);
    expect(decoded.records.map((r) => new TextDecoder().decode(r))).toEqual(['one']);
    expect(decoded.end).toBe(10);
    expect(decoded.corruption).toBeNull();
  });
});

describe('task 2: recovery', () => {
  test('records synced before a power failure are all there after it', () => {
    const disk = new SimStorage();
    const { wal } = Wal.open(disk, { blockBytes: 32 });
    wal.append(bytes('alpha'));
    wal.append(bytes('beta'));
    expect(wal.sync()).toBe(2);
    wal.append(bytes('gamma')); // never synced: it may or may not survive
    const { wal: recovered, report } = Wal.open(disk.durableCopy(), { blockBytes: 32 });
    expect(report.nextLsn).toBe(2);
    expect(recovered.read(0).map((r) => new TextDecoder().decode(r))).toEqual(['alpha', 'beta']);
  });
});

describe('task 3: segments', () => {
  test('a record starts a new segment, named for its LSN, once the last one is full', () => {
    const disk = new SimStorage();
    // Each record is one FULL fragment of 7 + 10 = 17 bytes: after one, a segment holds 17 bytes, enough.
    const { wal } = Wal.open(disk, { blockBytes: 32, segmentBytes: 17 });
    for (const word of ['a', 'b', 'c']) wal.append(bytes(word.repeat(10)));
    expect(disk.list()).toEqual([segmentName(0), segmentName(1), segmentName(2)]);
  });
});
