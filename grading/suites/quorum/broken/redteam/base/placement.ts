/**
 * Which nodes hold a key. Provided: use it, do not edit it.
 *
 * Every node is on one ring, sorted by id; a key hashes (FNV-1a over its
 * UTF-8 bytes) to a starting node, and its preference list is every node in
 * ring order from there. The first `n` are the key's home replicas; the rest
 * are its fallbacks, in the order a sloppy quorum asks them (Dynamo, SOSP
 * 2007, §4.3 and §4.6). Deliberately simple: the consistent-hashing exercise
 * is where rings with virtual nodes are built.
 */
import type { NodeId } from '@faultline/harness';

const encoder = new TextEncoder();

/** FNV-1a, 32 bits, over the key's UTF-8 bytes. */
function fnv1a(key: string): number {
  let h = 0x811c9dc5;
  for (const byte of encoder.encode(key)) h = Math.imul(h ^ byte, 0x01000193) >>> 0;
  return h;
}

/** Every node in `nodes` (any order, no repeats), in the order the key's preference list gives them; a new array. */
export function preferenceList(key: string, nodes: readonly NodeId[]): NodeId[] {
  if (nodes.length === 0) throw new RangeError('placement: no nodes to place a key on');
  const ring = [...nodes].sort();
  if (ring.some((id, i) => i > 0 && ring[i - 1] === id)) throw new RangeError(`placement: a node is listed twice in ${JSON.stringify(nodes)}`);
  const start = fnv1a(key) % ring.length;
  return [...ring.slice(start), ...ring.slice(0, start)];
}
