/**
 * Task 2: an add-wins observed-remove set without tombstones (Riak's ORSWOT),
 * whose operations return their deltas (Almeida, Shoker and Baquero, "Delta
 * State Replicated Data Types", 2018, §4 and §7). Reference solution.
 */
import type { CausalContext, Dot, OrSetState, ReplicaId } from './types';

/** A set of dots in compact form: contiguous counters from 1 in `vv`, the rest in `cloud`. */
class DotSet {
  readonly vv = new Map<ReplicaId, number>();
  /** replica → counters past a gap */
  readonly cloud = new Map<ReplicaId, Set<number>>();

  has(d: Dot): boolean {
    return d.counter <= (this.vv.get(d.replica) ?? 0) || (this.cloud.get(d.replica)?.has(d.counter) ?? false);
  }

  /** Adds a dot, folding every counter that became contiguous into `vv`. */
  add(d: Dot): void {
    if (this.has(d)) return;
    let top = this.vv.get(d.replica) ?? 0;
    if (d.counter !== top + 1) {
      let past = this.cloud.get(d.replica);
      if (past === undefined) this.cloud.set(d.replica, (past = new Set()));
      past.add(d.counter);
      return;
    }
    top = d.counter;
    const past = this.cloud.get(d.replica);
    while (past?.delete(top + 1)) top++;
    if (past !== undefined && past.size === 0) this.cloud.delete(d.replica);
    this.vv.set(d.replica, top);
  }

  addAll(context: CausalContext): void {
    for (const [replica, top] of context.vv) {
      if (top > (this.vv.get(replica) ?? 0)) {
        this.vv.set(replica, top);
        const past = this.cloud.get(replica);
        if (past !== undefined) {
          for (const c of past) if (c <= top) past.delete(c);
          let t = top;
          while (past.delete(t + 1)) t++;
          this.vv.set(replica, t);
          if (past.size === 0) this.cloud.delete(replica);
        }
      }
    }
    for (const d of context.cloud) this.add(d);
  }

  /** How many dots the set holds. */
  size(): number {
    let n = 0;
    for (const top of this.vv.values()) n += top;
    for (const past of this.cloud.values()) n += past.size;
    return n;
  }

  /** Every dot of the set (call it only when size() is small). */
  *dots(): Generator<Dot> {
    for (const [replica, top] of this.vv) for (let counter = 1; counter <= top; counter++) yield { replica, counter };
    for (const [replica, past] of this.cloud) for (const counter of past) yield { replica, counter };
  }

  /** The largest counter of `replica` in the set, 0 if none. */
  top(replica: ReplicaId): number {
    let top = this.vv.get(replica) ?? 0;
    for (const c of this.cloud.get(replica) ?? []) top = Math.max(top, c);
    return top;
  }

  toContext(): CausalContext {
    const cloud: Dot[] = [];
    for (const [replica, counters] of this.cloud) for (const counter of counters) cloud.push({ replica, counter });
    return { vv: new Map(this.vv), cloud };
  }

  static of(dots: Iterable<Dot>): DotSet {
    const set = new DotSet();
    for (const d of dots) set.add(d);
    return set;
  }
}

const isCounter = (n: unknown): boolean => Number.isSafeInteger(n) && (n as number) > 0;
const dotKey = (d: Dot): string => `${d.counter} ${d.replica}`;
const showDot = (d: Dot): string => `(${JSON.stringify(d.replica)}, ${d.counter})`;

/** Refuses a state that is not well-formed (types.ts), naming what is wrong. */
function checkState(state: OrSetState, what: string): void {
  for (const [replica, top] of state.context.vv) {
    if (!isCounter(top)) throw new RangeError(`${what}: vv entry of ${JSON.stringify(replica)} must be a positive safe integer, got ${top}`);
  }
  for (const d of state.context.cloud) {
    if (!isCounter(d.counter)) throw new RangeError(`${what}: cloud dot ${showDot(d)} must have a positive safe integer counter`);
  }
  const context = new DotSet();
  context.addAll(state.context);
  const seen = new Set<string>();
  for (const [element, dots] of state.entries) {
    if (dots.length === 0) throw new RangeError(`${what}: element ${JSON.stringify(element)} has no dots`);
    for (const d of dots) {
      if (!isCounter(d.counter)) throw new RangeError(`${what}: dot ${showDot(d)} of ${JSON.stringify(element)} must have a positive safe integer counter`);
      if (seen.has(dotKey(d))) throw new RangeError(`${what}: dot ${showDot(d)} appears twice`);
      seen.add(dotKey(d));
      if (!context.has(d)) throw new RangeError(`${what}: dot ${showDot(d)} of ${JSON.stringify(element)} is not in the state's context`);
    }
  }
}

export class OrSet {
  readonly #id: ReplicaId;
  readonly #entries = new Map<string, Dot[]>();
  /** Every dot under an element, to the element: a delta's merge then costs the delta's size, not the set's. */
  readonly #index = new Map<string, string>();
  readonly #context = new DotSet();

  constructor(id: ReplicaId) {
    this.#id = id;
  }

  add(element: string): OrSetState {
    const dot: Dot = { replica: this.#id, counter: this.#context.top(this.#id) + 1 };
    if (!isCounter(dot.counter)) throw new RangeError(`OrSet.add: replica ${JSON.stringify(this.#id)} has used every safe counter`);
    const covered = DotSet.of([...(this.#entries.get(element) ?? []), dot]);
    const delta: OrSetState = { entries: new Map([[element, [dot]]]), context: covered.toContext() };
    this.merge(delta);
    return delta;
  }

  remove(element: string): OrSetState {
    const delta: OrSetState = { entries: new Map(), context: DotSet.of(this.#entries.get(element) ?? []).toContext() };
    this.merge(delta);
    return delta;
  }

  has(element: string): boolean {
    return this.#entries.has(element);
  }

  value(): ReadonlySet<string> {
    return new Set(this.#entries.keys());
  }

  state(): OrSetState {
    return {
      entries: new Map([...this.#entries].map(([e, dots]) => [e, dots.map((d) => ({ ...d }))])),
      context: this.#context.toContext(),
    };
  }

  /**
   * The join: a dot under an element stays if both sides have it, or if one
   * side has it and the other has never seen it. A dot one side has seen
   * and dropped was removed there.
   */
  merge(other: OrSetState): void {
    checkState(other, 'OrSet.merge');
    const theirs = new DotSet();
    theirs.addAll(other.context);
    const inOther = new Set<string>();
    for (const dots of other.entries.values()) for (const d of dots) inOther.add(dotKey(d));
    // Drop my dots the other side has seen and dropped: walk the smaller of its context and my entries.
    const dropped = (d: Dot) => theirs.has(d) && !inOther.has(dotKey(d));
    if (theirs.size() < this.#index.size) {
      for (const d of theirs.dots()) if (!inOther.has(dotKey(d))) this.#drop(d);
    } else {
      for (const dots of [...this.#entries.values()]) for (const d of dots.filter(dropped)) this.#drop(d);
    }
    // Take their dots I have never seen.
    for (const [element, dots] of other.entries) {
      for (const d of dots) if (!this.#context.has(d)) this.#keep(element, d);
    }
    this.#context.addAll(other.context);
  }

  #keep(element: string, d: Dot): void {
    let dots = this.#entries.get(element);
    if (dots === undefined) this.#entries.set(element, (dots = []));
    dots.push({ replica: d.replica, counter: d.counter });
    this.#index.set(dotKey(d), element);
  }

  #drop(d: Dot): void {
    const element = this.#index.get(dotKey(d));
    if (element === undefined) return;
    this.#index.delete(dotKey(d));
    const left = this.#entries.get(element)!.filter((x) => x.counter !== d.counter || x.replica !== d.replica);
    if (left.length === 0) this.#entries.delete(element);
    else this.#entries.set(element, left);
  }
}
