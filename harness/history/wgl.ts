/**
 * The search behind `checkLinearizable`, for the operations of one key: Wing
 * and Gong's backtracking ("Testing and verifying concurrent objects", 1993)
 * with Lowe's memoisation ("Testing for linearizability", 2017), as Porcupine
 * does it (anishathalye/porcupine `checker.go`), written afresh.
 *
 * The history is a list of call and return entries sorted by time, calls
 * before returns at equal time (closed intervals). Walking it from the front,
 * each call met before the first return is an operation that may go next: the
 * search applies it to the model and, if the model accepts its output and the
 * pair (set of operations placed, model state) is new, places it, removes its
 * two entries and starts again from the front. Meeting a return means its
 * operation should already have been placed: the last placement is undone and
 * the walk goes on after it. Success is an empty list; failure is a return met
 * with nothing left to undo.
 *
 * An operation whose return is at +∞ (an `info` one) is optional: met at the
 * front, its return means that every operation that did return has been
 * placed, and the rest may never take effect.
 *
 * Contract: deterministic (same operations, same model: same answer, same
 * steps); iterative, so history length does not touch the call stack; one
 * step is one entry examined, at most `budget` of them. Memory grows with the
 * distinct (set, state) pairs placed: the set is stored as its words past the
 * leading full ones, a few words when placements follow real time.
 */
import type { Model } from './types';

/** One operation as the search sees it, in call order. */
export interface SearchOp<I, O> {
  readonly input: I;
  /** Never changes the model's state (`Model.readOnly`). */
  readonly readOnly: boolean;
  /** Undefined for an operation whose output is unknown. */
  readonly output: O | undefined;
  readonly call: number;
  /** +Infinity: optional (it may take effect at any time after its call, or never). */
  readonly ret: number;
}

export type SearchResult =
  | { readonly type: 'linearizable'; readonly steps: number }
  /** `longest`: indices into the operations, in the order of the longest prefix placed. */
  | { readonly type: 'violation'; readonly steps: number; readonly longest: readonly number[] }
  | { readonly type: 'budget'; readonly steps: number; readonly longest: readonly number[] };

const FULL = 0xffffffff;

/** A 32-bit mix of `i` (murmur3's finalizer): the Zobrist key of operation i in the placed set's hash. */
function zobrist(i: number): number {
  let h = Math.imul(i + 0x9e3779b9, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The set of operations placed: words, a Zobrist hash, and the span that is neither leading full words nor trailing zeros. */
class PlacedSet {
  readonly words: Uint32Array;
  hash = 0;
  /** Index of the first word that is not all ones. */
  full = 0;
  /** Index of the last word that is not zero; -1 when empty. */
  top = -1;

  constructor(size: number) {
    this.words = new Uint32Array((size >>> 5) + 1);
  }

  add(i: number): void {
    const w = i >>> 5;
    this.words[w] = this.words[w]! | (1 << (i & 31));
    this.hash = (this.hash ^ zobrist(i)) >>> 0;
    if (w > this.top) this.top = w;
    while (this.full < this.words.length && this.words[this.full] === FULL) this.full++;
  }

  remove(i: number): void {
    const w = i >>> 5;
    this.words[w] = this.words[w]! & ~(1 << (i & 31));
    this.hash = (this.hash ^ zobrist(i)) >>> 0;
    if (w < this.full) this.full = w;
    while (this.top >= 0 && this.words[this.top] === 0) this.top--;
  }

  /** The words that tell this set apart from another with the same `full`. */
  span(): Uint32Array {
    return this.words.slice(this.full, Math.max(this.full, this.top + 1));
  }

  equals(full: number, span: Uint32Array): boolean {
    if (full !== this.full || span.length !== Math.max(0, this.top + 1 - this.full)) return false;
    for (let k = 0; k < span.length; k++) if (span[k] !== this.words[this.full + k]) return false;
    return true;
  }
}

/** Searches `ops` (sorted by call) for an order consistent with real time that `model` accepts; at most `budget` steps. */
export function searchLinearization<S, I, O>(ops: readonly SearchOp<I, O>[], model: Model<S, I, O>, budget: number): SearchResult {
  const n = ops.length;
  // Entries 0…n-1 are calls, n…2n-1 returns, 2n the head; -1 ends the list.
  const HEAD = 2 * n;
  const next = new Int32Array(2 * n + 1);
  const prev = new Int32Array(2 * n + 1);
  const order = Array.from({ length: 2 * n }, (_, e) => e);
  const time = (e: number): number => (e < n ? ops[e]!.call : ops[e - n]!.ret);
  order.sort((a, b) => {
    const ta = time(a);
    const tb = time(b);
    if (ta !== tb) return ta < tb ? -1 : 1;
    // Calls before returns at equal time; then by operation, for determinism.
    const ka = a < n ? 0 : 1;
    const kb = b < n ? 0 : 1;
    return ka !== kb ? ka - kb : (a % n) - (b % n);
  });
  let last = HEAD;
  for (const e of order) {
    next[last] = e;
    prev[e] = last;
    last = e;
  }
  next[last] = -1;

  const lift = (i: number): void => {
    next[prev[i]!] = next[i]!;
    prev[next[i]!] = prev[i]!; // a call is always followed by its return
    const r = n + i;
    next[prev[r]!] = next[r]!;
    if (next[r]! >= 0) prev[next[r]!] = prev[r]!;
  };
  const unlift = (i: number): void => {
    const r = n + i;
    next[prev[r]!] = r;
    if (next[r]! >= 0) prev[next[r]!] = r;
    next[prev[i]!] = i;
    prev[next[i]!] = i;
  };

  const placed = new PlacedSet(n);
  const cache = new Map<string, { readonly full: number; readonly span: Uint32Array }[]>();
  const stackOp = new Int32Array(n);
  /** Per depth: whether the operation placed there was a read-only one the model accepted, which goes first without loss. */
  const forced = new Uint8Array(n);
  const stackState: S[] = [];
  let depth = 0;
  let longest: number[] = [];
  let state = model.init();
  let entry = next[HEAD]!;
  let steps = 0;

  // At each new configuration the walk makes two passes over the operations that may go next: read-only ones first
  // (one the model accepts is placed, forced), then the others.
  let readsFirst = true;
  while (next[HEAD] !== -1) {
    if (steps >= budget) return { type: 'budget', steps, longest: depth > longest.length ? Array.from(stackOp.subarray(0, depth)) : longest };
    steps++;
    if (entry < n) {
      const op = ops[entry]!;
      if (op.readOnly !== readsFirst) {
        entry = next[entry]!;
        continue;
      }
      const after = model.step(state, op.input, op.output);
      if (after !== undefined) {
        placed.add(entry);
        const key = `${placed.hash}|${model.hash(after)}`;
        const seen = cache.get(key);
        if (seen === undefined || !seen.some((s) => placed.equals(s.full, s.span))) {
          const memo = { full: placed.full, span: placed.span() };
          if (seen === undefined) cache.set(key, [memo]);
          else seen.push(memo);
          stackOp[depth] = entry;
          stackState[depth] = state;
          forced[depth] = op.readOnly ? 1 : 0;
          depth++;
          state = after;
          lift(entry);
          entry = next[HEAD]!;
          readsFirst = true;
          continue;
        }
        placed.remove(entry);
      }
      entry = next[entry]!;
    } else if (readsFirst) {
      readsFirst = false;
      entry = next[HEAD]!;
    } else {
      // Only optional operations are left: the ones that returned are all placed.
      if (ops[entry - n]!.ret === Infinity) return { type: 'linearizable', steps };
      if (depth === 0) return { type: 'violation', steps, longest };
      if (depth > longest.length) longest = Array.from(stackOp.subarray(0, depth));
      // Undo the last placement; a forced one fails the placement before it too (no other order can do better).
      let undone: number;
      do {
        depth--;
        undone = stackOp[depth]!;
        state = stackState[depth]!;
        placed.remove(undone);
        unlift(undone);
      } while (forced[depth] === 1 && depth > 0);
      if (forced[depth] === 1) return { type: 'violation', steps, longest };
      entry = next[undone]!;
    }
  }
  return { type: 'linearizable', steps };
}
