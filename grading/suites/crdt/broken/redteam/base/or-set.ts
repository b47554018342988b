/**
 * CRDTs, task 2 (second half) — an add-wins observed-remove set without
 * tombstones (Riak's ORSWOT), with delta mutators.
 */
import type { CausalContext, Dot, OrSetState, ReplicaId } from './types';

const isSafePos = (x: unknown): x is number => typeof x === 'number' && Number.isSafeInteger(x) && x > 0;

/** A set of dots kept compact: vv(r) = n when 1…n are all in it; the rest per replica. */
class DotContext {
  readonly vv = new Map<ReplicaId, number>();
  readonly cloud = new Map<ReplicaId, Set<number>>();

  has(replica: ReplicaId, counter: number): boolean {
    return counter <= (this.vv.get(replica) ?? 0) || (this.cloud.get(replica)?.has(counter) ?? false);
  }

  /** The greatest counter of `replica` in the set, 0 if none. */
  max(replica: ReplicaId): number {
    let max = this.vv.get(replica) ?? 0;
    for (const counter of this.cloud.get(replica) ?? []) if (counter > max) max = counter;
    return max;
  }

  addDot(replica: ReplicaId, counter: number): void {
    if (this.has(replica, counter)) return;
    let set = this.cloud.get(replica);
    if (set === undefined) this.cloud.set(replica, (set = new Set()));
    set.add(counter);
    this.compact(replica);
  }

  raise(replica: ReplicaId, n: number): void {
    if (n > (this.vv.get(replica) ?? 0)) this.vv.set(replica, n);
    this.compact(replica);
  }

  /** Folds the cloud dots of `replica` that continue its vv into the vv, and drops those below it. */
  compact(replica: ReplicaId): void {
    let v = this.vv.get(replica) ?? 0;
    const set = this.cloud.get(replica);
    if (set !== undefined) {
      while (set.has(v + 1)) {
        set.delete(v + 1);
        v++;
      }
      for (const counter of set) if (counter <= v) set.delete(counter);
      if (set.size === 0) this.cloud.delete(replica);
    }
    if (v > 0) this.vv.set(replica, v);
  }

  union(other: DotContext): void {
    for (const [replica, n] of other.vv) this.raise(replica, n);
    for (const [replica, set] of other.cloud) for (const counter of set) this.addDot(replica, counter);
  }

  static from(context: CausalContext): DotContext {
    const out = new DotContext();
    for (const [replica, n] of context.vv) out.raise(replica, n);
    for (const dot of context.cloud) out.addDot(dot.replica, dot.counter);
    return out;
  }

  static ofDots(dots: Iterable<Dot>): DotContext {
    const out = new DotContext();
    for (const dot of dots) out.addDot(dot.replica, dot.counter);
    return out;
  }

  toState(): CausalContext {
    const cloud: Dot[] = [];
    for (const [replica, set] of this.cloud) for (const counter of set) cloud.push({ replica, counter });
    return { vv: new Map(this.vv), cloud };
  }
}

const copyDots = (dots: readonly Dot[]): Dot[] => dots.map((d) => ({ replica: d.replica, counter: d.counter }));

/** An index of dots by replica, then counter. */
class DotIndex<V> {
  readonly #map = new Map<ReplicaId, Map<number, V>>();
  get(replica: ReplicaId, counter: number): V | undefined {
    return this.#map.get(replica)?.get(counter);
  }
  set(replica: ReplicaId, counter: number, value: V): void {
    let inner = this.#map.get(replica);
    if (inner === undefined) this.#map.set(replica, (inner = new Map()));
    inner.set(counter, value);
  }
}

function checkDot(where: string, dot: unknown): asserts dot is Dot {
  if (typeof dot !== 'object' || dot === null) throw new RangeError(`${where}: a dot must be an object { replica, counter }`);
  const { replica, counter } = dot as { replica: unknown; counter: unknown };
  if (typeof replica !== 'string') throw new RangeError(`${where}: a dot's replica must be a string, got ${String(replica)}`);
  if (!isSafePos(counter)) throw new RangeError(`${where}: a dot's counter must be a positive safe integer, got ${String(counter)}`);
}

/** Checks that `state` is a well-formed OR-set state (types.ts); returns its context as a DotContext. */
function checkState(state: unknown): DotContext {
  const where = 'OrSet.merge';
  if (typeof state !== 'object' || state === null) throw new RangeError(`${where}: state must be an object { entries, context }`);
  const { entries, context } = state as { entries: unknown; context: unknown };
  if (!(entries instanceof Map)) throw new RangeError(`${where}: entries must be a Map`);
  if (typeof context !== 'object' || context === null) throw new RangeError(`${where}: context must be an object { vv, cloud }`);
  const { vv, cloud } = context as { vv: unknown; cloud: unknown };
  if (!(vv instanceof Map)) throw new RangeError(`${where}: context.vv must be a Map`);
  for (const [replica, n] of vv as Map<unknown, unknown>) {
    if (typeof replica !== 'string') throw new RangeError(`${where}: a vv replica must be a string, got ${String(replica)}`);
    if (!isSafePos(n)) throw new RangeError(`${where}: vv(${JSON.stringify(replica)}) must be a positive safe integer, got ${String(n)}`);
  }
  if (!Array.isArray(cloud)) throw new RangeError(`${where}: context.cloud must be an array`);
  for (const dot of cloud as unknown[]) checkDot(`${where} (cloud)`, dot);
  const ctx = DotContext.from(context as CausalContext);
  const seen = new DotIndex<string>();
  for (const [element, dots] of entries as Map<unknown, unknown>) {
    if (typeof element !== 'string') throw new RangeError(`${where}: an element must be a string, got ${String(element)}`);
    if (!Array.isArray(dots) || dots.length === 0) {
      throw new RangeError(`${where}: element ${JSON.stringify(element)} must have a non-empty array of dots`);
    }
    for (const dot of dots as unknown[]) {
      checkDot(`${where} (entries)`, dot);
      const other = seen.get(dot.replica, dot.counter);
      if (other !== undefined) {
        throw new RangeError(`${where}: dot (${JSON.stringify(dot.replica)}, ${dot.counter}) appears twice (under ${JSON.stringify(other)} and ${JSON.stringify(element)})`);
      }
      seen.set(dot.replica, dot.counter, element);
      if (!ctx.has(dot.replica, dot.counter)) {
        throw new RangeError(`${where}: dot (${JSON.stringify(dot.replica)}, ${dot.counter}) of ${JSON.stringify(element)} is not in the context`);
      }
    }
  }
  return ctx;
}

export class OrSet {
  readonly #id: ReplicaId;
  readonly #entries = new Map<string, Dot[]>();
  #context = new DotContext();

  constructor(id: ReplicaId) {
    this.#id = id;
  }

  add(element: string): OrSetState {
    if (typeof element !== 'string') throw new RangeError(`OrSet.add: element must be a string, got ${String(element)}`);
    const max = this.#context.max(this.#id);
    if (max >= Number.MAX_SAFE_INTEGER) throw new RangeError(`OrSet.add: replica ${JSON.stringify(this.#id)} has no safe counter left`);
    const dot: Dot = { replica: this.#id, counter: max + 1 };
    const old = this.#entries.get(element) ?? [];
    this.#entries.set(element, [dot]);
    this.#context.addDot(dot.replica, dot.counter);
    return {
      entries: new Map([[element, [{ replica: dot.replica, counter: dot.counter }]]]),
      context: DotContext.ofDots([dot, ...old]).toState(),
    };
  }

  remove(element: string): OrSetState {
    if (typeof element !== 'string') throw new RangeError(`OrSet.remove: element must be a string, got ${String(element)}`);
    const old = this.#entries.get(element) ?? [];
    this.#entries.delete(element);
    return { entries: new Map(), context: DotContext.ofDots(old).toState() };
  }

  has(element: string): boolean {
    return this.#entries.has(element);
  }

  value(): ReadonlySet<string> {
    return new Set(this.#entries.keys());
  }

  state(): OrSetState {
    const entries = new Map<string, Dot[]>();
    for (const [element, dots] of this.#entries) entries.set(element, copyDots(dots));
    return { entries, context: this.#context.toState() };
  }

  merge(other: OrSetState): void {
    const theirs = checkState(other);
    const ours = this.#context;
    // Where each side holds each dot.
    const ourIndex = new DotIndex<string>();
    for (const [element, dots] of this.#entries) for (const d of dots) ourIndex.set(d.replica, d.counter, element);
    const theirIndex = new DotIndex<string>();
    for (const [element, dots] of other.entries) for (const d of dots) theirIndex.set(d.replica, d.counter, element);

    const next = new Map<string, Dot[]>();
    const keep = (element: string, dot: Dot): void => {
      let list = next.get(element);
      if (list === undefined) next.set(element, (list = []));
      list.push({ replica: dot.replica, counter: dot.counter });
    };
    for (const [element, dots] of this.#entries) {
      for (const d of dots) {
        if (theirIndex.get(d.replica, d.counter) === element || !theirs.has(d.replica, d.counter)) keep(element, d);
      }
    }
    for (const [element, dots] of other.entries) {
      for (const d of dots) {
        if (ourIndex.get(d.replica, d.counter) === element) continue; // kept above
        if (!ours.has(d.replica, d.counter)) keep(element, d);
      }
    }
    this.#entries.clear();
    for (const [element, dots] of next) this.#entries.set(element, dots);
    ours.union(theirs);
  }
}
