import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { codePointString } from '../suite/arbitraries';

const counterexample = (arb: fc.Arbitrary<string>, seed: number): string | undefined => {
  const details = fc.check(fc.property(arb, (s) => !(s.length > 2 && [...s].some((c) => c.codePointAt(0)! > 0x1000))), { seed });
  return details.failed ? JSON.stringify(details.counterexample) : undefined;
};

describe('codePointString', () => {
  test('generates, for the same seed, exactly the strings fast-check’s binary unit generates', () => {
    for (const seed of [1, 2, 3]) {
      expect(fc.sample(codePointString({ maxLength: 12 }), { seed, numRuns: 2_000 })).toEqual(
        fc.sample(fc.string({ unit: 'binary', maxLength: 12 }), { seed, numRuns: 2_000 }),
      );
    }
  });

  test('shrinks a failure to the counterexample the binary unit shrinks to', () => {
    for (const seed of [1, 2, 3]) {
      const ours = counterexample(codePointString({ maxLength: 12 }), seed);
      expect(ours).toBeDefined();
      expect(ours).toBe(counterexample(fc.string({ unit: 'binary', maxLength: 12 }), seed));
    }
  });

  test('never generates a lone surrogate, and mixes in fast-check’s awkward strings', () => {
    const samples = fc.sample(codePointString({ maxLength: 12 }), { seed: 1, numRuns: 5_000 });
    expect(samples.filter((s) => /[\ud800-\udfff]/.test(s.replace(/[\ud800-\udbff][\udc00-\udfff]/g, '')))).toEqual([]);
    expect(samples).toContain('__proto__');
  });
});
