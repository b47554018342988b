/** The monotonic clock: it drifts with the wall clock, ignores its skews and jumps, and keeps counting across a restart. */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { faultPlanArb, simulate, type FaultPlan, type NodeClock, type NodeContext, type ProtocolNode } from '../sim';
import { callsOf, recorderSpec, type Ping } from './sim-support';

/** Monotonic time at virtual time `t`, from the drift faults alone: virtual time, each stretch scaled by its drift. */
function modelMonotonic(plan: FaultPlan, node: string, t: number): number {
  let value = 0;
  let since = 0;
  let ppm = 0;
  for (const { atMs, fault } of plan) {
    if (atMs > t) break;
    if (fault.type !== 'clock-drift' || fault.node !== node) continue;
    value += (atMs - since) * (1 + ppm / 1e6);
    since = atMs;
    ppm = fault.ppm;
  }
  return value + (t - since) * (1 + ppm / 1e6);
}

const nonDecreasing = (values: readonly number[]): boolean => values.every((v, i) => i === 0 || v >= values[i - 1]!);
const steps = (values: readonly number[]): number[] => values.slice(1).map((v, i) => v - values[i]!);

describe('the monotonic clock', () => {
  test('it never goes backwards under clock jumps of either sign and skews, while the wall clock does', () => {
    const result = simulate(1, recorderSpec({
      nodes: ['a', 'b'],
      tickMs: 100,
      durationMs: 1000,
      faults: [
        { atMs: 250, fault: { type: 'clock-jump', node: 'a', byMs: -300 } },
        { atMs: 450, fault: { type: 'clock-jump', node: 'a', byMs: 5000 } },
        { atMs: 650, fault: { type: 'clock-skew', node: 'a', skewMs: -10_000 } },
      ],
    }));
    const ticks = callsOf(result.outputs, 'a').filter((c) => c.call === 'tick');
    expect(ticks.map((c) => c.mono)).toEqual([100, 200, 300, 400, 500, 600, 700, 800, 900, 1000]);
    expect(nonDecreasing(ticks.map((c) => c.wall))).toBe(false);
    expect(ticks.map((c) => c.wall)).not.toEqual(ticks.map((c) => c.mono));
  });

  test('under any plan of clock faults, crashes and pauses, it reads virtual time scaled by the drift in force, and never decreases', () => {
    const kinds = ['clock-jump', 'clock-skew', 'clock-drift', 'crash', 'pause'] as const;
    fc.assert(
      fc.property(faultPlanArb(['a', 'b'], { untilMs: 2000, kinds, maxFaults: 10 }), (plan) => {
        const result = simulate(1, recorderSpec({ nodes: ['a', 'b'], tickMs: 50, durationMs: 2000, faults: plan }));
        for (const node of ['a', 'b']) {
          const calls = callsOf(result.outputs, node);
          expect(nonDecreasing(calls.map((c) => c.mono))).toBe(true);
          for (const c of calls) expect(Math.abs(c.mono - modelMonotonic(plan, node, c.t))).toBeLessThan(1e-6);
        }
      }),
      { numRuns: 60, seed: 11 },
    );
  });

  test('clock-drift drifts the wall clock and the monotonic clock at the same rate', () => {
    const result = simulate(1, recorderSpec({
      nodes: ['a', 'b'],
      tickMs: 100,
      durationMs: 1000,
      faults: [
        { atMs: 0, fault: { type: 'clock-skew', node: 'a', skewMs: 5000 } },
        { atMs: 0, fault: { type: 'clock-drift', node: 'a', ppm: 100_000 } },
        { atMs: 500, fault: { type: 'clock-drift', node: 'a', ppm: -50_000 } },
      ],
    }));
    const ticks = callsOf(result.outputs, 'a').filter((c) => c.call === 'tick');
    const wall = steps(ticks.map((c) => c.wall));
    const mono = steps(ticks.map((c) => c.mono));
    mono.forEach((step, i) => expect(step).toBeCloseTo(wall[i]!, 9));
    expect(mono[0]).toBeCloseTo(110, 9);
    expect(mono.at(-1)).toBeCloseTo(95, 9);
    expect(ticks.at(-1)!.mono).toBeCloseTo(500 * 1.1 + 500 * 0.95, 9);
  });

  test('slowed by nearly its whole rate, it still never goes backwards', () => {
    const result = simulate(1, recorderSpec({
      nodes: ['a', 'b'],
      tickMs: 10,
      durationMs: 1000,
      faults: [
        { atMs: 0, fault: { type: 'clock-drift', node: 'a', ppm: -999_999 } },
        { atMs: 300, fault: { type: 'clock-jump', node: 'a', byMs: -60_000 } },
      ],
    }));
    const mono = callsOf(result.outputs, 'a').map((c) => c.mono);
    expect(nonDecreasing(mono)).toBe(true);
    expect(mono.at(-1)).toBeGreaterThan(mono[0]!);
  });

  test('it keeps counting across a crash and restart', () => {
    const result = simulate(1, recorderSpec({
      nodes: ['a', 'b'],
      tickMs: 100,
      durationMs: 1000,
      faults: [
        { atMs: 0, fault: { type: 'clock-drift', node: 'a', ppm: 1000 } },
        { atMs: 350, fault: { type: 'crash', node: 'a', downMs: 200 } },
      ],
    }));
    const calls = callsOf(result.outputs, 'a');
    const restart = calls.findIndex((c, i) => i > 0 && c.call === 'start');
    expect(calls[restart]).toMatchObject({ t: 550 });
    expect(calls[restart]!.mono).toBeCloseTo(550 * 1.001, 9);
    expect(calls[restart]!.mono).toBeGreaterThan(calls[restart - 1]!.mono);
    expect(nonDecreasing(calls.map((c) => c.mono))).toBe(true);
  });

  test('a node gets the same frozen object on every call, and cannot patch it', () => {
    const seen: NodeClock[] = [];
    class Patcher implements ProtocolNode<Ping> {
      constructor(private readonly ctx: NodeContext<Ping, never>) {
        seen.push(ctx.monotonic);
      }
      tick(): void {
        seen.push(this.ctx.monotonic);
        if (seen.length === 3) (this.ctx.monotonic as { now: () => number }).now = () => 0;
      }
      step(): void {}
    }
    expect(() => simulate(1, { nodes: ['a'], create: (ctx: NodeContext<Ping, never>) => new Patcher(ctx), durationMs: 500 })).toThrow(/a threw during tick\(\): TypeError/);
    expect(new Set(seen).size).toBe(1);
    expect(Object.isFrozen(seen[0])).toBe(true);
  });
});
