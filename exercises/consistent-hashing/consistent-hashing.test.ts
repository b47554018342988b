/**
 * Visible tests: a few worked examples of the contract, to read before you
 * start. They earn no points; the hidden suite (grading/suites/consistent-hashing)
 * does, and `npm test` runs both. `@impl/consistent-hashing` is your ring.ts;
 * the other files are `@impl/consistent-hashing/<name>`.
 */
import { describe, expect, test } from 'vitest';
import { Ring } from '@impl/consistent-hashing';
import { jumpHash } from '@impl/consistent-hashing/jump-hash';
import { Rendezvous } from '@impl/consistent-hashing/rendezvous';

/** The README's worked example: nodes a, b and c with 2 virtual nodes each. */
function exampleRing(): Ring {
  const ring = new Ring({ vnodes: 2 });
  for (const node of ['a', 'b', 'c']) ring.addNode(node);
  return ring;
}

describe('task 1: a ring with virtual nodes', () => {
  test('a key goes to the first token clockwise', () => {
    // hash("alice") = 1 280 413 405; the next token is b#0 at 2 461 118 074.
    expect(exampleRing().owner('alice')).toBe('b');
  });

  test('a key past the last token wraps to the first', () => {
    // hash("judy") = 4 262 448 304, after c#1 at 3 893 862 516: the first token is a#1.
    expect(exampleRing().owner('judy')).toBe('a');
  });

  test('the order in which nodes join does not matter', () => {
    const reversed = new Ring({ vnodes: 2 });
    for (const node of ['c', 'b', 'a']) reversed.addNode(node);
    for (const key of ['alice', 'carol', 'judy']) expect(reversed.owner(key)).toBe(exampleRing().owner(key));
  });

  test('colliding tokens both stay on the ring, in node order', () => {
    const ring = new Ring({ vnodes: 1, hash: () => 7 }); // every token and key hashes to 7
    ring.addNode('b');
    ring.addNode('a');
    expect(ring.owner('any key')).toBe('a');
    ring.removeNode('a');
    expect(ring.owner('any key')).toBe('b');
  });

  test('an empty ring has no owner to give', () => {
    const ring = new Ring();
    expect(() => ring.owner('k')).toThrow(/empty/);
    expect(() => ring.owner('k')).toThrow(RangeError);
  });
});

describe('task 2: preference lists', () => {
  test('the walk skips virtual nodes of nodes already chosen', () => {
    // alice: b#0, then b#1 (b again: skipped), then c#1.
    expect(exampleRing().preferenceList('alice', 2)).toEqual(['b', 'c']);
  });

  test('asking for more nodes than there are gives each node once', () => {
    expect(exampleRing().preferenceList('judy', 5)).toEqual(['a', 'c', 'b']);
  });
});

describe('task 3: weighted rendezvous hashing', () => {
  test('with equal weights the highest hash of node#key wins', () => {
    const placement = new Rendezvous();
    for (const node of ['a', 'b', 'c']) placement.addNode(node);
    // hash("a#alice") = 1 497 651 697, hash("c#alice") = 969 642 158, hash("b#alice") = 650 693 417.
    expect(placement.preferenceList('alice', 3)).toEqual(['a', 'c', 'b']);
  });
});

describe('task 4: jump consistent hash', () => {
  test('matches published values', () => {
    expect(jumpHash(42n, 57)).toBe(43);
    expect(jumpHash(256n, 1024)).toBe(520);
    expect(jumpHash(10863919174838991n, 11)).toBe(6);
  });

  test('one bucket takes every key', () => {
    expect(jumpHash(2n ** 64n - 1n, 1)).toBe(0);
  });
});
