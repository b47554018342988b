/**
 * The one-line command that reruns a single graded test, ready to paste into
 * a shell where it was printed, and what a replay hands the property that
 * failed: fast-check's path to the shrunk case and, for a sequence of commands
 * (`fc.commands`), the replay path of each sequence in it.
 */
import nodePath from 'node:path';
import { fileURLToPath } from 'node:url';
import { hash32 } from '../rng';

/** A short stable key naming one test of one exercise, used by `FAULTLINE_REPLAY`. */
export function testKey(exercise: string, name: string): string {
  return hash32(`${exercise}\u0000${name}`).toString(16).padStart(8, '0');
}

const shellQuote = (text: string): string => `'${text.replace(/'/g, `'\\''`)}'`;
const regexEscape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The checkout this kit lies in: harness/suite/ is two folders down. */
const CHECKOUT = nodePath.resolve(nodePath.dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * The `cd … && ` that takes a shell in `cwd` to the exercise's folder: nothing in the folder itself (where a learner
 * runs `npm test`), `cd exercises/<slug> && ` at the root (where the grader runs), a relative path anywhere else.
 */
export function cdTo(exercise: string, cwd: string = process.cwd()): string {
  const relative = nodePath.relative(cwd, nodePath.join(CHECKOUT, 'exercises', exercise)).split(nodePath.sep).join('/');
  return relative === '' ? '' : `cd ${/^[\w./-]+$/.test(relative) ? relative : shellQuote(relative)} && `;
}

/** What `FAULTLINE_REPLAY` carries: `<test key>:<fast-check path>[@<commands replay path>…]`. */
export interface Replay {
  readonly key: string;
  readonly path: string;
  /** Each `fc.commands` sequence's replay path, in the order the property's arbitraries were built. */
  readonly commands: readonly string[];
}

export const formatReplay = (replay: Replay): string => [`${replay.key}:${replay.path}`, ...replay.commands].join('@');

export function parseReplay(text: string | undefined): Replay | undefined {
  if (!text) return undefined;
  const at = text.indexOf(':');
  if (at <= 0) throw new RangeError(`faultline: FAULTLINE_REPLAY must look like "<test key>:<path>", got ${JSON.stringify(text)}`);
  const [path, ...commands] = text.slice(at + 1).split('@');
  return { key: text.slice(0, at), path: path!, commands };
}

export function replayCommand(exercise: string, name: string, seed: number, replay?: Omit<Replay, 'key'>, cwd?: string): string {
  const env = [`FAULTLINE_SEED=${seed}`];
  if (replay !== undefined) env.push(`FAULTLINE_REPLAY=${formatReplay({ key: testKey(exercise, name), ...replay })}`);
  return `${cdTo(exercise, cwd)}${env.join(' ')} npm test -- -t ${shellQuote(regexEscape(name))}`;
}

/** The replay paths of the `fc.commands` sequences in a shrunk counterexample, as fast-check prints them. */
export const commandsReplayPaths = (counterexample: string): string[] => [...counterexample.matchAll(/replayPath="([A-Za-z0-9+/:]*)"/g)].map((m) => m[1]!);

// While a replayed test runs, the commands replay paths it was given, in order.
let pending: string[] = [];

/** Called as a graded test starts: the commands replay paths of this test's replay, if it is the one replayed. */
export function startReplay(commands: readonly string[] | undefined): void {
  pending = commands === undefined ? [] : [...commands];
}

/** The replay path for the next `fc.commands` built in the running test, when it is being replayed. */
export const nextCommandsReplayPath = (): string | undefined => pending.shift();
