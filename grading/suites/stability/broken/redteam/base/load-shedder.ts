/**
 * Load shedding — your file (task 4).
 *
 * A server that accepts more work than it can finish does all of it late:
 * a long first-in-first-out queue serves requests whose clients gave up long
 * ago, and goodput (work finished in time) collapses while the server is
 * busiest. A shedder bounds the work in progress and the queue, drops what
 * can no longer finish in time, and drops the least important work first
 * ("Using load shedding to avoid overload", Amazon Builders' Library;
 * Maurer, "Fail at Scale", ACM Queue 2015). README.md, task 4, has the rules.
 */
import type { Clocks } from './types';

/** How much a request matters: `critical` over `normal` over `sheddable` (Google's criticality classes). */
export type Priority = 'critical' | 'normal' | 'sheddable';

export interface ShedRequest {
  /** Any string, unique among the requests running or queued. */
  readonly id: string;
  readonly priority: Priority;
  /** When its client stops waiting, on the monotonic clock: any number but NaN (Infinity: never). */
  readonly deadlineMs: number;
}

export interface ShedderOptions {
  /** Requests running at once: an integer ≥ 1. */
  readonly maxConcurrency: number;
  /** Requests waiting at most: an integer ≥ 0 (0: no queue). */
  readonly maxQueue: number;
  readonly clocks: Clocks;
}

/** What a call decided: the requests that start now, in the order to start them, and those dropped (in any order), each to be answered "overloaded". */
export interface Admission {
  readonly started: readonly string[];
  readonly shed: readonly string[];
}

function rankOf(priority: Priority): number {
  return priority === 'critical' ? 2 : priority === 'normal' ? 1 : 0;
}

interface Queued {
  readonly id: string;
  readonly rank: number;
  readonly deadlineMs: number;
  readonly seq: number;
}

export class LoadShedder {
  readonly #maxConcurrency: number;
  readonly #maxQueue: number;
  readonly #clocks: Clocks;
  readonly #running = new Set<string>();
  /** Queued requests in arrival order. */
  #queue: Queued[] = [];
  readonly #queuedIds = new Set<string>();
  #seq = 0;

  /**
   * Task 4. [SP-4.1] An idle shedder: nothing running, nothing queued.
   * @throws [SP-4.10] RangeError naming the option when one is out of the range its doc comment gives.
   */
  constructor(options: ShedderOptions) {
    const maxConcurrency = options.maxConcurrency;
    if (typeof maxConcurrency !== 'number' || !Number.isInteger(maxConcurrency) || maxConcurrency < 1) {
      throw new RangeError(`maxConcurrency must be an integer >= 1, got ${String(maxConcurrency)}`);
    }
    const maxQueue = options.maxQueue;
    if (typeof maxQueue !== 'number' || !Number.isInteger(maxQueue) || maxQueue < 0) {
      throw new RangeError(`maxQueue must be an integer >= 0, got ${String(maxQueue)}`);
    }
    const clocks = options.clocks;
    if (clocks == null || clocks.monotonic == null) {
      throw new RangeError('clocks must have a monotonic clock');
    }
    this.#maxConcurrency = maxConcurrency;
    this.#maxQueue = maxQueue;
    this.#clocks = clocks;
  }

  /** Task 4. [SP-4.8] Requests running now. */
  get running(): number {
    return this.#running.size;
  }

  /** Task 4. [SP-4.8] Requests queued now. */
  get queued(): number {
    return this.#queue.length;
  }

  /**
   * Task 4. A request arrives (README, task 4, SP-4.2 to SP-4.5).
   * @throws [SP-4.10] RangeError, changing nothing, when the request is out of range; Error when its id is running or queued.
   */
  offer(request: ShedRequest): Admission {
    if (request === null || typeof request !== 'object') throw new RangeError('request must be an object');
    const id = request.id;
    const priority = request.priority;
    const deadlineMs = request.deadlineMs;
    if (typeof id !== 'string') throw new RangeError(`id must be a string, got ${String(id)}`);
    if (priority !== 'critical' && priority !== 'normal' && priority !== 'sheddable') {
      throw new RangeError(`priority must be 'critical', 'normal' or 'sheddable', got ${String(priority)}`);
    }
    if (typeof deadlineMs !== 'number' || Number.isNaN(deadlineMs)) {
      throw new RangeError(`deadlineMs must be a number, not NaN, got ${String(deadlineMs)}`);
    }
    if (this.#running.has(id) || this.#queuedIds.has(id)) {
      throw new Error(`request ${JSON.stringify(id)} is already running or queued`);
    }
    const now = this.#clocks.monotonic.now();
    const shed = this.#shedExpired(now);
    const started: string[] = [];
    const rank = rankOf(priority);
    if (now >= deadlineMs) {
      shed.push(id);
    } else if (this.#running.size < this.#maxConcurrency) {
      this.#running.add(id);
      started.push(id);
    } else if (this.#queue.length < this.#maxQueue) {
      this.#enqueue(id, rank, deadlineMs);
    } else {
      // The least important queued request, the last to arrive among equals.
      let victim = -1;
      for (let i = 0; i < this.#queue.length; i++) {
        if (victim < 0 || this.#queue[i]!.rank <= this.#queue[victim]!.rank) victim = i;
      }
      if (victim >= 0 && this.#queue[victim]!.rank < rank) {
        shed.push(this.#queue[victim]!.id);
        this.#queuedIds.delete(this.#queue[victim]!.id);
        this.#queue.splice(victim, 1);
        this.#enqueue(id, rank, deadlineMs);
      } else {
        shed.push(id);
      }
    }
    return { started, shed };
  }

  /**
   * Task 4. A running request finished (README, task 4, SP-4.6).
   * @throws [SP-4.10] Error, changing nothing, when `id` is not running.
   */
  done(id: string): Admission {
    if (!this.#running.has(id)) throw new Error(`request ${JSON.stringify(String(id))} is not running`);
    const now = this.#clocks.monotonic.now();
    const shed = this.#shedExpired(now);
    this.#running.delete(id);
    const started: string[] = [];
    while (this.#running.size < this.#maxConcurrency && this.#queue.length > 0) {
      // The most important queued request, the first to arrive among equals.
      let best = 0;
      for (let i = 1; i < this.#queue.length; i++) {
        if (this.#queue[i]!.rank > this.#queue[best]!.rank) best = i;
      }
      const next = this.#queue[best]!;
      this.#queue.splice(best, 1);
      this.#queuedIds.delete(next.id);
      this.#running.add(next.id);
      started.push(next.id);
    }
    return { started, shed };
  }

  /** Task 4. Time passed: drops what waited past its deadline (README, task 4, SP-4.2). Starts nothing. */
  expire(): Admission {
    const now = this.#clocks.monotonic.now();
    return { started: [], shed: this.#shedExpired(now) };
  }

  #enqueue(id: string, rank: number, deadlineMs: number): void {
    this.#queue.push({ id, rank, deadlineMs, seq: this.#seq++ });
    this.#queuedIds.add(id);
  }

  /** Sheds every queued request whose deadline has come; returns their ids, in a new array. */
  #shedExpired(now: number): string[] {
    const shed: string[] = [];
    if (this.#queue.some((q) => now >= q.deadlineMs)) {
      const kept: Queued[] = [];
      for (const q of this.#queue) {
        if (now >= q.deadlineMs) {
          shed.push(q.id);
          this.#queuedIds.delete(q.id);
        } else kept.push(q);
      }
      this.#queue = kept;
    }
    return shed;
  }
}
