/** The one-line command that reruns a single graded test, ready to paste into a shell. */
import { hash32 } from '../rng';

/** A short stable key naming one test of one exercise, used by `FAULTLINE_REPLAY`. */
export function testKey(exercise: string, name: string): string {
  return hash32(`${exercise}\u0000${name}`).toString(16).padStart(8, '0');
}

const shellQuote = (text: string): string => `'${text.replace(/'/g, `'\\''`)}'`;
const regexEscape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function replayCommand(exercise: string, name: string, seed: number, path?: string): string {
  const env = [`FAULTLINE_SEED=${seed}`];
  if (path !== undefined) env.push(`FAULTLINE_REPLAY=${testKey(exercise, name)}:${path}`);
  return `cd exercises/${exercise} && ${env.join(' ')} npm test -- -t ${shellQuote(regexEscape(name))}`;
}
