import { describe, expect, test } from 'vitest';
import { describeThrown, parseSeed, replayCommand, testKey } from '../suite';

describe('the suite kit', () => {
  test('FAULTLINE_SEED accepts integers in [0, 2^32) and defaults to 1', () => {
    expect(parseSeed(undefined)).toBe(1);
    expect(parseSeed('')).toBe(1);
    expect(parseSeed('0')).toBe(0);
    expect(parseSeed('4294967295')).toBe(4294967295);
    for (const bad of ['-1', '4294967296', '1.5', 'abc', '0x10', ' ']) expect(() => parseSeed(bad)).toThrow(RangeError);
  });

  test('a replay command quotes the test name for the shell and escapes it for -t', () => {
    const command = replayCommand('bloom-filter', "it's (really) [odd]", 42);
    expect(command).toBe(`cd exercises/bloom-filter && FAULTLINE_SEED=42 npm test -- -t 'it'\\''s \\(really\\) \\[odd\\]'`);
  });

  test('a replay command with a fast-check path names the test it belongs to', () => {
    const command = replayCommand('bloom-filter', 'x', 1, '3:0:1');
    expect(command).toContain(`FAULTLINE_REPLAY=${testKey('bloom-filter', 'x')}:3:0:1`);
  });

  test('thrown values are described without running code they control', () => {
    const hostile = {
      toString() {
        throw new Error('gotcha');
      },
      get message(): string {
        throw new Error('gotcha');
      },
    };
    expect(describeThrown(hostile)).toBe('an object ([object Object])');
    expect(describeThrown('oops')).toBe('the string "oops"');
    expect(describeThrown(undefined)).toBe('undefined');
    expect(describeThrown(null)).toBe('null');
  });
});
