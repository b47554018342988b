/** The project's own JSON format, version 1: the result model as it is. */
import type { RunResult } from '../model';

export function toJson(run: RunResult): string {
  return `${JSON.stringify(run, null, 2)}\n`;
}
