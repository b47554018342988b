/**
 * The safety properties of Raft (Figure 3 of the paper), checked across the
 * whole cluster after every event of a simulation:
 *
 * - Election Safety: at most one leader can be elected in a given term.
 * - Leader Append-Only: a leader never overwrites or deletes entries in its log.
 * - Log Matching: if two logs contain an entry with the same index and term,
 *   the logs are identical in all entries up through that index.
 * - Leader Completeness: if an entry is committed in a term, it is present in
 *   the logs of the leaders of all higher terms.
 * - State Machine Safety: no two nodes commit or apply different entries at
 *   the same index; each node applies entries once, in index order, and only
 *   committed ones.
 *
 * Every check is incremental (only what changed since the last event is
 * looked at), so checking after every event stays cheap; the evidence in a
 * violation names the nodes, the index and the terms.
 */
import { guarded, type Invariant, type NodeId, type SimView } from '../../../harness';
import type { Applied, Entry, RaftNode, Role } from './support';
import { describeEntry } from './format';

type View = SimView<RaftNode, Applied>;

/** What we remember of one node incarnation. */
interface Seen {
  /** The log as last observed, by value (a node may hand out copies, or change entries in place). */
  terms: number[];
  commands: string[];
  commitIndex: number;
  role: Role;
  term: number;
  /** The next index it must apply. */
  nextApply: number;
}

/** One (index, term) slot of Log Matching: the command and the previous entry's term, and who first held it. */
interface Slot {
  readonly command: string;
  readonly prevTerm: number;
  readonly node: NodeId;
  readonly time: number;
}

interface Committed {
  readonly term: number;
  readonly command: string;
  /** The term of the node that first reported it committed, and which node and when. */
  readonly commitTerm: number;
  readonly node: NodeId;
  readonly time: number;
}

const fmt = (ms: number) => `${ms.toFixed(3)} ms`;
/** The entry a node held at position `i` when last observed. */
const wasAt = (seen: Seen, i: number): Entry | undefined => (i < seen.terms.length ? { term: seen.terms[i]!, command: seen.commands[i]! } : undefined);

export class RaftChecker {
  readonly #seen = new WeakMap<RaftNode, Seen>();
  readonly #leaders = new Map<number, { node: NodeId; time: number }>();
  /** slots[index] maps a term to the slot first seen there. */
  readonly #slots: Map<number, Slot>[] = [];
  /** committed[index - 1]: the entry committed at index. */
  readonly #committed: Committed[] = [];
  readonly #applied: { term: number; command: string; node: NodeId; time: number }[] = [];
  #outputsSeen = 0;
  #findings: Partial<Record<Property, string>> = {};

  /** The five properties as simulator invariants (the first one does the observing for all). */
  invariants(): Invariant<RaftNode, Applied>[] {
    return PROPERTIES.map((property, i) => ({
      name: property,
      check: (view: View) => {
        if (i === 0) this.#findings = this.#observe(view);
        return this.#findings[property];
      },
    }));
  }

  /** How many entries some node reported committed, so far (for vacuity checks). */
  get committedCount(): number {
    return this.#committed.length;
  }

  #observe(view: View): Partial<Record<Property, string>> {
    const found: Partial<Record<Property, string>> = {};
    const report = (property: Property, problem: string) => {
      found[property] ??= problem;
    };
    const committedBefore = this.#committed.length;
    const leaders: { id: NodeId; term: number; log: readonly Entry[] }[] = [];
    // Outputs first: they were emitted by the call that just ran.
    for (; this.#outputsSeen < view.outputs.length; this.#outputsSeen++) {
      const o = view.outputs[this.#outputsSeen]!;
      const node = view.node(o.node);
      if (!node) continue;
      const problem = this.#onApplied(o.node, node, o.output, view.time);
      if (problem) report('State Machine Safety', problem);
    }
    for (const id of view.ids) {
      const node = view.node(id);
      if (!node) continue;
      const now = guarded(`node ${id} while the invariants read it`, () => ({ term: node.term, role: node.role, commitIndex: node.commitIndex, log: node.log }));
      let seen = this.#seen.get(node);
      if (!seen) {
        seen = { terms: [], commands: [], commitIndex: 0, role: 'follower', term: now.term, nextApply: 1 };
        this.#seen.set(node, seen);
      }
      // Where did the log change since we last looked?
      const log = now.log;
      let first = 0;
      const common = Math.min(log.length, seen.terms.length);
      while (first < common) {
        const e = log[first]!;
        if (e.term !== seen.terms[first] || e.command !== seen.commands[first]) break;
        first++;
      }
      const changedExisting = first < seen.terms.length;
      if (changedExisting && seen.role === 'leader' && now.role === 'leader' && now.term === seen.term) {
        report('Leader Append-Only', `${id}, leader of term ${now.term}, changed its own log at index ${first + 1}: it held ${describeEntry(wasAt(seen, first))} there and now holds ${describeEntry(log[first])}`);
      }
      if (changedExisting && first < seen.commitIndex) {
        report('State Machine Safety', `${id} had committed through index ${seen.commitIndex}, but its log then changed at index ${first + 1} (from ${describeEntry(wasAt(seen, first))} to ${describeEntry(log[first])}): a committed entry must never change`);
      }
      for (let i = first; i < log.length; i++) {
        const problem = this.#onEntry(id, i + 1, log[i]!, i === 0 ? 0 : log[i - 1]!.term, view.time);
        if (problem) {
          report('Log Matching', problem);
          break;
        }
      }
      if (seen.terms.length !== log.length) {
        seen.terms.length = log.length;
        seen.commands.length = log.length;
      }
      for (let i = first; i < log.length; i++) {
        seen.terms[i] = log[i]!.term;
        seen.commands[i] = log[i]!.command;
      }

      if (now.commitIndex > log.length) report('State Machine Safety', `${id} has commit index ${now.commitIndex} but only ${log.length} entries in its log`);
      else if (now.commitIndex > seen.commitIndex) {
        for (let index = seen.commitIndex + 1; index <= now.commitIndex; index++) {
          const problem = this.#onCommit(id, index, log[index - 1]!, now.term, view.time);
          if (problem) {
            report('State Machine Safety', problem);
            break;
          }
        }
      }
      seen.commitIndex = now.commitIndex;

      if (now.role === 'leader') {
        leaders.push({ id, term: now.term, log });
        const known = this.#leaders.get(now.term);
        if (known && known.node !== id) report('Election Safety', `two leaders in term ${now.term}: ${known.node} (leader since ${fmt(known.time)}) and ${id}`);
        const becameLeader = !known || seen.role !== 'leader' || seen.term !== now.term;
        if (!known) this.#leaders.set(now.term, { node: id, time: view.time });
        if (becameLeader) {
          const problem = this.#missingCommitted(id, now.term, log, 0, 'became leader of');
          if (problem) report('Leader Completeness', problem);
        }
      }
      seen.role = now.role;
      seen.term = now.term;
    }
    // Entries committed by this event must already be in the log of every leader of a later term.
    if (this.#committed.length > committedBefore) {
      for (const leader of leaders) {
        const problem = this.#missingCommitted(leader.id, leader.term, leader.log, committedBefore, 'is leader of');
        if (problem) report('Leader Completeness', problem);
      }
    }
    return found;
  }

  #onEntry(id: NodeId, index: number, entry: Entry, prevTerm: number, time: number): string | undefined {
    const byTerm = (this.#slots[index] ??= new Map());
    const slot = byTerm.get(entry.term);
    if (!slot) {
      byTerm.set(entry.term, { command: entry.command, prevTerm, node: id, time });
      return undefined;
    }
    if (slot.command !== entry.command) {
      return `${id} and ${slot.node} both hold an entry of term ${entry.term} at index ${index}, with different commands: ${id} has ${describeEntry(entry)}, ${slot.node} had ${describeEntry({ term: entry.term, command: slot.command })} (since ${fmt(slot.time)})`;
    }
    if (slot.prevTerm !== prevTerm) {
      return `${id} and ${slot.node} both hold ${describeEntry(entry)} at index ${index}, but their logs differ before it: at index ${index - 1}, ${id} has term ${prevTerm}, ${slot.node} had term ${slot.prevTerm} (since ${fmt(slot.time)})`;
    }
    return undefined;
  }

  #onCommit(id: NodeId, index: number, entry: Entry, term: number, time: number): string | undefined {
    const known = this.#committed[index - 1];
    if (known) {
      if (known.term !== entry.term || known.command !== entry.command) {
        return `${id} committed ${describeEntry(entry)} at index ${index}, but ${known.node} had committed ${describeEntry(known)} there (at ${fmt(known.time)})`;
      }
      return undefined;
    }
    if (index !== this.#committed.length + 1) return undefined; // recorded once the indexes below are known
    this.#committed.push({ term: entry.term, command: entry.command, commitTerm: term, node: id, time });
    return undefined;
  }

  /** Leader Completeness for `id`, leader of `term`: every entry committed in an earlier or equal term must be in its log. */
  #missingCommitted(id: NodeId, term: number, log: readonly Entry[], from: number, how: string): string | undefined {
    for (let i = from; i < this.#committed.length; i++) {
      const c = this.#committed[i]!;
      if (c.commitTerm >= term) continue;
      const have = log[i];
      if (!have || have.term !== c.term || have.command !== c.command) {
        return `${describeEntry(c)} at index ${i + 1} was committed in term ${c.commitTerm} (${c.node} reported it at ${fmt(c.time)}), but ${id} ${how} term ${term} holding ${describeEntry(have)} there (Raft §5.4.1: a vote goes only to a candidate whose log is at least as up to date)`;
      }
    }
    return undefined;
  }

  #onApplied(id: NodeId, node: RaftNode, output: Applied, time: number): string | undefined {
    const seen = this.#seen.get(node);
    const expected = seen?.nextApply ?? 1;
    if (output === null || typeof output !== 'object' || output.type !== 'applied') return `${id} emitted ${JSON.stringify(output)}, not { type: 'applied', index, term, command }`;
    if (output.index !== expected) return `${id} applied index ${output.index}, but the next index it had to apply was ${expected} (each entry once, in order; after a restart, again from 1)`;
    const commitIndex = guarded(`node ${id} while the invariants read it`, () => node.commitIndex);
    if (output.index > commitIndex) return `${id} applied index ${output.index} with its commit index at ${commitIndex}: only committed entries may be applied`;
    const first = this.#applied[output.index - 1];
    if (first && (first.term !== output.term || first.command !== output.command)) {
      return `${id} applied ${describeEntry(output)} at index ${output.index}, but ${first.node} applied ${describeEntry(first)} there (at ${fmt(first.time)})`;
    }
    if (!first) this.#applied[output.index - 1] = { term: output.term, command: output.command, node: id, time };
    if (seen) seen.nextApply = expected + 1;
    else this.#seen.set(node, { terms: [], commands: [], commitIndex: 0, role: 'follower', term: 0, nextApply: expected + 1 });
    return undefined;
  }
}

type Property = 'Election Safety' | 'Leader Append-Only' | 'Log Matching' | 'Leader Completeness' | 'State Machine Safety';
const PROPERTIES: readonly Property[] = ['Election Safety', 'Leader Append-Only', 'Log Matching', 'Leader Completeness', 'State Machine Safety'];
