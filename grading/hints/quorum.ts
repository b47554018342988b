/** Staged hints for quorum replication (grading/hints/types.ts says how they are used). */
import type { ExerciseHints } from './types';

export const hints: ExerciseHints = {
  1: [
    {
      text: 'The network delivers one replica’s reply twice, and resends go out every tick: how many replicas does a coordinator that counts messages think answered? And when a replica acknowledges a store, what must already be true of its disk if the power fails a microsecond later?',
      readme: '1. Strict quorums — 40 points',
      paper: 'DeCandia et al., "Dynamo: Amazon’s Highly Available Key-value Store" (SOSP 2007), §4.5',
    },
    {
      text: 'Keep, per request in flight: its key, its home replicas (`preferenceList(key, nodes).slice(0, n)`), a tick count, and its phase: a Map of who answered the read phase with what, or the item being stored and a Set of who holds it. A reply counts only when its `req` and `key` match and its sender is a home replica; a Set counts each once. The coordinator counts itself at once when it is a home replica. At each tick: count, fail at `timeoutTicks`, and resend to those who have not answered.',
    },
    {
      text: 'Replica: one append-only log of records, each framed with its length and a checksum, synced after every append (and the directory synced once, after the file is created). On open, replay the whole records, stop at the first torn one, rewrite the log without it (write a temporary file, sync it, rename, sync the directory), and sync what you found. offer keeps an item only if `compareVersions(item.version, held.version) > 0`.',
    },
  ],
  2: [
    {
      text: 'A put reached one replica, then its coordinator crashed. Get A’s read quorum includes that replica; get B, which starts after A returned, asks two others. What does each return, and what could A have done before answering so that B cannot miss it?',
      readme: '2. Reads that write back — 25 points',
      paper: 'Attiya, Bar-Noy and Dolev, "Sharing Memory Robustly in Message-Passing Systems" (JACM 1995), the read’s second phase',
    },
    {
      text: 'After the read phase of a get, with writeBack and a newest item: start a store phase of that very item (same version, same value) whose Set of holders already holds the home replicas that answered with that version, and send the store to the others. Answer get-ok, with the item’s value, only when that Set reaches W.',
    },
  ],
  3: [
    {
      text: 'Two of a key’s three home replicas are down and W is 2: who can keep the write for them, and how do they get it back once they return? What must a fallback never do with a write that is not its own?',
      readme: '3. Sloppy quorums and hinted handoff — 35 points',
      paper: 'DeCandia et al., "Dynamo" (SOSP 2007), §4.6 (hinted handoff); Kleppmann, Designing Data-Intensive Applications, ch. 5',
    },
    {
      text: 'Count a store phase’s ticks. At its HINT_AFTER_TICKS-th, if fewer than W hold the item: pair the home replicas not yet holding it, in preference-list order, with the fallbacks (`preferenceList(...).slice(n)`) one by one; send each fallback `{ type: "store", …, hintFor: home }` (or keep it yourself with `Replica.hint`), and count a fallback’s ack for its home. A node given such a store calls `Replica.hint`; every tick it sends each hint home with `req` = the item’s writer, and on that home’s store-ack calls `removeHint` with the hint’s version.',
    },
  ],
};
