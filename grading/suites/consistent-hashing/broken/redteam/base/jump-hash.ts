/**
 * Consistent hashing, task 4 — your file. Replace the
 * `throw new NotImplementedError(...)` with an implementation; keep the
 * export and its signature.
 *
 * Jump consistent hash (Lamping and Veach, "A Fast, Minimal Memory,
 * Consistent Hash Algorithm", 2014, arXiv:1406.2294): no ring, no memory,
 * five lines, and a perfectly even spread, but the buckets are numbered
 * 0 … n − 1, so only the last one can be taken away.
 */

const MASK_64 = (1n << 64n) - 1n;
const MULTIPLIER = 2862933555777941757n;
const TWO_31 = 2 ** 31;
const MAX_BUCKETS = 2 ** 31 - 1;

/**
 * [CH-4.1] The bucket of `key` among `buckets`, by the paper's loop, with
 * the paper's generator in exact unsigned 64-bit arithmetic:
 *
 *     b = −1, j = 0
 *     while j < buckets:
 *       b   = j
 *       key = (key × 2862933555777941757 + 1) mod 2⁶⁴
 *       j   = ⌊(b + 1) × (2³¹ / ((key >> 33) + 1))⌋     in doubles, as the paper's C++
 *     return b
 *
 * [CH-4.2] The result is an integer in [0, buckets).
 * [CH-4.3] `key` is a bigint in [0, 2⁶⁴ − 1] and `buckets` an integer in
 * [1, 2³¹ − 1] (the paper's `int32_t`); anything else is a `RangeError`
 * naming the argument ([CH-0.1], [CH-0.2]).
 */
export function jumpHash(key: bigint, buckets: number): number {
  if (typeof key !== 'bigint' || key < 0n || key > MASK_64) {
    throw new RangeError(`key must be a bigint in [0, 2^64 - 1], got ${typeof key === 'bigint' ? `${key}n` : String(key)}`);
  }
  if (typeof buckets !== 'number' || !Number.isInteger(buckets) || buckets < 1 || buckets > MAX_BUCKETS) {
    throw new RangeError(`buckets must be an integer in [1, 2^31 - 1], got ${String(buckets)}`);
  }
  let k = key;
  let b = -1;
  let j = 0;
  while (j < buckets) {
    b = j;
    k = (k * MULTIPLIER + 1n) & MASK_64;
    j = Math.floor((b + 1) * (TWO_31 / (Number(k >> 33n) + 1)));
  }
  return b;
}
