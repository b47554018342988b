/**
 * The model-based tests of the ring and of rendezvous hashing: sessions of
 * adds, removes, owners, preference lists and node lists on one placement,
 * each checked against its oracle (support.ts) as it happens.
 *
 * The caller behaves as real callers do: it changes the options object after
 * the constructor read it, and it sorts, pushes onto and overwrites every
 * array it gets back. Refused calls (a node added twice, a node removed that
 * is not there, a lookup with no nodes) are part of the session, and the
 * placement must be unchanged after each. Rings reach both ends of both
 * ranges: 1 and 1024 virtual nodes, weights 1 and 64; rendezvous weights
 * reach 2⁻²⁰ and 2²⁰.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { commands, expectRangeError, type GradedContext } from '../../../harness/suite';
import { OracleRendezvous, OracleRing, hashArb, keyArb, nodeIdArb, rendezvousWeightArb, type HashFn, type Placement, type RendezvousModule, type RingModule } from './support';

/** What the two oracles share. */
interface Oracle {
  readonly members: ReadonlyMap<string, number>;
  add(node: string, weight: number): void;
  remove(node: string): void;
  nodes(): string[];
  owner(key: string): string;
  preferenceList(key: string, n: number): string[];
}

interface Model {
  readonly oracle: Oracle;
  readonly ids: readonly string[];
  readonly keys: readonly string[];
}
interface Real {
  readonly placement: Placement;
}

/** Spoils an array the caller got back, the ways callers do: reordered, grown, overwritten. */
function spoil(list: string[]): void {
  list.reverse();
  list.push('not a node');
  list[0] = 'overwritten';
}

class Add implements fc.Command<Model, Real> {
  constructor(
    readonly at: number,
    readonly weight: number,
  ) {}
  check(): boolean {
    return true;
  }
  run(m: Model, r: Real): void {
    const node = m.ids[this.at % m.ids.length]!;
    if (m.oracle.members.has(node)) {
      expectRangeError(`addNode(${JSON.stringify(node)}, ${this.weight}) when it is already placed`, () => r.placement.addNode(node, this.weight), 'node');
    } else {
      r.placement.addNode(node, this.weight);
      m.oracle.add(node, this.weight);
    }
  }
  toString(): string {
    return `addNode(#${this.at}, ${this.weight})`;
  }
}

class Remove implements fc.Command<Model, Real> {
  constructor(readonly at: number) {}
  check(): boolean {
    return true;
  }
  run(m: Model, r: Real): void {
    const node = m.ids[this.at % m.ids.length]!;
    if (m.oracle.members.has(node)) {
      r.placement.removeNode(node);
      m.oracle.remove(node);
    } else {
      expectRangeError(`removeNode(${JSON.stringify(node)}) when it is not placed`, () => r.placement.removeNode(node), 'node');
    }
  }
  toString(): string {
    return `removeNode(#${this.at})`;
  }
}

class Owner implements fc.Command<Model, Real> {
  constructor(readonly at: number) {}
  check(): boolean {
    return true;
  }
  run(m: Model, r: Real): void {
    const key = m.keys[this.at % m.keys.length]!;
    if (m.oracle.members.size === 0) expectRangeError(`owner(${JSON.stringify(key)}) with no nodes`, () => r.placement.owner(key), 'empty');
    else expect(r.placement.owner(key), `owner(${JSON.stringify(key)})`).toBe(m.oracle.owner(key));
  }
  toString(): string {
    return `owner(key #${this.at})`;
  }
}

class Preference implements fc.Command<Model, Real> {
  constructor(
    readonly at: number,
    readonly n: number,
  ) {}
  check(): boolean {
    return true;
  }
  run(m: Model, r: Real): void {
    const key = m.keys[this.at % m.keys.length]!;
    const call = `preferenceList(${JSON.stringify(key)}, ${this.n})`;
    if (m.oracle.members.size === 0) {
      expectRangeError(`${call} with no nodes`, () => r.placement.preferenceList(key, this.n), 'empty');
      return;
    }
    const expected = m.oracle.preferenceList(key, this.n);
    const got = r.placement.preferenceList(key, this.n);
    expect(got, call).toEqual(expected);
    spoil(got);
    expect(r.placement.preferenceList(key, this.n), `${call} again, after the caller changed the array the first call returned`).toEqual(expected);
  }
  toString(): string {
    return `preferenceList(key #${this.at}, ${this.n})`;
  }
}

class Nodes implements fc.Command<Model, Real> {
  check(): boolean {
    return true;
  }
  run(m: Model, r: Real): void {
    const got = r.placement.nodes();
    expect(got, 'nodes()').toEqual(m.oracle.nodes());
    spoil(got);
    expect(r.placement.nodes(), 'nodes() again, after the caller changed the array the first call returned').toEqual(m.oracle.nodes());
    if (m.oracle.members.size > 0) {
      const key = m.keys[0]!;
      expect(r.placement.owner(key), `owner(${JSON.stringify(key)}) after the caller changed what nodes() returned`).toBe(m.oracle.owner(key));
    }
  }
  toString(): string {
    return 'nodes()';
  }
}

function commandArbs(weight: fc.Arbitrary<number>) {
  return [
    fc.tuple(fc.nat(), weight).map(([at, w]) => new Add(at, w)),
    fc.nat().map((at) => new Remove(at)),
    fc.nat().map((at) => new Owner(at)),
    fc.tuple(fc.nat(), fc.oneof(fc.integer({ min: 1, max: 8 }), fc.constant(Number.MAX_SAFE_INTEGER))).map(([at, n]) => new Preference(at, n)),
    fc.constant(new Nodes()),
  ];
}

function sessions<S>(setup: fc.Arbitrary<S>, weight: fc.Arbitrary<number>, maxCommands: number, start: (setup: S, hash: HashFn) => { real: Placement; oracle: Oracle }) {
  return fc.property(
    setup,
    hashArb,
    fc.uniqueArray(nodeIdArb, { minLength: 1, maxLength: 6 }),
    fc.array(keyArb, { minLength: 1, maxLength: 6 }),
    commands(commandArbs(weight), { maxCommands }),
    (s, hash, ids, keys, cmds) => {
      const { real, oracle } = start(s, hash.fn);
      const model: Model = { oracle, ids, keys };
      fc.modelRun(() => ({ model, real: { placement: real } }), cmds);
    },
  );
}

/** A ring built from an options object the caller changes as soon as the ring has read it. */
function ringSession(Ring: RingModule['Ring'], vnodes: number, hash: HashFn) {
  const options: { vnodes: number; hash: HashFn } = { vnodes, hash };
  const real = new Ring(options);
  options.vnodes = vnodes === 1 ? 2 : 1;
  options.hash = () => 0;
  return { real, oracle: new OracleRing(vnodes, hash) };
}

export function checkRingSessions(Ring: RingModule['Ring'], t: GradedContext): void {
  const weight = fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 1, max: 3 }) }, { weight: 1, arbitrary: fc.constant(64) });
  t.check(sessions(fc.integer({ min: 1, max: 6 }), weight, 40, (vnodes, hash) => ringSession(Ring, vnodes, hash)), { numRuns: 60 });
  // The top of the vnodes range: 1024 virtual nodes a unit of weight, a few short sessions.
  t.check(sessions(fc.constant(1024), fc.constantFrom(1, 2), 12, (vnodes, hash) => ringSession(Ring, vnodes, hash)), { numRuns: 4 });
}

export function checkRendezvousSessions(Rendezvous: RendezvousModule['Rendezvous'], t: GradedContext): void {
  t.check(
    sessions(fc.constant(null), rendezvousWeightArb, 40, (_, hash) => {
      const options: { hash: HashFn } = { hash };
      const real = new Rendezvous(options);
      options.hash = () => 0;
      return { real, oracle: new OracleRendezvous(hash) };
    }),
    { numRuns: 80 },
  );
}
