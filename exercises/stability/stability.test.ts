/**
 * Visible tests: a few worked examples of the contract, to read before you
 * start. They earn no points; the hidden suite (grading/suites/stability)
 * does, and `npm test` runs both. `@impl/stability/<file>` is your file.
 */
import { describe, expect, test } from 'vitest';
import { backoffMs } from '@impl/stability/backoff';
import { Retrier } from '@impl/stability/retrier';
import { CircuitBreaker } from '@impl/stability/circuit-breaker';
import { LoadShedder } from '@impl/stability/load-shedder';
import type { Clocks, Random } from './types';

/** Clocks the test moves by hand; the wall clock starts an hour away, to show it is not the one to use. */
function handClocks(): Clocks & { advance(ms: number): void } {
  let t = 0;
  return { wall: { now: () => 3_600_000 + t }, monotonic: { now: () => t }, advance: (ms) => void (t += ms) };
}

/** A random source that returns these numbers in turn. */
const draws = (...values: number[]): Random => ({ next: () => values.shift() ?? 0.5 });

describe('task 1: backoff with jitter', () => {
  const options = { baseMs: 100, capMs: 1000 } as const;

  test('without jitter the delay doubles from baseMs up to capMs', () => {
    const delays = [1, 2, 3, 4, 5].map((attempt) => backoffMs(attempt, { ...options, jitter: 'none' }, draws()));
    expect(delays).toEqual([100, 200, 400, 800, 1000]);
  });

  test('full jitter scales the ceiling by one draw; equal jitter keeps half of it', () => {
    expect(backoffMs(3, { ...options, jitter: 'full' }, draws(0.25))).toBe(100);
    expect(backoffMs(3, { ...options, jitter: 'equal' }, draws(0.25))).toBe(250);
  });

  test('decorrelated jitter draws between baseMs and three times the previous delay', () => {
    expect(backoffMs(2, { ...options, jitter: 'decorrelated' }, draws(0.25), 300)).toBe(300);
  });

  test('a huge attempt number still gives the cap', () => {
    expect(backoffMs(10_000, { ...options, jitter: 'none' }, draws())).toBe(1000);
  });
});

describe('task 2: retries with a deadline and a budget', () => {
  test('a retryable failure is retried after the backoff; a fatal one never is', () => {
    const clocks = handClocks();
    const retrier = new Retrier({
      maxAttempts: 3,
      deadlineMs: 10_000,
      budget: { ratio: 0.5, minRetriesPerSecond: 10, windowMs: 1000 },
      backoff: { baseMs: 100, capMs: 1000, jitter: 'none' },
      clocks,
      random: draws(),
    });
    const call = retrier.begin();
    expect(call.next('retryable')).toEqual({ kind: 'retry', attempt: 2, delayMs: 100, atMs: 100 });
    clocks.advance(100);
    expect(call.next('fatal')).toEqual({ kind: 'give-up', reason: 'fatal' });
    expect(() => call.next('ok')).toThrow(Error);
  });

  test('the budget refuses a retry once retries would exceed ratio × requests + the reserve', () => {
    const retrier = new Retrier({
      maxAttempts: 5,
      deadlineMs: 10_000,
      budget: { ratio: 0.5, minRetriesPerSecond: 0, windowMs: 1000 },
      backoff: { baseMs: 10, capMs: 10, jitter: 'none' },
      clocks: handClocks(),
      random: draws(),
    });
    const a = retrier.begin();
    const b = retrier.begin();
    expect(a.next('retryable').kind).toBe('retry'); // 1 retry ≤ 0.5 × 2 requests
    expect(b.next('retryable')).toEqual({ kind: 'give-up', reason: 'budget' }); // 2 > 1
  });
});

describe('task 3: a circuit breaker', () => {
  const options = { failureRateThreshold: 0.5, minimumCalls: 4, windowMs: 10_000, openMs: 5000, halfOpenMaxCalls: 1, halfOpenSuccessesToClose: 2 };

  test('it opens at the threshold once it has seen minimumCalls, and half-opens after openMs', () => {
    const clocks = handClocks();
    const breaker = new CircuitBreaker({ ...options, clocks });
    const report = (ok: boolean): void => {
      const permit = breaker.tryAcquire();
      if (permit === 'rejected') throw new Error('rejected');
      if (ok) permit.success();
      else permit.failure();
    };
    report(false);
    report(false);
    report(true);
    expect(breaker.state).toBe('closed'); // 3 reports < minimumCalls
    report(false);
    expect(breaker.state).toBe('open'); // 3 failures of 4 ≥ 0.5
    expect(breaker.tryAcquire()).toBe('rejected');
    clocks.advance(5000);
    expect(breaker.state).toBe('half-open');
    const probe = breaker.tryAcquire();
    expect(breaker.tryAcquire()).toBe('rejected'); // one probe at a time
    if (probe === 'rejected') throw new Error('no probe');
    probe.success();
    report(true);
    expect(breaker.state).toBe('closed');
  });
});

describe('task 4: load shedding', () => {
  test('past the concurrency limit requests queue; past the queue, the least important is shed', () => {
    const shedder = new LoadShedder({ maxConcurrency: 1, maxQueue: 1, clocks: handClocks() });
    expect(shedder.offer({ id: 'a', priority: 'normal', deadlineMs: 1000 })).toEqual({ started: ['a'], shed: [] });
    expect(shedder.offer({ id: 'b', priority: 'sheddable', deadlineMs: 1000 })).toEqual({ started: [], shed: [] });
    expect(shedder.offer({ id: 'c', priority: 'critical', deadlineMs: 1000 })).toEqual({ started: [], shed: ['b'] });
    expect(shedder.done('a')).toEqual({ started: ['c'], shed: [] });
  });

  test('a queued request whose deadline has come is shed, never started', () => {
    const clocks = handClocks();
    const shedder = new LoadShedder({ maxConcurrency: 1, maxQueue: 5, clocks });
    shedder.offer({ id: 'a', priority: 'normal', deadlineMs: 1000 });
    shedder.offer({ id: 'b', priority: 'normal', deadlineMs: 500 });
    clocks.advance(500);
    expect(shedder.done('a')).toEqual({ started: [], shed: ['b'] });
  });
});
