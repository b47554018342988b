/**
 * The oracle for task 2: the true happens-before relation of a simulated run,
 * computed from the trace alone, by graph reachability — deliberately not
 * with vector clocks, so a mistake in them cannot hide in the oracle.
 *
 * Events are the outputs nodes emitted, one per local, send or receive event.
 * Edges: each node's events in the order it emitted them (program order), and
 * from the event of the call that sent a message to the event of each call
 * that delivered a copy of it (Lamport 1978, §2).
 */
import { sameCall, type Output, type SimulationResult } from '../../../harness';

export interface HappensBefore {
  /** True when event a happened before event b (a ≠ b). */
  before(a: number, b: number): boolean;
  /** Problems with the run itself: a call that emitted no event or more than one. */
  readonly problems: readonly string[];
}

export function happensBefore<O>(run: Pick<SimulationResult<O>, 'outputs' | 'messages' | 'trace'>): HappensBefore {
  const { outputs, messages } = run;
  const n = outputs.length;
  const edges: number[][] = Array.from({ length: n }, () => []);
  const problems: string[] = [];
  const lastOnNode = new Map<string, number>();
  outputs.forEach((o, i) => {
    const previous = lastOnNode.get(o.node);
    if (previous !== undefined) edges[previous]!.push(i);
    lastOnNode.set(o.node, i);
  });
  const eventOfCall = (node: string, call: { cause: Output<O>['cause']; time: number }, what: string): number | undefined => {
    const matches = outputs.flatMap((o, i) => (o.node === node && sameCall(o, call) ? [i] : []));
    if (matches.length !== 1) problems.push(`${what} emitted ${matches.length} events; every send and every receive is exactly one event`);
    return matches[0];
  };
  for (const message of messages.values()) {
    const send = eventOfCall(message.from, message, `the call on ${message.from} that sent message #${message.msg}`);
    if (send === undefined) continue;
    outputs.forEach((o, i) => {
      if (o.cause.kind === 'deliver' && o.cause.msg === message.msg && i !== send) edges[send]!.push(i);
    });
  }
  // Every delivery must have produced exactly one event too, on the node it was delivered to.
  for (const e of run.trace) {
    if (e.kind !== 'deliver') continue;
    const count = outputs.filter((o) => o.node === e.to && o.cause.kind === 'deliver' && o.cause.msg === e.msg && o.cause.copy === e.copy).length;
    if (count !== 1) problems.push(`${e.to} receiving message #${e.msg}${e.copy > 0 ? ` (copy ${e.copy + 1})` : ''} emitted ${count} events; a receive is exactly one event`);
  }
  const reach: Uint8Array[] = outputs.map(() => new Uint8Array(n));
  // Outputs are in emission order, and every edge points forward in it: fill reachability backwards.
  for (let i = n - 1; i >= 0; i--) {
    for (const j of edges[i]!) {
      reach[i]![j] = 1;
      const row = reach[j]!;
      for (let k = j + 1; k < n; k++) if (row[k]) reach[i]![k] = 1;
    }
  }
  return { before: (a, b) => reach[a]![b] === 1, problems };
}
