/**
 * The model-based test of task 1: random sessions of every public method of
 * VectorClock over a growing pool of clocks, each checked against a Map of its
 * non-zero counters (support.ts's oracle).
 *
 * Clocks are built by `empty`, by `from` over every kind of iterable its
 * signature allows (an array, a Map, a Set, a generator read once, an object
 * with its own iterator), by `increment`, `merge` (also of a clock with
 * itself) and `deserialize`. Counters reach both ends of the range, 0 and
 * Number.MAX_SAFE_INTEGER. After every step the session checks the result,
 * every operand (unchanged), every getter read twice, and it vandalises what
 * the caller handed in or got back (the entries it built from, the arrays
 * `entries()` returned) to show that no clock shares them.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import type { GradedContext } from '../../../harness/suite';
import { type Clock, type ClockModule, type Counters, edgeCounterArb, expectRangeError, nodeIdArb, oracleCompare, oracleMerge, show, sortedEntries } from './support';

type Source = 'array' | 'map' | 'set' | 'generator' | 'iterable';
type Step =
  | { readonly kind: 'empty' }
  | { readonly kind: 'from'; readonly source: Source; readonly counters: readonly number[]; readonly order: number }
  | { readonly kind: 'increment'; readonly a: number; readonly node: number }
  | { readonly kind: 'merge'; readonly a: number; readonly b: number }
  | { readonly kind: 'compare'; readonly a: number; readonly b: number }
  | { readonly kind: 'get'; readonly a: number; readonly node: number }
  | { readonly kind: 'entries'; readonly a: number; readonly vandal: number }
  | { readonly kind: 'round trip'; readonly a: number };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.constant<Step>({ kind: 'empty' }),
  fc.record({
    kind: fc.constant('from' as const),
    source: fc.constantFrom<Source>('array', 'map', 'set', 'generator', 'iterable'),
    counters: fc.array(edgeCounterArb, { minLength: 0, maxLength: 5 }),
    order: fc.nat(),
  }),
  fc.record({ kind: fc.constant('increment' as const), a: fc.nat(), node: fc.nat() }),
  fc.record({ kind: fc.constant('merge' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ kind: fc.constant('compare' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ kind: fc.constant('get' as const), a: fc.nat(), node: fc.nat() }),
  fc.record({ kind: fc.constant('entries' as const), a: fc.nat(), vandal: fc.nat({ max: 4 }) }),
  fc.record({ kind: fc.constant('round trip' as const), a: fc.nat() }),
);

/** A session: a few node ids (plus one no clock ever counts) and the steps over them. */
export const sessionArb = fc.record({
  nodes: fc.uniqueArray(nodeIdArb, { minLength: 1, maxLength: 5 }),
  steps: fc.array(stepArb, { minLength: 1, maxLength: 40, size: 'max' }),
});

/** The iterable `from` is given, of the kind the step names. */
function sourceOf(kind: Source, entries: [string, number][]): Iterable<readonly [string, number]> {
  switch (kind) {
    case 'array':
      return entries;
    case 'map':
      return new Map(entries);
    case 'set':
      return new Set(entries);
    case 'generator':
      return (function* () {
        yield* entries;
      })();
    case 'iterable':
      return { [Symbol.iterator]: () => entries[Symbol.iterator]() };
    default: {
      const never: never = kind;
      throw new Error(`unknown source ${String(never)}`);
    }
  }
}

/** What a careless caller does to an array it was handed. */
function vandalise(entries: [string, number][], how: number): void {
  if (entries.length > 0) {
    entries[0]![1] = 424242;
    entries[entries.length - 1]![0] = 'vandal';
  }
  if (how % 2 === 0) entries.reverse();
  if (how >= 2) entries.push(['vandal', 7]);
  if (how === 4) entries.length = 0;
}

export function checkClockSessions(VectorClock: ClockModule['VectorClock'], t: GradedContext): void {
  t.check(
    fc.property(sessionArb, ({ nodes, steps }) => {
      const probes = [...new Set([...nodes, `${nodes.join('')}\u0000unseen`, 'vandal'])];
      const pool: { clock: Clock; model: Counters; name: string }[] = [];
      const log: string[] = [];
      /** The last few steps, for failure messages; rebuilt once per step, not per assertion. */
      let told = '';
      const tell = (line: string): void => {
        log.push(line);
        told = `\n  the session so far:\n    ${log.slice(-10).join('\n    ')}`;
      };
      const story = (): string => told;

      /** The clock's counters read every way the API offers, each read twice, against the model. */
      const expectClock = (clock: Clock, model: Counters, what: string): void => {
        const expected = sortedEntries(model);
        const counts = probes.map((node) => model.get(node) ?? 0);
        const want = { entries: expected, [`get() of ${JSON.stringify(probes)}`]: counts, serialize: JSON.stringify(expected) };
        const wanted = JSON.stringify(want);
        for (const read of ['first', 'second']) {
          const got = { entries: clock.entries(), [`get() of ${JSON.stringify(probes)}`]: probes.map((node) => clock.get(node)), serialize: clock.serialize() };
          // expect only on a difference: this runs thousands of times per test.
          if (JSON.stringify(got) !== wanted) expect(got, `${what}: entries(), get() and serialize(), read a ${read} time${story()}`).toEqual(want);
        }
      };
      const add = (clock: Clock, model: Counters, name: string): void => {
        expectClock(clock, model, name);
        pool.push({ clock, model, name });
      };
      add(VectorClock.empty(), new Map(), 'empty()');

      for (const step of steps) {
        const at = (i: number) => pool[i % pool.length]!;
        switch (step.kind) {
          case 'empty': {
            tell('c = VectorClock.empty()');
            add(VectorClock.empty(), new Map(), `clock #${pool.length}, VectorClock.empty()`);
            break;
          }
          case 'from': {
            const used = nodes.slice(0, step.counters.length);
            const entries = used.map((node, i): [string, number] => [node, step.counters[i]!]);
            for (let i = entries.length - 1; i > 0; i--) {
              const j = (step.order + i) % (i + 1);
              [entries[i], entries[j]] = [entries[j]!, entries[i]!];
            }
            const text = JSON.stringify(entries);
            tell(`c = VectorClock.from(${text}, given as ${step.source === 'iterable' ? 'an object with [Symbol.iterator]' : `a ${step.source}`})`);
            const source = sourceOf(step.source, entries);
            const clock = VectorClock.from(source);
            const model = new Map(entries.filter(([, n]) => n !== 0));
            // The caller reuses what it passed in: the clock must not see it.
            vandalise(entries, step.order % 5);
            if (source instanceof Map) source.set('vandal', 9).delete(used[0]!);
            if (source instanceof Set) source.clear();
            tell('  then the caller changes the entries it passed in');
            add(clock, model, `clock #${pool.length}, from(${text})`);
            break;
          }
          case 'increment': {
            const a = at(step.a);
            // Half the time a node the clock has, so that counters near the top are incremented too.
            const own = [...a.model.keys()];
            const node = step.node % 2 === 0 && own.length > 0 ? own[(step.node >> 1) % own.length]! : nodes[step.node % nodes.length]!;
            tell(`${a.name}.increment(${JSON.stringify(node)})`);
            const was = a.model.get(node) ?? 0;
            if (was === Number.MAX_SAFE_INTEGER) {
              // The README leaves the choice open: a RangeError naming the node, or the counter one higher, 2^53.
              let result: Clock | undefined;
              try {
                result = a.clock.increment(node);
              } catch {
                expectRangeError(`${a.name}.increment(${JSON.stringify(node)}) at Number.MAX_SAFE_INTEGER`, () => a.clock.increment(node));
              }
              if (result !== undefined) {
                for (const n of probes) {
                  expect(result.get(n), `${a.name}.increment(${JSON.stringify(node)}).get(${JSON.stringify(n)}), from Number.MAX_SAFE_INTEGER${story()}`).toBe(n === node ? 2 ** 53 : (a.model.get(n) ?? 0));
                }
              }
            } else {
              add(a.clock.increment(node), new Map(a.model).set(node, was + 1), `clock #${pool.length}, ${a.name}.increment(${JSON.stringify(node)})`);
            }
            expectClock(a.clock, a.model, `${a.name} after its increment (an operand never changes)`);
            break;
          }
          case 'merge': {
            const [a, b] = [at(step.a), at(step.b)];
            tell(`${a.name}.merge(${b.name})${a === b ? ' (a clock with itself)' : ''}`);
            add(a.clock.merge(b.clock), oracleMerge(a.model, b.model), `clock #${pool.length}, ${a.name}.merge(${b.name})`);
            expectClock(a.clock, a.model, `${a.name} after ${a.name}.merge(${b.name})`);
            expectClock(b.clock, b.model, `${b.name} after ${a.name}.merge(${b.name})`);
            break;
          }
          case 'compare': {
            const [a, b] = [at(step.a), at(step.b)];
            tell(`${a.name}.compare(${b.name})`);
            const expected = oracleCompare(a.model, b.model);
            for (const read of ['first', 'second']) {
              expect(a.clock.compare(b.clock), `${a.name} = ${show(a.model)}, ${b.name} = ${show(b.model)}: ${a.name}.compare(${b.name}), asked a ${read} time${story()}`).toBe(expected);
            }
            expectClock(a.clock, a.model, `${a.name} after ${a.name}.compare(${b.name})`);
            expectClock(b.clock, b.model, `${b.name} after ${a.name}.compare(${b.name})`);
            break;
          }
          case 'get': {
            const a = at(step.a);
            const node = probes[step.node % probes.length]!;
            tell(`${a.name}.get(${JSON.stringify(node)})`);
            expect(a.clock.get(node), `${a.name} = ${show(a.model)}: get(${JSON.stringify(node)})${story()}`).toBe(a.model.get(node) ?? 0);
            break;
          }
          case 'entries': {
            const a = at(step.a);
            tell(`${a.name}.entries(), then the caller changes the array it got`);
            vandalise(a.clock.entries(), step.vandal);
            expectClock(a.clock, a.model, `${a.name} after the caller changed what its entries() returned`);
            break;
          }
          case 'round trip': {
            const a = at(step.a);
            const text = a.clock.serialize();
            tell(`VectorClock.deserialize(${a.name}.serialize()), the text ${JSON.stringify(text)}`);
            add(VectorClock.deserialize(text), a.model, `clock #${pool.length}, deserialize(${JSON.stringify(text)})`);
            break;
          }
          default: {
            const never: never = step;
            throw new Error(`unknown step ${JSON.stringify(never)}`);
          }
        }
      }
      // Nothing done later changed a clock made earlier.
      for (const { clock, model, name } of pool) expectClock(clock, model, `${name}, at the end of the session`);
    }),
    { numRuns: 50 },
  );
}
