import { expect, test } from 'vitest';
import { firstMessage, isTimeout } from '../reporters/errors';

test('a deadline or vitest\'s own test timeout reads as a timeout; other failures do not', () => {
  expect(isTimeout([{ name: 'DeadlineExceededError', message: 'deadline: …' }])).toBe(true);
  expect(isTimeout([{ name: 'Error', message: 'Test timed out in 10000ms.\nIf this is a long-running test, …' }])).toBe(true);
  expect(isTimeout([{ name: 'AssertionError', message: 'expected 1 to be 2' }])).toBe(false);
  expect(isTimeout(undefined)).toBe(false);
});

test('a failure message names the error type unless the message speaks for itself', () => {
  expect(firstMessage([{ name: 'TypeError', message: 'x is not a function' }])).toBe('TypeError: x is not a function');
  expect(firstMessage([{ name: 'NotImplementedError', message: 'not implemented: BloomFilter.add' }])).toBe('not implemented: BloomFilter.add');
  expect(firstMessage([{ name: 42, message: { hostile: true } }])).toBe('');
  expect(firstMessage([])).toBe('');
});
