/** Staged hints for consistent hashing (grading/hints/types.ts says how they are used). */
import type { ExerciseHints } from './types';

export const hints: ExerciseHints = {
  1: [
    {
      text: 'Work the README’s worked example by hand: list the six virtual nodes in ring order, then place `carol`, `alice` and `judy`. Which virtual node does a key exactly at a token belong to, and which one does a key above every token belong to? Then ask what your ring keeps when two virtual nodes land on the same token, and whether it would answer the same had the nodes joined in the opposite order.',
      readme: '1. A ring with virtual nodes — 35 points',
    },
    {
      text: 'Keep one array of virtual nodes `{ token, node, i }`, sorted with a comparator that looks at all three: token (numerically: `tokens.sort()` without a comparator sorts by decimal strings), then node id with `<`, then i. A `Map` from token to node drops one of two colliding virtual nodes, and removing a node then deletes the other’s. The label is `node + "#" + i`, never `node + i`. A lookup is a binary search for the first token `>=` the key’s hash; when the search runs off the end, the answer is index 0, not the last index.',
      paper: 'Karger et al. 1997, "Consistent Hashing and Random Trees", §4',
    },
    {
      text: 'In the constructor, copy `vnodes` (check `Number.isInteger` and [1, 1024]) and `hash` out of the options. `addNode` checks the id is a non-empty string not yet present and the weight an integer in [1, 64], computes all `vnodes × weight` tokens with one `hash` call each, and only then changes state: merge them into the sorted array and record the node. `removeNode` filters out the virtual nodes whose `node` is the leaver (by id, never by token). `owner` hashes the key once, binary-searches `lo` with `tokens[mid] < position ? lo = mid + 1 : hi = mid`, and returns `ring[lo === ring.length ? 0 : lo].node`; `nodes()` returns a new sorted array.',
    },
  ],
  2: [
    {
      text: 'Dynamo’s preference list is N distinct machines. Starting from the key’s virtual node, what does your walk do when the next virtual node belongs to a node it already took, and when does it stop if there are fewer nodes than N?',
      readme: '2. Preference lists — 20 points',
      paper: 'DeCandia et al. 2007, "Dynamo: Amazon’s Highly Available Key-value Store", §4.3',
    },
    {
      text: 'Count distinct nodes, not steps: a loop that visits n virtual nodes comes back short when two of them share a node, and one that pushes every node it meets repeats them. The walk wraps past the end of the array (index modulo its length) and stops at `Math.min(n, number of nodes)` nodes, so it never loops forever. Check `n` (an integer from 1 to 2⁵³ − 1: `Number.isSafeInteger(n) && n >= 1`) before looking at the ring, and put the word `n` in the message.',
    },
    {
      text: '`const wanted = Math.min(n, this.nodeCount)`; start at the index `owner` uses (hash the key once and reuse the index); then `for (let step = 0; chosen.length < wanted; step++) { const node = ring[(start + step) % ring.length].node; if (!chosen.includes(node)) chosen.push(node); }` and return `chosen`, a new array every call.',
    },
  ],
  3: [
    {
      text: 'Write the README’s three lines of the score out as code, exactly: what string is hashed, what is `u` when the hash is 0 or 2³² − 1, and where does the weight go? Then ask how your code ranks two nodes with exactly the same score.',
      readme: '3. Weighted rendezvous hashing — 20 points',
    },
    {
      text: 'The label is `node + "#" + key`: hashing the node alone ranks every key the same way. `u = (h + 0.5) / 2 ** 32` keeps `u` strictly inside (0, 1), so `-Math.log(u)` is never 0 or infinite. `weight / -Math.log(u)` is the weighted form; `weight * u` looks reasonable and gives the wrong shares. Ties (the suite’s hashes make many) go to the smaller node id by `<`, never to the node added first. A weight is a number in [2⁻²⁰, 2²⁰]: `NaN` fails every comparison, so test for what is valid rather than for what is not.',
      paper: 'Schindelhauer & Schomaker 2005, "Weighted Distributed Hash Tables"',
    },
    {
      text: 'Keep a `Map` from node to weight. For a lookup, check `n` first, then that there are nodes (a `RangeError` with the word `empty`), then build one `{ node, score }` per node with one `hash` call each, sort a copy with `(a, b) => b.score - a.score || (a.node < b.node ? -1 : a.node > b.node ? 1 : 0)`, and take the first `n` ids (`owner` is the first). Never hash inside the comparator.',
    },
  ],
  4: [
    {
      text: 'Take `jumpHash(42n, 57)`, which must be 43, and follow the loop by hand for two steps. Which of your values must be 64-bit integers, and which are doubles in the paper’s C++? What does JavaScript do to `key * 2862933555777941757` when `key` is a `number`?',
      readme: '4. Jump consistent hash — 25 points',
    },
    {
      text: 'A `number` holds 53 bits, so the generator must run in `bigint` and wrap with `BigInt.asUintN(64, state * 2862933555777941757n + 1n)`. Only `(state >> 33n) + 1`, at most 2³¹, becomes a number, for `j = Math.floor((b + 1) * (2 ** 31 / (Number(state >> 33n) + 1)))`. The loop runs while `j < buckets` and returns `b`, the last bucket it visited. Check `typeof key === "bigint"`, `0n <= key <= 2n ** 64n - 1n`, and `Number.isInteger(buckets)` with 1 ≤ buckets ≤ 2³¹ − 1 before the loop.',
      paper: 'Lamping & Veach 2014, "A Fast, Minimal Memory, Consistent Hash Algorithm", figure 1',
    },
  ],
};
