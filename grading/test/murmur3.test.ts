import { expect, test } from 'vitest';
import { murmur3 } from '../../exercises/bloom-filter/murmur3';

const utf8 = (text: string) => new TextEncoder().encode(text);

test('the provided murmur3 matches the published MurmurHash3_x86_32 vectors', () => {
  expect(murmur3(utf8(''), 0)).toBe(0);
  expect(murmur3(utf8(''), 1)).toBe(0x514e28b7);
  expect(murmur3(utf8('abc'), 0)).toBe(0xb3dd93fa);
  expect(murmur3(utf8('hello'), 0)).toBe(0x248bfa47);
  expect(murmur3(utf8('Hello, world!'), 1234)).toBe(0xfaf6cdb3);
  expect(murmur3(utf8('The quick brown fox jumps over the lazy dog'), 0)).toBe(0x2e4ff723);
  expect(murmur3(Uint8Array.from([0xff, 0xff, 0xff, 0xff]), 0)).toBe(0x76293b50);
});
