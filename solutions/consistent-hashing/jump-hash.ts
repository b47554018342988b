/**
 * Consistent hashing, task 4: reference solution. Same exports and contract
 * as exercises/consistent-hashing/jump-hash.ts; read the stub for it.
 */

const MAX_BUCKETS = 2 ** 31 - 1;
const MAX_KEY = (1n << 64n) - 1n;

export function jumpHash(key: bigint, buckets: number): number {
  if (typeof key !== 'bigint' || key < 0n || key > MAX_KEY) {
    throw new RangeError(`key must be a bigint in [0, 2^64 − 1], got ${String(key)}`);
  }
  if (!Number.isInteger(buckets) || buckets < 1 || buckets > MAX_BUCKETS) {
    throw new RangeError(`buckets must be an integer in [1, 2^31 − 1], got ${String(buckets)}`);
  }
  // The paper's loop starts from b = −1, j = 0 and always runs once: a do-while says so.
  let state = key;
  let b: number;
  let j = 0;
  do {
    b = j;
    state = BigInt.asUintN(64, state * 2862933555777941757n + 1n);
    j = Math.floor((b + 1) * (2 ** 31 / (Number(state >> 33n) + 1)));
  } while (j < buckets);
  return b;
}
