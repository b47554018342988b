/**
 * The suite's own reading of the README, written to be obviously right
 * rather than fast: every rule of tasks 1 to 4 as plain code over plain
 * lists. The graded tests drive the learner's objects and these side by side
 * and compare every answer.
 */

export type JitterKind = 'none' | 'full' | 'equal' | 'decorrelated';
export interface BackoffSettings {
  readonly baseMs: number;
  readonly capMs: number;
  readonly jitter: JitterKind;
}

/**
 * The ceiling min(cap, base × 2^(attempt − 1)) as real numbers give it, by logarithms first: past the cap's exponent
 * it is the cap, and below it the product is exact in doubles (a power-of-two scaling that stays under the cap).
 */
function exactCeiling(o: BackoffSettings, attempt: number): number {
  const doublings = attempt - 1;
  // log2 is within an ulp; a margin of 2 keeps every product computed below inside the double range.
  if (doublings > Math.log2(o.capMs) - Math.log2(o.baseMs) + 2) return o.capMs;
  // In two halves: 2^doublings alone overflows past 1 023, though a subnormal base times it may not.
  const half = Math.floor(doublings / 2);
  return Math.min(o.capMs, o.baseMs * Math.pow(2, half) * Math.pow(2, doublings - half));
}

/**
 * The exact delay (SP-1.1 to SP-1.4) for a given draw `u`, to within a few ulps. The decorrelated spread is
 * multiplied as (3u) × previous, which overflows only when the true value is above the cap.
 */
export function modelDelay(attempt: number, o: BackoffSettings, u: number, previousMs?: number): number {
  const envelope = exactCeiling(o, attempt);
  if (o.jitter === 'none') return envelope;
  if (o.jitter === 'full') return envelope * u;
  if (o.jitter === 'equal') return envelope / 2 + (envelope / 2) * u;
  const prior = previousMs === undefined ? o.baseMs : previousMs;
  const grown = 3 * u * prior;
  return grown === Infinity ? o.capMs : Math.min(o.capMs, o.baseMs - u * o.baseMs + grown);
}

/** SP-1.6: within a relative 1e-9 of the exact value, or 1e-300 ms of it (subnormal delays round to whole ulps). */
export const closeEnough = (actual: number, exact: number): boolean => Math.abs(actual - exact) <= 1e-9 * Math.abs(exact) + 1e-300;

export type RetryOutcome = 'ok' | 'retryable' | 'fatal';
export type ModelDecision =
  | { readonly kind: 'done' }
  | { readonly kind: 'retry'; readonly attempt: number; readonly delayMs: number; readonly atMs: number }
  | { readonly kind: 'give-up'; readonly reason: 'fatal' | 'attempts' | 'deadline' | 'budget' };

export interface RetrierSettings {
  readonly maxAttempts: number;
  readonly deadlineMs: number;
  readonly ratio: number;
  readonly minRetriesPerSecond: number;
  readonly windowMs: number;
  readonly backoff: BackoffSettings;
}

/** Counts the times of a list inside (now − window, now]. */
const inWindow = (times: readonly number[], now: number, windowMs: number): number => times.filter((at) => at > now - windowMs && at <= now).length;

interface ModelCall {
  readonly startedAtMs: number;
  attempts: number;
  previous: number | undefined;
  over: boolean;
}

/** Task 2 as the README states it. `draw` hands out the next `u`, exactly as the learner's random source would. */
export class RetrierModel {
  readonly requestTimes: number[] = [];
  readonly retryTimes: number[] = [];

  constructor(readonly settings: RetrierSettings) {}

  begin(now: number): ModelCall {
    this.requestTimes.push(now);
    return { startedAtMs: now, attempts: 0, previous: undefined, over: false };
  }

  next(call: ModelCall, outcome: RetryOutcome, now: number, draw: () => number): ModelDecision {
    const s = this.settings;
    call.attempts += 1;
    let decision: ModelDecision;
    if (outcome === 'ok') decision = { kind: 'done' };
    else if (outcome === 'fatal') decision = { kind: 'give-up', reason: 'fatal' };
    else if (call.attempts >= s.maxAttempts) decision = { kind: 'give-up', reason: 'attempts' };
    else {
      const delayMs = modelDelay(call.attempts, s.backoff, s.backoff.jitter === 'none' ? 0 : draw(), call.previous);
      const atMs = now + delayMs;
      if (atMs >= call.startedAtMs + s.deadlineMs) decision = { kind: 'give-up', reason: 'deadline' };
      else {
        const retries = inWindow(this.retryTimes, now, s.windowMs);
        const requests = inWindow(this.requestTimes, now, s.windowMs);
        if (retries + 1 <= s.ratio * requests + (s.minRetriesPerSecond * s.windowMs) / 1000) {
          this.retryTimes.push(now);
          call.previous = delayMs;
          decision = { kind: 'retry', attempt: call.attempts + 1, delayMs, atMs };
        } else decision = { kind: 'give-up', reason: 'budget' };
      }
    }
    if (decision.kind !== 'retry') call.over = true;
    return decision;
  }
}

export type State = 'closed' | 'open' | 'half-open';

export interface BreakerSettings {
  readonly failureRateThreshold: number;
  readonly minimumCalls: number;
  readonly windowMs: number;
  readonly openMs: number;
  readonly halfOpenMaxCalls: number;
  readonly halfOpenSuccessesToClose: number;
}

/** A permit as the model sees it: the period it was granted in, and whether it has reported. */
export interface ModelPermit {
  readonly period: number;
  reported: boolean;
}

/** Task 3 as the README states it: periods are numbered, and a permit counts only in its own. */
export class BreakerModel {
  state: State = 'closed';
  period = 0;
  openedAt = 0;
  /** Reports of the current closed period: time and whether it failed. */
  reports: { at: number; failed: boolean }[] = [];
  out = 0;
  successes = 0;

  constructor(readonly settings: BreakerSettings) {}

  /** The state at `now`: open becomes half-open once openMs have passed. */
  at(now: number): State {
    if (this.state === 'open' && now >= this.openedAt + this.settings.openMs) this.#change('half-open', now);
    return this.state;
  }

  acquire(now: number): ModelPermit | 'rejected' {
    const state = this.at(now);
    const full = state === 'half-open' && this.out >= this.settings.halfOpenMaxCalls;
    if (state === 'open' || full) return 'rejected';
    if (state === 'half-open') this.out += 1;
    return { period: this.period, reported: false };
  }

  /** A report; false when it is a second one (the learner's must throw). */
  report(permit: ModelPermit, failed: boolean, now: number): boolean {
    if (permit.reported) return false;
    permit.reported = true;
    const state = this.at(now);
    if (permit.period !== this.period) return true;
    if (state === 'closed') {
      this.reports.push({ at: now, failed });
      const recent = this.reports.filter((r) => r.at > now - this.settings.windowMs);
      const failures = recent.filter((r) => r.failed).length;
      if (recent.length >= this.settings.minimumCalls && failures / recent.length >= this.settings.failureRateThreshold) this.#change('open', now);
    } else if (failed) this.#change('open', now);
    else {
      this.out -= 1;
      this.successes += 1;
      if (this.successes >= this.settings.halfOpenSuccessesToClose) this.#change('closed', now);
    }
    return true;
  }

  #change(state: State, now: number): void {
    this.state = state;
    this.period += 1;
    this.reports = [];
    this.out = 0;
    this.successes = 0;
    if (state === 'open') this.openedAt = now;
  }
}

export type Importance = 'critical' | 'normal' | 'sheddable';
export const IMPORTANCE: readonly Importance[] = ['critical', 'normal', 'sheddable'];

export interface ShedderSettings {
  readonly maxConcurrency: number;
  readonly maxQueue: number;
}

interface Queued {
  readonly id: string;
  readonly rank: number;
  readonly deadlineMs: number;
  readonly arrival: number;
}

/** Task 4 as the README states it: one list of queued requests, searched every time. */
export class ShedderModel {
  readonly running = new Set<string>();
  queue: Queued[] = [];
  #arrivals = 0;

  constructor(readonly settings: ShedderSettings) {}

  /** SP-4.2: what has waited to its deadline goes. */
  expire(now: number): string[] {
    const gone = this.queue.filter((q) => now >= q.deadlineMs).map((q) => q.id);
    this.queue = this.queue.filter((q) => now < q.deadlineMs);
    return gone;
  }

  offer(id: string, priority: Importance, deadlineMs: number, now: number): { started: string[]; shed: string[] } {
    const shed = this.expire(now);
    if (now >= deadlineMs) return { started: [], shed: shed.concat(id) };
    if (this.running.size < this.settings.maxConcurrency) {
      this.running.add(id);
      return { started: [id], shed };
    }
    const entry: Queued = { id, rank: IMPORTANCE.indexOf(priority), deadlineMs, arrival: this.#arrivals++ };
    if (this.queue.length < this.settings.maxQueue) {
      this.queue.push(entry);
      return { started: [], shed };
    }
    // The least important, and among those the latest to arrive.
    const victim = [...this.queue].sort((a, b) => b.rank - a.rank || b.arrival - a.arrival)[0];
    if (victim !== undefined && victim.rank > entry.rank) {
      this.queue = this.queue.filter((q) => q !== victim);
      this.queue.push(entry);
      return { started: [], shed: shed.concat(victim.id) };
    }
    return { started: [], shed: shed.concat(id) };
  }

  done(id: string, now: number): { started: string[]; shed: string[] } {
    this.running.delete(id);
    const shed = this.expire(now);
    const started: string[] = [];
    while (this.running.size < this.settings.maxConcurrency && this.queue.length > 0) {
      const first = [...this.queue].sort((a, b) => a.rank - b.rank || a.arrival - b.arrival)[0]!;
      this.queue = this.queue.filter((q) => q !== first);
      this.running.add(first.id);
      started.push(first.id);
    }
    return { started, shed };
  }
}
