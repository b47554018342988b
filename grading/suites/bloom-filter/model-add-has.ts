/**
 * The model-based test of task 2: sessions of adds, queries, index look-ups
 * and shape reads on one filter, checked step by step against OracleFilter.
 *
 * The caller behaves as real callers do: its keys are strings with lone
 * surrogates, plain byte arrays, views into larger buffers and Node Buffers;
 * it reuses a key's array as soon as the call returns; and it changes the
 * arrays `indexes` hands back. Shapes reach both ends of both ranges: 1 bit
 * and 2³² − 1 bits, 1 hash and 255.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { commands, type GradedContext } from '../../../harness/suite';
import { OracleFilter, describeKey, keyArb, oracleIndexes, viewOf, type BloomModule, type Key } from './support';

type Filter = InstanceType<BloomModule['BloomFilter']>;

interface Model {
  readonly oracle: OracleFilter;
  readonly pool: readonly Key[];
}
interface Real {
  readonly filter: Filter;
}

/** The caller's own copy of a pool key, of the same kind, so that a command may overwrite it. */
function callersCopy(key: Key): Key {
  if (typeof key === 'string') return key;
  if (Buffer.isBuffer(key)) return Buffer.from(key);
  const bytes = Uint8Array.from(key);
  return key.byteOffset > 0 ? viewOf(bytes, key.byteOffset, 3) : bytes;
}

/** A key's contents at this moment. */
const contents = (key: Key): string => (typeof key === 'string' ? key : Array.from(key).join(','));

abstract class KeyCommand implements fc.Command<Model, Real> {
  protected shown = '';

  constructor(readonly at: number) {}

  check(): boolean {
    return true;
  }

  protected key(m: Model, at = this.at): Key {
    return callersCopy(m.pool[at % m.pool.length]!);
  }

  abstract run(m: Model, r: Real): void;
  abstract toString(): string;
}

/** add(key), then the caller may reuse the key's array at once. */
class Add extends KeyCommand {
  constructor(
    at: number,
    readonly reuse: boolean,
  ) {
    super(at);
  }

  run(m: Model, r: Real): void {
    const key = this.key(m);
    this.shown = describeKey(key);
    const before = contents(key);
    r.filter.add(key);
    expect(contents(key), `add(${this.shown}) changed the bytes of the key it was given`).toBe(before);
    m.oracle.add(key);
    if (this.reuse && typeof key !== 'string') key.fill(0xff);
  }

  toString(): string {
    return `add(${this.shown || `key #${this.at}`})${this.reuse ? ', then the caller overwrote the key' : ''}`;
  }
}

class Has extends KeyCommand {
  run(m: Model, r: Real): void {
    const key = this.key(m);
    this.shown = describeKey(key);
    const before = contents(key);
    expect(r.filter.has(key), `has(${this.shown}), against the model`).toBe(m.oracle.has(key));
    expect(contents(key), `has(${this.shown}) changed the bytes of the key it was given`).toBe(before);
  }

  toString(): string {
    return `has(${this.shown || `key #${this.at}`})`;
  }
}

/** indexes(key), indexes(other), then the caller changes the first array and asks again. */
class Indexes extends KeyCommand {
  constructor(
    at: number,
    readonly otherAt: number,
  ) {
    super(at);
  }

  run(m: Model, r: Real): void {
    const key = this.key(m);
    const other = this.key(m, this.otherAt);
    this.shown = `${describeKey(key)}), indexes(${describeKey(other)}`;
    const { bits, hashes } = m.oracle;
    const expected = oracleIndexes(key, bits, hashes);
    const first = r.filter.indexes(key);
    expect(first, `indexes(${describeKey(key)}) with ${bits} bits and ${hashes} hashes`).toEqual(expected);
    r.filter.indexes(other);
    expect(first, `the array indexes(${describeKey(key)}) returned, after a later call of indexes(${describeKey(other)})`).toEqual(expected);
    first.fill(0);
    first.push(-1);
    expect(r.filter.indexes(key), `indexes(${describeKey(key)}) after the caller changed the array an earlier call returned`).toEqual(expected);
  }

  toString(): string {
    return `indexes(${this.shown || `key #${this.at}`})`;
  }
}

class Shape implements fc.Command<Model, Real> {
  check(): boolean {
    return true;
  }

  run(m: Model, r: Real): void {
    for (let read = 1; read <= 2; read++) {
      expect({ bits: r.filter.bits, hashes: r.filter.hashes }, `the filter's shape, read ${read}`).toEqual({ bits: m.oracle.bits, hashes: m.oracle.hashes });
    }
  }

  toString(): string {
    return 'bits, hashes (read twice)';
  }
}

/** Shapes from 1 bit to 2²⁰, and from 1 hash to 255. */
const sessionShapeArb = fc.record({
  bits: fc.oneof(fc.integer({ min: 1, max: 64 }), fc.integer({ min: 65, max: 1 << 20 })),
  hashes: fc.oneof(fc.integer({ min: 1, max: 16 }), fc.integer({ min: 250, max: 255 })),
});

/**
 * The top of the bits range, where an index no longer fits a signed 32-bit integer: a few short sessions only,
 * as every add there touches a page of a bit array of up to 512 MiB.
 */
const wideShapeArb = fc.record({
  bits: fc.oneof(fc.integer({ min: 2 ** 31 + 2 ** 30, max: 2 ** 31 + 2 ** 30 + 2 }), fc.integer({ min: 2 ** 32 - 3, max: 2 ** 32 - 1 })),
  hashes: fc.integer({ min: 1, max: 4 }),
});

const commandArbs = [
  fc.tuple(fc.nat(), fc.boolean()).map(([at, reuse]) => new Add(at, reuse)),
  fc.nat().map((at) => new Has(at)),
  fc.tuple(fc.nat(), fc.nat()).map(([at, otherAt]) => new Indexes(at, otherAt)),
  fc.constant(new Shape()),
];

function sessions(BloomFilter: BloomModule['BloomFilter'], shapes: fc.Arbitrary<{ bits: number; hashes: number }>, maxCommands: number, shrink: boolean) {
  const session = fc.tuple(shapes, fc.array(keyArb, { minLength: 1, maxLength: 8 }), commands(commandArbs, { maxCommands }));
  // A wide filter costs a fresh bit array of up to 512 MiB per run: its failures are reported as found, unshrunk.
  return fc.property(shrink ? session : fc.noShrink(session), ([{ bits, hashes }, pool, commands]) => {
    const filter = new BloomFilter(bits, hashes);
    const model: Model = { oracle: new OracleFilter(bits, hashes), pool };
    fc.modelRun(() => ({ model, real: { filter } }), commands);
    for (const key of pool) expect(filter.has(key), `has(${describeKey(key)}) at the end of the session, against the model`).toBe(model.oracle.has(key));
  });
}

export function checkAddHasSessions(BloomFilter: BloomModule['BloomFilter'], t: GradedContext): void {
  t.check(sessions(BloomFilter, sessionShapeArb, 30, true), { numRuns: 50 });
  t.check(sessions(BloomFilter, wideShapeArb, 10, false), { numRuns: 4 });
}
