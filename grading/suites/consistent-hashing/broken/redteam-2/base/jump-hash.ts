/**
 * Reference jump consistent hash (task 4), written blind from README.md and the stubs.
 */
const MULTIPLIER = 2862933555777941757n;
const MASK_64 = (1n << 64n) - 1n;
const TWO_31 = 2147483648;
const MAX_BUCKETS = 2 ** 31 - 1;

export function jumpHash(key: bigint, buckets: number): number {
  if (typeof key !== 'bigint' || key < 0n || key > MASK_64) {
    throw new RangeError(`key must be a bigint in [0, 2^64 - 1], got ${String(key)}`);
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
