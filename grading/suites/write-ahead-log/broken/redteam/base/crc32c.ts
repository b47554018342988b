/**
 * CRC-32C (Castagnoli) — provided: call it, do not edit it (the grader uses
 * its own copy).
 *
 * The checksum of iSCSI (RFC 3720, appendix B.4, where its test vectors
 * come from), ext4 metadata, LevelDB and RocksDB logs, and etcd's WAL. It
 * is the CRC-32 of the polynomial 0x1EDC6F41, bit-reflected (0x82F63B78),
 * with the register starting at all ones and inverted at the end. It finds
 * every burst error of up to 32 bits, so a single flipped bit never goes
 * unnoticed; it is a check against accidents, not against an adversary.
 *
 *   crc32c(new TextEncoder().encode('123456789')) === 0xe3069283
 *   crc32c(new Uint8Array(32))                     === 0x8a9136aa
 */

const TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0x82f63b78 : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/**
 * The CRC-32C of `bytes`, an unsigned 32-bit integer. To checksum several
 * pieces as one, pass each result as `previous` to the next call:
 * `crc32c(b, crc32c(a))` equals the CRC-32C of `a` followed by `b`.
 */
export function crc32c(bytes: Uint8Array, previous = 0): number {
  let c = ~previous >>> 0;
  for (let i = 0; i < bytes.length; i++) c = TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}
