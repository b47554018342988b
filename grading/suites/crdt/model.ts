/**
 * The suite's oracle: the README's rules written out the dumbest way that is
 * still obviously right, never the reference. Dots are strings, a context is
 * a prefix per replica plus a plain set of the rest, and the compact form is
 * worked out only when a state is handed out.
 */
import type { CausalContext, Dot, GCounterState, OrSetState, ReplicaId } from '../../../exercises/crdt/types';

/** Sorting by code units, the way `<` compares strings. */
const byCodeUnits = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);
const byDot = (x: Dot, y: Dot): number => byCodeUnits(x.replica, y.replica) || x.counter - y.counter;

/** One line per state, equal iff the states hold the same things (the order of keys and dots never matters). */
export function canonCounter(state: GCounterState): string {
  return JSON.stringify([...state].sort((x, y) => byCodeUnits(x[0], y[0])));
}

export function canonContext(context: CausalContext): string {
  return JSON.stringify({ vv: [...context.vv].sort((x, y) => byCodeUnits(x[0], y[0])), cloud: [...context.cloud].sort(byDot).map((d) => [d.replica, d.counter]) });
}

export function canonSet(state: OrSetState): string {
  const entries = [...state.entries].sort((x, y) => byCodeUnits(x[0], y[0])).map(([e, dots]) => [e, [...dots].sort(byDot).map((d) => [d.replica, d.counter])]);
  return `${JSON.stringify(entries)} ${canonContext(state.context)}`;
}

/** A short human form: {x: a1 b3 | vv a2 b1, cloud a4}. */
export function showSet(state: OrSetState): string {
  const dot = (d: Dot) => `${JSON.stringify(d.replica)}:${d.counter}`;
  const entries = [...state.entries].sort((x, y) => byCodeUnits(x[0], y[0])).map(([e, dots]) => `${JSON.stringify(e)}→[${[...dots].sort(byDot).map(dot).join(' ')}]`);
  const vv = [...state.context.vv].sort((x, y) => byCodeUnits(x[0], y[0])).map(([r, n]) => `${JSON.stringify(r)}:${n}`);
  return `{${entries.join(', ')} | vv ${vv.join(' ') || '∅'}, cloud ${[...state.context.cloud].sort(byDot).map(dot).join(' ') || '∅'}}`;
}

/** What is wrong with a state's shape (types.ts), or undefined. `compact` also asks for the compact form. */
export function shapeProblem(state: OrSetState, compact: boolean): string | undefined {
  if (!(state.entries instanceof Map) || !(state.context?.vv instanceof Map) || !Array.isArray(state.context.cloud)) return 'entries and vv must be Maps, cloud an array';
  const ctx = ModelContext.from(state.context);
  const seen = new Set<string>();
  for (const [e, dots] of state.entries) {
    if (!Array.isArray(dots) || dots.length === 0) return `element ${JSON.stringify(e)} has no dots`;
    for (const d of dots) {
      if (!Number.isSafeInteger(d.counter) || d.counter < 1) return `dot counter ${d.counter} under ${JSON.stringify(e)}`;
      const k = key(d);
      if (seen.has(k)) return `dot ${k} appears twice in the entries`;
      seen.add(k);
      if (!ctx.has(d)) return `dot ${k} under ${JSON.stringify(e)} is not in the context`;
    }
  }
  if (!compact) return undefined;
  for (const [r, n] of state.context.vv) if (!Number.isSafeInteger(n) || n < 1) return `vv entry ${JSON.stringify(r)} → ${n} is not a positive safe integer`;
  const cloud = new Set<string>();
  for (const d of state.context.cloud) {
    if (!Number.isSafeInteger(d.counter) || d.counter <= (state.context.vv.get(d.replica) ?? 0) + 1) {
      return `cloud dot ${key(d)} is not past a gap (vv of ${JSON.stringify(d.replica)} is ${state.context.vv.get(d.replica) ?? 0}): not compact`;
    }
    if (cloud.has(key(d))) return `cloud dot ${key(d)} appears twice`;
    cloud.add(key(d));
  }
  return undefined;
}

const key = (d: Dot): string => `${JSON.stringify(d.replica)}:${d.counter}`;

/** A set of dots: every counter up to `prefix` of a replica, and the dots in `rest`. */
export class ModelContext {
  readonly prefix = new Map<ReplicaId, number>();
  readonly rest = new Map<string, Dot>();

  static from(context: CausalContext): ModelContext {
    const out = new ModelContext();
    for (const [r, n] of context.vv) out.prefix.set(r, Math.max(out.prefix.get(r) ?? 0, n));
    for (const d of context.cloud) out.rest.set(key(d), { replica: d.replica, counter: d.counter });
    return out;
  }

  has(d: Dot): boolean {
    return d.counter <= (this.prefix.get(d.replica) ?? 0) || this.rest.has(key(d));
  }

  insert(d: Dot): void {
    this.rest.set(key(d), { replica: d.replica, counter: d.counter });
  }

  unite(other: ModelContext): void {
    for (const [r, n] of other.prefix) this.prefix.set(r, Math.max(this.prefix.get(r) ?? 0, n));
    for (const d of other.rest.values()) this.insert(d);
  }

  /** The greatest counter of `replica` held, 0 if none. */
  greatest(replica: ReplicaId): number {
    let top = this.prefix.get(replica) ?? 0;
    for (const d of this.rest.values()) if (d.replica === replica && d.counter > top) top = d.counter;
    return top;
  }

  compact(): CausalContext {
    const vv = new Map<ReplicaId, number>();
    const replicas = new Set([...this.prefix.keys(), ...[...this.rest.values()].map((d) => d.replica)]);
    for (const r of replicas) {
      let n = this.prefix.get(r) ?? 0;
      while (this.rest.has(key({ replica: r, counter: n + 1 }))) n++;
      if (n > 0) vv.set(r, n);
    }
    const cloud = [...this.rest.values()].filter((d) => d.counter > (vv.get(d.replica) ?? 0)).sort(byDot);
    return { vv, cloud };
  }
}

/** The OR-set of README task 2, as the README says it, one rule per line. */
export class ModelSet {
  entries = new Map<string, Dot[]>();
  context = new ModelContext();

  constructor(readonly id: ReplicaId) {}

  static of(state: OrSetState): ModelSet {
    const out = new ModelSet('');
    out.joinState(state);
    return out;
  }

  add(element: string): OrSetState {
    const dot: Dot = { replica: this.id, counter: this.context.greatest(this.id) + 1 };
    const covered = new ModelContext();
    for (const d of [...(this.entries.get(element) ?? []), dot]) covered.insert(d);
    const delta: OrSetState = { entries: new Map([[element, [dot]]]), context: covered.compact() };
    this.joinState(delta);
    return delta;
  }

  remove(element: string): OrSetState {
    const covered = new ModelContext();
    for (const d of this.entries.get(element) ?? []) covered.insert(d);
    const delta: OrSetState = { entries: new Map(), context: covered.compact() };
    this.joinState(delta);
    return delta;
  }

  joinState(other: OrSetState): void {
    const theirs = ModelContext.from(other.context);
    const mine = this.context;
    const result = new Map<string, Dot[]>();
    const elements = new Set([...this.entries.keys(), ...other.entries.keys()]);
    for (const e of elements) {
      const here = this.entries.get(e) ?? [];
      const there = other.entries.get(e) ?? [];
      const inHere = new Set(here.map(key));
      const inThere = new Set(there.map(key));
      const kept: Dot[] = [];
      for (const d of here) if (inThere.has(key(d)) || !theirs.has(d)) kept.push(d);
      for (const d of there) if (!inHere.has(key(d)) && !mine.has(d)) kept.push({ replica: d.replica, counter: d.counter });
      if (kept.length > 0) result.set(e, kept);
    }
    this.entries = result;
    this.context.unite(theirs);
  }

  value(): Set<string> {
    return new Set(this.entries.keys());
  }

  state(): OrSetState {
    return { entries: new Map([...this.entries].map(([e, dots]) => [e, dots.map((d) => ({ ...d }))])), context: this.context.compact() };
  }
}

/** The join of any number of states, as the model computes it. */
export function joinAll(states: readonly OrSetState[]): OrSetState {
  const out = new ModelSet('');
  for (const s of states) out.joinState(s);
  return out.state();
}

/** True when `small` ⊑ `big` in the lattice: joining it changes nothing. */
export function below(small: OrSetState, big: OrSetState): boolean {
  const m = ModelSet.of(big);
  m.joinState(small);
  return canonSet(m.state()) === canonSet(ModelSet.of(big).state());
}

export const dotKey = key;
