/**
 * The model-based test of task 3: sessions of adds, unions, intersections and
 * queries over a growing set of filters of one shape, each checked against a
 * set of bit positions.
 *
 * The model's bits come from your own `indexes` (a filter of the same shape
 * that nothing else touches), so a task 2 mistake in the positions themselves
 * costs no points here. Operands may be the same filter (`a.union(a)`), or an
 * empty one; results are added to and combined again, and so are operands
 * after the fact: any storage a result shares with an operand shows.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { commands, type GradedContext } from '../../../harness/suite';
import { describeKey, keyArb, type BloomModule, type Key } from './support';

type Filter = InstanceType<BloomModule['BloomFilter']>;

interface Model {
  readonly sets: Set<number>[];
  readonly names: string[];
  readonly pool: readonly Key[];
  /** The positions of pool key i, by your own indexes. */
  readonly positions: (i: number) => readonly number[];
}
interface Real {
  readonly filters: Filter[];
}

const pick = (at: number, length: number): number => at % length;

class Add implements fc.Command<Model, Real> {
  private shown = '';

  constructor(
    readonly at: number,
    readonly keyAt: number,
  ) {}

  check(): boolean {
    return true;
  }

  run(m: Model, r: Real): void {
    const f = pick(this.at, r.filters.length);
    const k = pick(this.keyAt, m.pool.length);
    this.shown = `${m.names[f]}.add(${describeKey(m.pool[k]!)})`;
    r.filters[f]!.add(m.pool[k]!);
    for (const i of m.positions(k)) m.sets[f]!.add(i);
  }

  toString(): string {
    return this.shown || `add to filter #${this.at}`;
  }
}

class Combine implements fc.Command<Model, Real> {
  private shown = '';

  constructor(
    readonly operation: 'union' | 'intersect',
    readonly at: number,
    readonly otherAt: number,
  ) {}

  check(): boolean {
    return true;
  }

  run(m: Model, r: Real): void {
    const f = pick(this.at, r.filters.length);
    const g = pick(this.otherAt, r.filters.length);
    const name = `f${r.filters.length}`;
    this.shown = `${name} = ${m.names[f]}.${this.operation}(${m.names[g]})`;
    const a = r.filters[f]!;
    const b = r.filters[g]!;
    const result = a[this.operation](b);
    expect(result === a || result === b, `${this.shown} returned one of its operands, not a new filter`).toBe(false);
    expect({ bits: result.bits, hashes: result.hashes }, `the shape of ${this.shown}`).toEqual({ bits: a.bits, hashes: a.hashes });
    const [left, right] = [m.sets[f]!, m.sets[g]!];
    const set = this.operation === 'union' ? new Set([...left, ...right]) : new Set([...left].filter((i) => right.has(i)));
    r.filters.push(result);
    m.sets.push(set);
    m.names.push(name);
  }

  toString(): string {
    return this.shown || `${this.operation} of filters #${this.at} and #${this.otherAt}`;
  }
}

class Has implements fc.Command<Model, Real> {
  private shown = '';

  constructor(
    readonly at: number,
    readonly keyAt: number,
  ) {}

  check(): boolean {
    return true;
  }

  run(m: Model, r: Real): void {
    const f = pick(this.at, r.filters.length);
    const k = pick(this.keyAt, m.pool.length);
    this.shown = `${m.names[f]}.has(${describeKey(m.pool[k]!)})`;
    expect(r.filters[f]!.has(m.pool[k]!), `${this.shown}, against the model`).toBe(m.positions(k).every((i) => m.sets[f]!.has(i)));
  }

  toString(): string {
    return this.shown || `has on filter #${this.at}`;
  }
}

const commandArbs = [
  fc.tuple(fc.nat(), fc.nat()).map(([at, keyAt]) => new Add(at, keyAt)),
  fc.tuple(fc.constantFrom('union' as const, 'intersect' as const), fc.nat(), fc.nat()).map(([operation, at, otherAt]) => new Combine(operation, at, otherAt)),
  fc.tuple(fc.nat(), fc.nat()).map(([at, keyAt]) => new Has(at, keyAt)),
];

const shapeArb = fc.record({
  bits: fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 1, max: 300 }) }, { weight: 1, arbitrary: fc.integer({ min: 301, max: 4096 }) }),
  hashes: fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 1, max: 8 }) }, { weight: 1, arbitrary: fc.integer({ min: 250, max: 255 }) }),
});

export function checkCombineSessions(BloomFilter: BloomModule['BloomFilter'], t: GradedContext): void {
  t.check(
    fc.property(shapeArb, fc.array(keyArb, { minLength: 1, maxLength: 10 }), commands(commandArbs, { maxCommands: 30 }), ({ bits, hashes }, pool, commands) => {
      const scratch = new BloomFilter(bits, hashes);
      const cache = new Map<number, readonly number[]>();
      const positions = (i: number): readonly number[] => {
        if (!cache.has(i)) cache.set(i, [...scratch.indexes(pool[i]!)]);
        return cache.get(i)!;
      };
      const model: Model = { sets: [new Set(), new Set()], names: ['f0', 'f1'], pool, positions };
      const real: Real = { filters: [new BloomFilter(bits, hashes), new BloomFilter(bits, hashes)] };
      fc.modelRun(() => ({ model, real }), commands);
      real.filters.forEach((filter, f) => {
        pool.forEach((key, k) => {
          expect(filter.has(key), `${model.names[f]}.has(${describeKey(key)}) at the end of the session, against the model`).toBe(positions(k).every((i) => model.sets[f]!.has(i)));
        });
      });
    }),
    { numRuns: 80 },
  );
}
