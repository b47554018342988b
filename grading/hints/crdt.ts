/** Staged hints for CRDTs (grading/hints/types.ts says how they are used). */
import type { ExerciseHints } from './types';

export const hints: ExerciseHints = {
  1: [
    {
      text: 'Replica a’s total is 5, and a state saying "a: 5" reaches replica b twice, once directly and once through c. What must b’s total for a be after both? Which operation on two numbers gives that, whatever the order and however often?',
      readme: '1. Counters — 20 points',
      paper: 'Shapiro et al., "A comprehensive study of Convergent and Commutative Replicated Data Types" (INRIA RR-7506), §3.1.1–3.1.2',
    },
    {
      text: 'Keep a Map from replica id to total (a Map, not a plain object: "__proto__" is a replica id too). increment adds to your own entry; merge keeps `Math.max` per replica; value sums. Check n with `Number.isSafeInteger(n) && n >= 0`, and the new total with `Number.isSafeInteger`, before changing anything. A PN-counter is two of these.',
    },
  ],
  2: [
    {
      text: 'Replica b has seen dots (a,1) and (a,3) of a, but not (a,2). What must its context say about (a,2), and what goes wrong later if it says "a: 3"? And when b merges a state whose entries lack a dot b has, how does b tell "removed there" from "not yet heard of there"?',
      readme: '2. A register and an add-wins set — 35 points',
      paper: 'Almeida, Shoker and Baquero, "Delta State Replicated Data Types" (JPDC 2018), §4 and §7.1',
    },
    {
      text: 'Keep the context as a Map replica → n (dots 1…n) plus a set of dots past a gap; adding a dot at n + 1 pulls in every following one from the cloud. merge: for each element, keep a dot of yours if the other side has it there too or its context lacks it; keep a dot of theirs if yours lacks it and your context lacks it; then unite the contexts. add: the dot is (id, greatest own counter + 1); the delta is { e → [dot] } with context { dot, e’s old dots }; apply it to yourself with your own merge. Validate the whole argument before changing anything.',
    },
    {
      text: 'The LWW-register: `beats(a, b) = a.ts > b.ts || (a.ts === b.ts && a.replica > b.replica)`; set stamps `held ? Math.max(ts, held.ts + 1) : ts`. The OR-set’s state(): new Maps and arrays, a new object per dot; merge copies every dot it keeps (`{ replica, counter }`), never the arrays it was given.',
    },
  ],
  3: [
    {
      text: 'A delta the network lost is gone; which message repairs it, and why can merging it never hurt? What must a node remember between an apply and its next tick, and what must it forget after sending?',
      readme: '3. Delta gossip — 30 points',
      paper: 'Almeida, Shoker and Baquero, "Delta State Replicated Data Types" (JPDC 2018), §5 (delta-interval anti-entropy)',
    },
    {
      text: 'Keep one OrSet for the node and one for the pending deltas (merge each delta apply returns into it). tick(): count the tick; if pending exists, send its state() to every peer and drop it; if the count is a multiple of FULL_STATE_EVERY, send the node’s state() to every peer. step(): merge the state in the message. A message may be `{ kind, state }` — the simulator copies it for you.',
    },
  ],
  4: [
    {
      text: 'After a power failure, what does your node know about the counters it already used? Where must that knowledge be, and when must it get there, for the next dot to be new?',
      readme: '4. Dots that survive a crash — 15 points',
      paper: 'basho/riak_kv#814 ("skewed dots")',
    },
    {
      text: 'At the end of apply, write the whole state (encoded as JSON: Maps become arrays of pairs) to a temporary file, `sync` it, `rename` it over the real file, and `syncDirectory`: `write` alone is not atomic across a crash. In the constructor, read the real file if it exists and merge it into the empty set; remove a leftover temporary file.',
    },
  ],
};
