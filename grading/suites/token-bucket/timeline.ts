/**
 * Replays a timeline of clock moves and requests against the learner's
 * bucket and the exact model side by side, failing at the first difference
 * with the step, the clock reading and both answers.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { ModelBucket, Q } from './model';
import { TestClock, shareArb, sizeOf, type BucketModule, type Config } from './support';

export type Step =
  | { readonly kind: 'advance'; readonly ms: number }
  | { readonly kind: 'set'; readonly to: number }
  | { readonly kind: 'take'; readonly share: number }
  | { readonly kind: 'available' }
  | { readonly kind: 'wait'; readonly share: number };

export const describeStep = (s: Step, capacity: number): string => {
  switch (s.kind) {
    case 'advance':
      return `clock ${s.ms >= 0 ? '+' : ''}${s.ms} ms`;
    case 'set':
      return `clock set to ${s.to}`;
    case 'take':
      return `tryTake(${sizeOf(s.share, capacity)})`;
    case 'available':
      return 'available()';
    case 'wait':
      return `timeUntilAvailable(${sizeOf(s.share, capacity)})`;
    default: {
      const unreachable: never = s;
      return JSON.stringify(unreachable);
    }
  }
};

export interface Outcome {
  /** Tokens granted at each clock reading, for window checks. */
  readonly grants: { readonly t: number; readonly n: number }[];
}

/** Runs `steps`; every answer must match the exact model (boundary decisions may go either way). */
export function replay(TokenBucket: BucketModule['TokenBucket'], config: Config, steps: readonly Step[]): Outcome {
  const clock = new TestClock(config.start);
  const bucket = new TokenBucket({ capacity: config.capacity, refillPerSecond: config.refillPerSecond, clock: clock.reader });
  const model = new ModelBucket(config.capacity, config.refillPerSecond, config.start);
  const grants: { t: number; n: number }[] = [];
  const history: string[] = [];
  const where = () => `after ${history.length > 8 ? '…, ' : ''}${history.slice(-8).join(', ') || 'creation'} (capacity ${config.capacity}, ${config.refillPerSecond}/s, clock ${clock.t})`;
  for (const step of steps) {
    history.push(describeStep(step, config.capacity));
    switch (step.kind) {
      case 'advance':
        clock.t += step.ms;
        break;
      case 'set':
        clock.t = step.to;
        break;
      case 'take': {
        const n = sizeOf(step.share, config.capacity);
        model.refill(clock.t);
        const expected = model.decide(n);
        const got = bucket.tryTake(n);
        if (expected !== 'either') expect(got, `tryTake(${n}) ${where()}: the model holds ${model.tokens.toNumber()} tokens`).toBe(expected === 'yes');
        if (got) {
          model.take(n);
          grants.push({ t: clock.t, n });
        }
        break;
      }
      case 'available': {
        model.refill(clock.t);
        const got = bucket.available();
        expect(model.acceptsAvailable(got), `available() ${where()}: got ${got}, the model holds ${model.tokens.toNumber()} (and available() is always in [0, capacity])`).toBe(true);
        break;
      }
      case 'wait': {
        const n = sizeOf(step.share, config.capacity);
        model.refill(clock.t);
        const got = bucket.timeUntilAvailable(n);
        const behind = model.latest !== undefined && Number.isFinite(clock.t) && Q.of(clock.t).cmp(model.latest) < 0;
        const gapNote = behind ? ` (the clock is ${model.latest!.sub(Q.of(clock.t)).toNumber()} ms behind the latest reading: the wait from the latest reading and the wait including that gap are both accepted, TB-2.6)` : '';
        expect(model.acceptsWaitAt(n, got, clock.t), `timeUntilAvailable(${n}) ${where()}: got ${got} ms with ${model.tokens.toNumber()} tokens in the model${gapNote}`).toBe(true);
        // 0 exactly when tryTake(n) would succeed now (TB-2.2).
        if (got !== 0) expect(model.decide(n), `timeUntilAvailable(${n}) ${where()} answered ${got}, but the model holds ${model.tokens.toNumber()}: tryTake(${n}) would succeed now`).not.toBe('yes');
        break;
      }
      default: {
        const unreachable: never = step;
        throw new Error(`unknown step ${JSON.stringify(unreachable)}`);
      }
    }
  }
  return { grants };
}

export const takeArb: fc.Arbitrary<Step> = fc.record({ kind: fc.constant('take' as const), share: shareArb });
export const availableArb: fc.Arbitrary<Step> = fc.constant({ kind: 'available' as const });
export const waitArb: fc.Arbitrary<Step> = fc.record({ kind: fc.constant('wait' as const), share: shareArb });
export const advanceArb = (ms: fc.Arbitrary<number>): fc.Arbitrary<Step> => ms.map((value) => ({ kind: 'advance' as const, ms: value }));
