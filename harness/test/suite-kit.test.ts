import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { describeThrown, parseSeed, replayCommand, testKey } from '../suite';
import { commandsReplayPaths, formatReplay, parseReplay } from '../suite/replay';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

describe('the suite kit', () => {
  test('FAULTLINE_SEED accepts integers in [0, 2^32) and defaults to 1', () => {
    expect(parseSeed(undefined)).toBe(1);
    expect(parseSeed('')).toBe(1);
    expect(parseSeed('0')).toBe(0);
    expect(parseSeed('4294967295')).toBe(4294967295);
    for (const bad of ['-1', '4294967296', '1.5', 'abc', '0x10', ' ']) expect(() => parseSeed(bad)).toThrow(RangeError);
  });

  test('a replay command quotes the test name for the shell and escapes it for -t', () => {
    const command = replayCommand('bloom-filter', "it's (really) [odd]", 42, undefined, ROOT);
    expect(command).toBe(`cd exercises/bloom-filter && FAULTLINE_SEED=42 npm test -- -t 'it'\\''s \\(really\\) \\[odd\\]'`);
  });

  test('a replay command starts where it is printed: no cd in the exercise folder, a relative one anywhere else', () => {
    expect(replayCommand('bloom-filter', 'x', 1, undefined, path.join(ROOT, 'exercises', 'bloom-filter'))).toBe(`FAULTLINE_SEED=1 npm test -- -t 'x'`);
    expect(replayCommand('bloom-filter', 'x', 1, undefined, path.join(ROOT, 'exercises', 'raft'))).toMatch(/^cd \.\.\/bloom-filter && /);
    expect(replayCommand('bloom-filter', 'x', 1, undefined, path.join(ROOT, 'grading'))).toMatch(/^cd \.\.\/exercises\/bloom-filter && /);
  });

  test('a replay command with a fast-check path names the test it belongs to, and carries each command sequence’s replay path', () => {
    const command = replayCommand('bloom-filter', 'x', 1, { path: '3:0:1', commands: [] }, ROOT);
    expect(command).toContain(`FAULTLINE_REPLAY=${testKey('bloom-filter', 'x')}:3:0:1 `);
    const withCommands = replayCommand('bloom-filter', 'x', 1, { path: '3:0:1', commands: ['CD:F', 'BAA+/:y'] }, ROOT);
    const value = /FAULTLINE_REPLAY=(\S+)/.exec(withCommands)![1]!;
    expect(parseReplay(value)).toEqual({ key: testKey('bloom-filter', 'x'), path: '3:0:1', commands: ['CD:F', 'BAA+/:y'] });
    expect(formatReplay(parseReplay(value)!)).toBe(value);
    expect(() => parseReplay('no-colon')).toThrow(RangeError);
    expect(commandsReplayPaths('[1,"a",Put(0,"k","v"),Get(0,"k") /*replayPath="CD:F"*/, x /*replayPath="A:"*/]')).toEqual(['CD:F', 'A:']);
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
