/**
 * How entries, logs, messages and applied outputs are written in failure
 * messages and timelines. No test-runner imports, so benchmarks can use it.
 */
import type { Applied, Entry, Message } from './support';

const stringify = JSON.stringify;

export const describeEntry = (e: Entry | undefined): string => (e === undefined ? 'nothing' : `${e.term}:${stringify(e.command)}`);

/** A log as `[1:"a", 1:"b", 2:"c"]` (term:command, index = position), shortened in the middle when long. */
export function describeLog(log: readonly Entry[]): string {
  const parts = log.map(describeEntry);
  return parts.length <= 12 ? `[${parts.join(', ')}]` : `[${parts.slice(0, 4).join(', ')}, … ${parts.length - 8} more …, ${parts.slice(-4).join(', ')}]`;
}

export function describeMessage(m: Message): string {
  switch (m.type) {
    case 'request-vote':
      return `RequestVote(term ${m.term}, last ${m.lastLogIndex}@${m.lastLogTerm})`;
    case 'request-vote-reply':
      return `Vote(term ${m.term}, ${m.voteGranted ? 'granted' : 'refused'})`;
    case 'append-entries':
      return `AppendEntries(term ${m.term}, prev ${m.prevLogIndex}@${m.prevLogTerm}, ${m.entries.length === 0 ? 'no entries' : `entries ${describeLog(m.entries)}`}, commit ${m.leaderCommit})`;
    case 'append-entries-reply':
      return `AppendReply(term ${m.term}, ${m.success ? 'success' : 'failure'}, index ${m.index}, last ${m.lastLogIndex})`;
    default:
      return stringify(m);
  }
}

export const describeApplied = (a: Applied): string => `apply ${a.index} ${describeEntry(a)}`;
