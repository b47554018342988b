/**
 * Load shedding — your file (task 4). Replace each
 * `throw new NotImplementedError(...)`; keep the exports and signatures.
 *
 * A server that accepts more work than it can finish does all of it late:
 * a long first-in-first-out queue serves requests whose clients gave up long
 * ago, and goodput (work finished in time) collapses while the server is
 * busiest. A shedder bounds the work in progress and the queue, drops what
 * can no longer finish in time, and drops the least important work first
 * ("Using load shedding to avoid overload", Amazon Builders' Library;
 * Maurer, "Fail at Scale", ACM Queue 2015). README.md, task 4, has the rules.
 */
import { NotImplementedError } from '@faultline/harness';
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

export class LoadShedder {
  /**
   * Task 4. [SP-4.1] An idle shedder: nothing running, nothing queued.
   * @throws [SP-4.10] RangeError naming the option when one is out of the range its doc comment gives.
   */
  constructor(options: ShedderOptions) {
    throw new NotImplementedError('new LoadShedder(options)');
  }

  /** Task 4. [SP-4.8] Requests running, as the last call left them. */
  get running(): number {
    throw new NotImplementedError('LoadShedder.running');
  }

  /** Task 4. [SP-4.8] Requests queued, as the last call left them: reading it sheds nothing. */
  get queued(): number {
    throw new NotImplementedError('LoadShedder.queued');
  }

  /**
   * Task 4. A request arrives (README, task 4, SP-4.2 to SP-4.5).
   * @throws [SP-4.10] RangeError, changing nothing, when the request is out of range; Error when its id is running or queued.
   */
  offer(request: ShedRequest): Admission {
    throw new NotImplementedError('LoadShedder.offer');
  }

  /**
   * Task 4. A running request finished (README, task 4, SP-4.6).
   * @throws [SP-4.10] Error, changing nothing, when `id` is not running.
   */
  done(id: string): Admission {
    throw new NotImplementedError('LoadShedder.done');
  }

  /** Task 4. Time passed: drops what waited past its deadline (README, task 4, SP-4.2). Starts nothing. */
  expire(): Admission {
    throw new NotImplementedError('LoadShedder.expire');
  }
}
