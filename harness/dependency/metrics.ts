/** Load on the dependency, read from a finished run's outputs. */
import type { Output } from '../sim';
import type { DependencyEvent } from './types';

type Arrival = Extract<DependencyEvent, { type: 'arrival' }>;

const isArrival = (output: unknown): output is Arrival => typeof output === 'object' && output !== null && (output as { type?: unknown }).type === 'arrival';

/**
 * Calls that arrived at `node` per bucket of `bucketMs` from 0 to endMs (from the run's outputs), admitted or not.
 * Bucket i counts arrivals at virtual times in [i × bucketMs, (i + 1) × bucketMs); there are ⌈endMs / bucketMs⌉
 * buckets, and arrivals at or after endMs are left out.
 */
export function arrivalsPerBucket(outputs: readonly Output<unknown>[], node: string, bucketMs: number, endMs: number): number[] {
  if (!(Number.isFinite(bucketMs) && bucketMs > 0)) throw new RangeError(`dependency: bucketMs must be a finite number of ms > 0, got ${bucketMs}`);
  if (!(Number.isFinite(endMs) && endMs >= 0)) throw new RangeError(`dependency: endMs must be a finite number of ms ≥ 0, got ${endMs}`);
  const counts = new Array<number>(Math.ceil(endMs / bucketMs)).fill(0);
  for (const o of outputs) {
    if (o.node !== node || !isArrival(o.output) || o.time < 0 || o.time >= endMs) continue;
    counts[Math.floor(o.time / bucketMs)]!++;
  }
  return counts;
}
