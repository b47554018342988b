/**
 * Load shedding — the reference (task 4). Three queues, one per priority,
 * each in arrival order: the next to start is the head of the most important
 * non-empty queue, the one to drop the tail of the least important.
 */
import type { Clock, Clocks } from './types';

export type Priority = 'critical' | 'normal' | 'sheddable';

export interface ShedRequest {
  readonly id: string;
  readonly priority: Priority;
  readonly deadlineMs: number;
}

export interface ShedderOptions {
  readonly maxConcurrency: number;
  readonly maxQueue: number;
  readonly clocks: Clocks;
}

export interface Admission {
  readonly started: readonly string[];
  readonly shed: readonly string[];
}

/** Most important first. */
const PRIORITIES: readonly Priority[] = ['critical', 'normal', 'sheddable'];

interface Waiting {
  readonly id: string;
  readonly deadlineMs: number;
}

export class LoadShedder {
  readonly #maxConcurrency: number;
  readonly #maxQueue: number;
  readonly #monotonic: Clock;
  readonly #running = new Set<string>();
  readonly #queues: readonly Waiting[][] = [[], [], []];
  /** Every id queued, for the duplicate check. */
  readonly #queuedIds = new Set<string>();

  constructor(options: ShedderOptions) {
    const { maxConcurrency, maxQueue, clocks } = options;
    if (!(Number.isInteger(maxConcurrency) && maxConcurrency >= 1)) throw new RangeError(`maxConcurrency must be an integer >= 1, got ${maxConcurrency}`);
    if (!(Number.isInteger(maxQueue) && maxQueue >= 0)) throw new RangeError(`maxQueue must be an integer >= 0, got ${maxQueue}`);
    this.#maxConcurrency = maxConcurrency;
    this.#maxQueue = maxQueue;
    this.#monotonic = clocks.monotonic;
  }

  get running(): number {
    return this.#running.size;
  }

  get queued(): number {
    return this.#queuedIds.size;
  }

  offer(request: ShedRequest): Admission {
    const { id, priority, deadlineMs } = request;
    if (typeof id !== 'string') throw new RangeError(`request id must be a string, got ${typeof id}`);
    const rank = PRIORITIES.indexOf(priority);
    if (rank < 0) throw new RangeError(`request priority must be critical, normal or sheddable, got ${String(priority)}`);
    if (typeof deadlineMs !== 'number' || Number.isNaN(deadlineMs)) throw new RangeError(`request deadlineMs must be a number, not NaN, got ${String(deadlineMs)}`);
    if (this.#running.has(id) || this.#queuedIds.has(id)) throw new Error(`request ${JSON.stringify(id)} is already running or queued`);
    const now = this.#monotonic.now();
    const shed = this.#expire(now);
    if (now >= deadlineMs) return { started: [], shed: [...shed, id] };
    if (this.#running.size < this.#maxConcurrency) {
      this.#running.add(id);
      return { started: [id], shed };
    }
    if (this.#queuedIds.size < this.#maxQueue) {
      this.#enqueue(rank, { id, deadlineMs });
      return { started: [], shed };
    }
    const victimRank = this.#leastImportant();
    if (victimRank !== undefined && victimRank > rank) {
      const victim = this.#queues[victimRank]!.pop()!;
      this.#queuedIds.delete(victim.id);
      this.#enqueue(rank, { id, deadlineMs });
      return { started: [], shed: [...shed, victim.id] };
    }
    return { started: [], shed: [...shed, id] };
  }

  done(id: string): Admission {
    if (!this.#running.has(id)) throw new Error(`request ${JSON.stringify(id)} is not running`);
    this.#running.delete(id);
    const shed = this.#expire(this.#monotonic.now());
    const started: string[] = [];
    for (const queue of this.#queues) {
      while (queue.length > 0 && this.#running.size < this.#maxConcurrency) {
        const next = queue.shift()!;
        this.#queuedIds.delete(next.id);
        this.#running.add(next.id);
        started.push(next.id);
      }
    }
    return { started, shed };
  }

  expire(): Admission {
    return { started: [], shed: this.#expire(this.#monotonic.now()) };
  }

  #enqueue(rank: number, waiting: Waiting): void {
    this.#queues[rank]!.push(waiting);
    this.#queuedIds.add(waiting.id);
  }

  #leastImportant(): number | undefined {
    for (let rank = PRIORITIES.length - 1; rank >= 0; rank--) if (this.#queues[rank]!.length > 0) return rank;
    return undefined;
  }

  /** Drops every queued request whose deadline has come. */
  #expire(now: number): string[] {
    const shed: string[] = [];
    for (const queue of this.#queues) {
      for (let i = 0; i < queue.length; ) {
        if (now >= queue[i]!.deadlineMs) {
          shed.push(queue[i]!.id);
          this.#queuedIds.delete(queue[i]!.id);
          queue.splice(i, 1);
        } else i++;
      }
    }
    return shed;
  }
}
