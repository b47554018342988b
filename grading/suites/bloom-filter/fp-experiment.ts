/**
 * The false-positive experiment, shared by the graded test and by the stress
 * script that checks its tolerance over many seeds (grading/bench/fp-rate.ts).
 *
 * 10 000 keys go into a filter of 95 851 bits and 7 hashes — the optimum for
 * 1 % — and 100 000 keys that were never added are asked about. Keys look like
 * a storage engine's (`user:<id>`): they share a long prefix, so a filter that
 * hashes only part of a key fails.
 */
import type { Rng } from '../../../harness';

export const FP_ITEMS = 10_000;
export const FP_PROBES = 100_000;
export const FP_BITS = 95_851; // ⌈−10 000 · ln 0.01 / (ln 2)²⌉
export const FP_HASHES = 7;
/** Allowed relative error of the measured rate: with ~1 000 expected false positives, 20 % is over six standard deviations. */
export const FP_TOLERANCE = 0.2;

export interface FilterLike {
  add(key: string): void;
  has(key: string): boolean;
}

export interface FpMeasurement {
  readonly falsePositives: number;
  readonly measured: number;
  readonly expected: number;
}

export function measureFalsePositives(create: (bits: number, hashes: number) => FilterLike, rng: Rng): FpMeasurement {
  const ids = new Set<number>();
  while (ids.size < FP_ITEMS + FP_PROBES) ids.add(rng.nextU32());
  const keys = [...ids].map((id) => `user:${id}`);
  const filter = create(FP_BITS, FP_HASHES);
  for (let i = 0; i < FP_ITEMS; i++) filter.add(keys[i]!);
  let falsePositives = 0;
  for (let i = FP_ITEMS; i < keys.length; i++) if (filter.has(keys[i]!)) falsePositives++;
  return {
    falsePositives,
    measured: falsePositives / FP_PROBES,
    expected: Math.pow(-Math.expm1((-FP_HASHES * FP_ITEMS) / FP_BITS), FP_HASHES),
  };
}
