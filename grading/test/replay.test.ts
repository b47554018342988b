/**
 * A replay command works where it was printed: pasted into a shell in the
 * exercise folder (where a learner runs npm test) and at the root, it reruns
 * the same test on the same counterexample. The test replayed is a sequence
 * of commands (fast-check `commands`), which replays only with the replay
 * path of its sequence beside fast-check's own.
 */
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { StagedImpl } from '../impl';
import { VITEST_BIN } from '../paths';
import { ROOT, shellEnv, stageVariantById } from './support';

const SLUG = 'lsm-compaction';
// A policy that drops tombstones above older values: reads through random commands bring deleted keys back.
const VARIANT = 'drop-tombstones-above-bottom';
const TEST = 'through random puts, deletes, flushes and compactions on two trees at once, every get and scan matches a Map of that tree’s writes';

let staged: StagedImpl;
beforeAll(async () => {
  staged = await stageVariantById(SLUG, VARIANT);
});
afterAll(() => staged?.cleanup());

const env = (): NodeJS.ProcessEnv => ({ ...shellEnv(), FAULTLINE_IMPL_ROOT: staged.root, NO_COLOR: '1', FORCE_COLOR: '0' });
const field = (output: string, name: string): string => {
  const line = output.split('\n').find((l) => l.trimStart().startsWith(`${name}: `) || l.trimStart().startsWith(`${name} (`));
  expect(line, `${name} in:\n${output}`).toBeDefined();
  return line!.trim();
};
const counterexample = (output: string): string => field(output, 'counterexample').replace(/^counterexample \(after \d+ case\(s\), shrunk \d+ times?\): /, '');
const shell = (command: string, cwd: string) => spawnSync('bash', ['-c', command], { cwd, env: env(), encoding: 'utf8' });

describe.each([
  ['the exercise folder', path.join(ROOT, 'exercises', SLUG), /^FAULTLINE_SEED=1 FAULTLINE_REPLAY=[0-9a-f]{8}:[\d:]+@[A-Za-z0-9+/:]+ npm test -- -t '/],
  ['the root', ROOT, new RegExp(`^cd exercises/${SLUG} && FAULTLINE_SEED=1 FAULTLINE_REPLAY=`)],
])('a replay printed in %s', (_where, cwd, shape) => {
  test('pasted there, reruns that command sequence exactly', () => {
    const first = spawnSync(process.execPath, [VITEST_BIN, 'run', '--root', ROOT, '--project', SLUG, '-t', TEST], { cwd, env: env(), encoding: 'utf8' });
    const replay = field(first.stdout, 'replay').replace(/^replay: /, '');
    expect(replay).toMatch(shape);
    const again = shell(replay, cwd);
    expect(again.stdout).toContain('(after 1 case(s), shrunk 0 times)');
    expect(counterexample(again.stdout)).toBe(counterexample(first.stdout));
    expect(again.stdout).not.toContain('Unable to replay');
  });
});
