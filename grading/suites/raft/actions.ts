/**
 * Random but plausible inputs for one node on the bench: each action is an
 * intent ("an AppendEntries from the leader of a term, matching at some
 * index") resolved against the node's state when it is applied, so the node
 * only ever sees messages a correct cluster could send it. (A success reply
 * for an index beyond the leader's log, or AppendEntries from two leaders of
 * one term, would test robustness to the impossible, which is not the rule
 * under test.)
 */
import fc from 'fast-check';
import type { Bench } from './bench';
import type { Entry } from './support';

export type Action =
  | { readonly kind: 'tick'; readonly times: number }
  | { readonly kind: 'propose' }
  | { readonly kind: 'crash' }
  | { readonly kind: 'request-vote'; readonly from: number; readonly termAhead: number; readonly lastLogIndex: number; readonly lastLogTerm: number }
  | { readonly kind: 'vote'; readonly from: number; readonly granted: boolean; readonly stale: boolean }
  | { readonly kind: 'append'; readonly termAhead: number; readonly at: number; readonly matching: boolean; readonly terms: readonly number[]; readonly commitAhead: number }
  | { readonly kind: 'append-reply'; readonly from: number; readonly success: boolean; readonly at: number };

const fraction = fc.double({ min: 0, max: 1, noNaN: true });

export const actionArb: fc.Arbitrary<Action> = fc.oneof(
  fc.integer({ min: 1, max: 12 }).map((times) => ({ kind: 'tick' as const, times })),
  fc.constant({ kind: 'propose' as const }),
  fc.constant({ kind: 'crash' as const }),
  fc.record({ from: fc.nat(), termAhead: fc.integer({ min: 0, max: 2 }), lastLogIndex: fc.integer({ min: 0, max: 6 }), lastLogTerm: fc.integer({ min: 0, max: 5 }) }).map((a) => ({ kind: 'request-vote' as const, ...a })),
  fc.record({ from: fc.nat(), granted: fc.boolean(), stale: fc.boolean() }).map((a) => ({ kind: 'vote' as const, ...a })),
  fc
    .record({ termAhead: fc.integer({ min: 0, max: 2 }), at: fraction, matching: fc.boolean(), terms: fc.array(fc.integer({ min: 0, max: 2 }), { maxLength: 3 }), commitAhead: fc.integer({ min: -2, max: 3 }) })
    .map((a) => ({ kind: 'append' as const, ...a })),
  fc.record({ from: fc.nat(), success: fc.boolean(), at: fraction }).map((a) => ({ kind: 'append-reply' as const, ...a })),
);

/** Applies one action to the bench's node; `n` numbers proposals. */
export function applyAction(bench: Bench, action: Action, n: number): void {
  const { peers } = bench;
  const state = bench.read((node) => ({ term: node.term, role: node.role, log: node.log.map((e): Entry => ({ term: e.term, command: e.command })) }));
  const termAt = (i: number) => (i === 0 ? 0 : state.log[i - 1]!.term);
  switch (action.kind) {
    case 'tick':
      bench.tick(action.times);
      return;
    case 'propose':
      bench.propose(`p${n}`);
      return;
    case 'crash':
      bench.crash();
      return;
    case 'request-vote':
      bench.step(peers[action.from % peers.length]!, { type: 'request-vote', term: Math.max(1, state.term + action.termAhead), lastLogIndex: action.lastLogIndex, lastLogTerm: Math.min(action.lastLogTerm, Math.max(1, state.term + action.termAhead)) });
      return;
    case 'vote': {
      const term = action.stale ? state.term - 1 : state.term;
      if (term < 1) return;
      bench.step(peers[action.from % peers.length]!, { type: 'request-vote-reply', term, voteGranted: action.granted });
      return;
    }
    case 'append': {
      const term = Math.max(1, state.term + action.termAhead);
      // One leader per term: the bench's node itself, or this peer.
      if (state.role === 'leader' && term === state.term) return;
      const leader = peers[term % peers.length]!;
      const prevLogIndex = Math.min(state.log.length, Math.floor(action.at * (state.log.length + 1)));
      const matching = action.matching || prevLogIndex === 0;
      const prevLogTerm = matching ? termAt(prevLogIndex) : Math.min(term, termAt(prevLogIndex) + 1);
      if (!matching && prevLogTerm === termAt(prevLogIndex)) return;
      // A leader's log: terms never decrease, and none is above its own.
      let last = Math.max(prevLogTerm, 1);
      const list = action.terms.map((step, i) => {
        last = Math.min(term, last + step);
        return { term: last, command: `e${term}-${prevLogIndex + i + 1}` };
      });
      const leaderCommit = Math.max(0, prevLogIndex + list.length + action.commitAhead);
      bench.step(leader, { type: 'append-entries', term, prevLogIndex, prevLogTerm, entries: list, leaderCommit });
      return;
    }
    case 'append-reply': {
      // A reply in the current term answers a request this leader sent: its index is within the leader's log.
      if (state.role !== 'leader') return;
      const index = Math.floor(action.at * (state.log.length + 1));
      bench.step(peers[action.from % peers.length]!, { type: 'append-entries-reply', term: state.term, success: action.success, index: action.success ? index : Math.max(1, index), lastLogIndex: action.success ? index : Math.max(0, index - 1) });
      return;
    }
    default: {
      const unreachable: never = action;
      throw new Error(`raft suite: unknown action ${JSON.stringify(unreachable)}`);
    }
  }
}
