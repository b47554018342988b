/**
 * The model-based test of task 4: sessions of adds, serialisations, reloads
 * and queries, each checked against a set of bit positions written out field
 * by field (`formatBytes`).
 *
 * The caller owns every array on its side: it scribbles over what `toBytes`
 * returned, and over what it gave `fromBytes` (header included) as soon as the
 * call returns; it hands `fromBytes` its own arrays, views into larger buffers
 * and Node Buffers. A reloaded filter carries on from there, and the one it
 * came from must stay as it was. The model's bits come from your own
 * `indexes`, so a task 2 mistake costs no points here.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { commands, type GradedContext } from '../../../harness/suite';
import { describeKey, expectSameBytes, formatBytes, keyArb, viewOf, type BloomModule, type Key } from './support';

type BloomFilterClass = BloomModule['BloomFilter'];
type Filter = InstanceType<BloomFilterClass>;

interface Model {
  set: Set<number>;
  readonly bits: number;
  readonly hashes: number;
  readonly pool: readonly Key[];
  readonly positions: (i: number) => readonly number[];
}
interface Real {
  readonly BloomFilter: BloomFilterClass;
  filter: Filter;
  /** Filters a reload replaced, each with the bits it had then: they must keep them. */
  readonly retired: { readonly filter: Filter; readonly set: ReadonlySet<number> }[];
}

type Scribble = 'none' | 'zeros' | 'ones' | 'reverse';
const scribble = (bytes: Uint8Array, how: Scribble): void => {
  if (how === 'zeros') bytes.fill(0);
  else if (how === 'ones') bytes.fill(0xff);
  else if (how === 'reverse') bytes.reverse();
};

class Add implements fc.Command<Model, Real> {
  private shown = '';

  constructor(readonly keyAt: number) {}

  check(): boolean {
    return true;
  }

  run(m: Model, r: Real): void {
    const k = this.keyAt % m.pool.length;
    this.shown = `add(${describeKey(m.pool[k]!)})`;
    r.filter.add(m.pool[k]!);
    for (const i of m.positions(k)) m.set.add(i);
  }

  toString(): string {
    return this.shown || `add(key #${this.keyAt})`;
  }
}

class Has implements fc.Command<Model, Real> {
  private shown = '';

  constructor(readonly keyAt: number) {}

  check(): boolean {
    return true;
  }

  run(m: Model, r: Real): void {
    const k = this.keyAt % m.pool.length;
    this.shown = `has(${describeKey(m.pool[k]!)})`;
    expect(r.filter.has(m.pool[k]!), `${this.shown}, against the model`).toBe(m.positions(k).every((i) => m.set.has(i)));
  }

  toString(): string {
    return this.shown || `has(key #${this.keyAt})`;
  }
}

/** toBytes(), checked byte for byte; then the caller scribbles over the array. */
class ToBytes implements fc.Command<Model, Real> {
  constructor(readonly then: Scribble) {}

  check(): boolean {
    return true;
  }

  run(m: Model, r: Real): void {
    const bytes = r.filter.toBytes();
    expectSameBytes(bytes, formatBytes(m.bits, m.hashes, m.set), `toBytes() of ${m.bits} bits × ${m.hashes} hashes with ${m.set.size} bits set`);
    scribble(bytes, this.then);
  }

  toString(): string {
    return `toBytes()${this.then === 'none' ? '' : `, then the caller overwrote it (${this.then})`}`;
  }
}

/** f = fromBytes(f.toBytes()), through the caller's own array, a view or a Buffer; then the caller may scribble over its input. */
class Reload implements fc.Command<Model, Real> {
  constructor(
    readonly via: 'array' | 'view' | 'buffer',
    readonly offset: number,
    readonly then: Scribble,
  ) {}

  check(): boolean {
    return true;
  }

  run(m: Model, r: Real): void {
    const bytes = r.filter.toBytes();
    const input = this.via === 'array' ? bytes : this.via === 'view' ? viewOf(bytes, this.offset, 5) : Buffer.from(bytes);
    const filter = r.BloomFilter.fromBytes(input);
    scribble(input, this.then);
    for (let read = 1; read <= 2; read++) {
      expect({ bits: filter.bits, hashes: filter.hashes }, `the shape of fromBytes(${this.via}), read ${read}`).toEqual({ bits: m.bits, hashes: m.hashes });
    }
    r.retired.push({ filter: r.filter, set: new Set(m.set) });
    r.filter = filter;
  }

  toString(): string {
    const via = this.via === 'view' ? `a view at byte offset ${this.offset}` : this.via === 'buffer' ? 'a Buffer' : 'the array itself';
    return `f = fromBytes(f.toBytes()) through ${via}${this.then === 'none' ? '' : `, then the caller overwrote its input (${this.then})`}`;
  }
}

const scribbleArb = fc.constantFrom<Scribble>('none', 'zeros', 'ones', 'reverse');
const commandArbs = [
  fc.nat().map((k) => new Add(k)),
  fc.nat().map((k) => new Has(k)),
  scribbleArb.map((then) => new ToBytes(then)),
  fc
    .tuple(fc.constantFrom('array' as const, 'view' as const, 'buffer' as const), fc.integer({ min: 1, max: 15 }), scribbleArb)
    .map(([via, offset, then]) => new Reload(via, offset, then)),
];

/** Every kind of last byte: 1 to 64 bits (every padding width), and up to 4 096; from 1 hash to 255. */
const shapeArb = fc.record({
  bits: fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 1, max: 64 }) }, { weight: 1, arbitrary: fc.integer({ min: 65, max: 4096 }) }),
  hashes: fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 1, max: 8 }) }, { weight: 1, arbitrary: fc.integer({ min: 250, max: 255 }) }),
});

export function checkByteSessions(BloomFilter: BloomFilterClass, t: GradedContext): void {
  t.check(
    fc.property(shapeArb, fc.array(keyArb, { minLength: 1, maxLength: 8 }), commands(commandArbs, { maxCommands: 25 }), ({ bits, hashes }, pool, commands) => {
      const scratch = new BloomFilter(bits, hashes);
      const cache = new Map<number, readonly number[]>();
      const positions = (i: number): readonly number[] => {
        if (!cache.has(i)) cache.set(i, [...scratch.indexes(pool[i]!)]);
        return cache.get(i)!;
      };
      const model: Model = { set: new Set(), bits, hashes, pool, positions };
      const real: Real = { BloomFilter, filter: new BloomFilter(bits, hashes), retired: [] };
      fc.modelRun(() => ({ model, real }), commands);
      expectSameBytes(real.filter.toBytes(), formatBytes(bits, hashes, model.set), 'toBytes() at the end of the session');
      real.retired.forEach(({ filter, set }, i) => {
        expectSameBytes(filter.toBytes(), formatBytes(bits, hashes, set), `toBytes() of the filter reload ${i + 1} replaced, at the end of the session`);
      });
    }),
    { numRuns: 80 },
  );
}
