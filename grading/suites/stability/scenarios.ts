/**
 * Whole scenarios for the suite: many clients, layers and servers built
 * from the learner's pieces, in virtual time. Each returns what happened,
 * counted, for a test to judge; none reads a real clock.
 */
import { Rng } from '../../../harness/rng';
import type { HandClocks } from './clocks';

/** Events in time order, ties in the order they were scheduled. */
export class Agenda {
  readonly #events: { at: number; seq: number; run: () => void }[] = [];
  #seq = 0;
  now = 0;

  at(time: number, run: () => void): void {
    const event = { at: Math.max(time, this.now), seq: this.#seq++, run };
    let i = this.#events.length;
    while (i > 0 && (this.#events[i - 1]!.at > event.at || (this.#events[i - 1]!.at === event.at && this.#events[i - 1]!.seq > event.seq))) i--;
    this.#events.splice(i, 0, event);
  }

  /** Runs everything, moving `clocks` to each event's time; stops after `limit` events (a runaway learner loop). */
  run(clocks: HandClocks, limit: number): number {
    let ran = 0;
    while (this.#events.length > 0 && ran < limit) {
      const event = this.#events.shift()!;
      clocks.advance(event.at - this.now);
      this.now = event.at;
      event.run();
      ran++;
    }
    return ran;
  }
}

/** The part of a Retrier the scenarios use. */
export interface RetrierLike {
  begin(): { next(outcome: 'ok' | 'retryable' | 'fatal'): { kind: string; atMs?: number } };
}

/**
 * Retries stacked three deep over a dependency that always fails (the SRE book's example): each request to the top
 * layer is retried by it, each of its attempts by the layer below, and so on. Returns the calls that reached the
 * dependency, and the attempts each layer made.
 */
export function stackedRetries(layers: readonly RetrierLike[], clocks: HandClocks, requests: number, spacingMs: number): { bottomCalls: number; attempts: number[]; finished: number } {
  const agenda = new Agenda();
  agenda.now = clocks.t;
  const attempts = layers.map(() => 0);
  let bottomCalls = 0;
  let finished = 0;
  const call = (depth: number, answer: (outcome: 'ok' | 'retryable') => void): void => {
    if (depth === layers.length) {
      bottomCalls++;
      agenda.at(agenda.now + 1, () => answer('retryable'));
      return;
    }
    const retryCall = layers[depth]!.begin();
    const attempt = (): void => {
      attempts[depth]!++;
      call(depth + 1, (outcome) => {
        const decision = retryCall.next(outcome);
        if (decision.kind === 'retry') agenda.at(decision.atMs!, attempt);
        else answer(decision.kind === 'done' ? 'ok' : 'retryable');
      });
    };
    attempt();
  };
  for (let i = 0; i < requests; i++) agenda.at(clocks.t + i * spacingMs, () => call(0, () => finished++));
  agenda.run(clocks, 2_000_000);
  return { bottomCalls, attempts, finished };
}

/** The part of a LoadShedder the overload scenario uses. */
export interface ShedderLike {
  offer(request: { id: string; priority: 'critical' | 'normal' | 'sheddable'; deadlineMs: number }): { started: readonly string[]; shed: readonly string[] };
  done(id: string): { started: readonly string[]; shed: readonly string[] };
}

export interface OverloadResult {
  readonly offered: number;
  /** Requests finished by their deadline, by priority. */
  readonly goodput: Record<'critical' | 'normal' | 'sheddable', number>;
  readonly offeredBy: Record<'critical' | 'normal' | 'sheddable', number>;
  readonly finishedLate: number;
  readonly shed: number;
  /** Requests started at or after their deadline, as "id at t, deadline d". */
  readonly startedLate: string[];
  /** Ids that were started or shed twice, or started while not offered. */
  readonly misfits: string[];
}

/**
 * A server that can run `slots` requests at once, each taking `serviceMs`, offered Poisson arrivals at `load` times
 * what it can serve, each request waiting at most `patienceMs` (its deadline). Priorities: 20 % critical, 50 %
 * normal, 30 % sheddable. The same seed gives the same arrivals, whatever the shedder decides.
 */
export function overload(shedder: ShedderLike, clocks: HandClocks, seed: number, options: { slots: number; serviceMs: number; load: number; patienceMs: number; durationMs: number }): OverloadResult {
  const rng = Rng.stream(seed, 'overload arrivals');
  const agenda = new Agenda();
  agenda.now = clocks.t;
  const start = clocks.t;
  const meanGapMs = options.serviceMs / options.slots / options.load;
  const requests = new Map<string, { priority: 'critical' | 'normal' | 'sheddable'; deadlineMs: number; state: 'offered' | 'running' | 'over' }>();
  const goodput = { critical: 0, normal: 0, sheddable: 0 };
  const offeredBy = { critical: 0, normal: 0, sheddable: 0 };
  let finishedLate = 0;
  let shedCount = 0;
  const startedLate: string[] = [];
  const misfits: string[] = [];
  const apply = (answer: { started: readonly string[]; shed: readonly string[] }): void => {
    for (const id of answer.shed) {
      const request = requests.get(id);
      if (request === undefined || request.state !== 'offered') misfits.push(`${id} shed while ${request?.state ?? 'never offered'}`);
      else {
        request.state = 'over';
        shedCount++;
      }
    }
    for (const id of answer.started) {
      const request = requests.get(id);
      if (request === undefined || request.state !== 'offered') {
        misfits.push(`${id} started while ${request?.state ?? 'never offered'}`);
        continue;
      }
      request.state = 'running';
      if (agenda.now >= request.deadlineMs) startedLate.push(`${id} at ${agenda.now - start}, deadline ${request.deadlineMs - start}`);
      agenda.at(agenda.now + options.serviceMs, () => {
        request.state = 'over';
        if (agenda.now <= request.deadlineMs) goodput[request.priority]++;
        else finishedLate++;
        apply(shedder.done(id));
      });
    }
  };
  let t = start;
  let n = 0;
  for (;;) {
    t += -Math.log(1 - rng.next()) * meanGapMs;
    if (t >= start + options.durationMs) break;
    const u = rng.next();
    const priority = u < 0.2 ? 'critical' : u < 0.7 ? 'normal' : 'sheddable';
    const id = `r${n++}`;
    const deadlineMs = t + options.patienceMs;
    agenda.at(t, () => {
      requests.set(id, { priority, deadlineMs, state: 'offered' });
      offeredBy[priority]++;
      apply(shedder.offer({ id, priority, deadlineMs }));
    });
  }
  agenda.run(clocks, 10_000_000);
  return { offered: n, goodput, offeredBy, finishedLate, shed: shedCount, startedLate, misfits };
}

