/** Staged hints for vector clocks (grading/hints/types.ts says how they are used). */
import type { TaskLayout } from './task-code';
import type { ExerciseHints } from './types';

export const hints: ExerciseHints = {
  // Task 1 has four stages: its twelve tests fall into two families of mistakes (the order: compare, merge,
  // increment; the representation: keys, zeros, sorting, validation), and one narrowing stage cannot hold both.
  1: [
    {
      text: 'A vector clock is a value, like a string: a node it has never heard of is at 0, and no method changes the clock it is called on. Re-read the two tables of task 1 and ask yourself, for the method that fails: does my code treat a missing node exactly like a node at 0, and does it still work when the node id is `\'\'`, `\'__proto__\'` or `\'toString\'`?',
      readme: '1. Vector clock — 40 points',
    },
    {
      text: '`compare` must look at the nodes of both clocks: a node only `d` has is 0 in `c` and above 0 in `d`, so `c` cannot be `\'after\'` or `\'equal\'`; walk only your own nodes and the answer depends on which clock you ask. Two clocks with the same counters are `\'equal\'`, never `\'concurrent\'`, and the sum of the counters says nothing about the order (`{a:2}` against `{b:1}` is concurrent, whatever the sums say). `merge` takes the larger counter of every node of both clocks, not the smaller, and `increment(node)` raises that node’s counter alone.',
      paper: 'Fidge 1988, "Timestamps in Message-Passing Systems That Preserve the Partial Ordering"',
    },
    {
      text: 'The other half of the task is how you keep and write a clock. A plain object `{}` already has `constructor` and `toString` before you add anything, and assigning to `obj[\'__proto__\']` changes its prototype instead of storing a counter: use a `Map`. Keep only the non-zero counters, and `empty`, `from`, `entries` and `compare` all get simpler, since two equal clocks then hold the same entries; sort by node id with plain `<` (UTF-16 code units, so `\'B\' < \'a\'`), not `localeCompare` and not insertion order. Check inputs for what is valid, not for what is not: `NaN < 0` is false, so a test for negatives lets `NaN`, `0.5`, `Infinity` and `2 ** 53` in; and a node listed twice is an error even at 0.',
    },
    {
      text: 'Keep the non-zero counters in a private `Map` that never changes after construction: `increment` and `merge` copy it, change the copy and return a new clock. `compare` sets two flags over the nodes of both clocks, "some counter smaller" and "some counter larger": both is `\'concurrent\'`, only smaller `\'before\'`, only larger `\'after\'`, neither `\'equal\'`. `from` checks `Number.isSafeInteger(n) && n >= 0` and a `Set` of the nodes seen so far, and throws a `RangeError` naming the node; `entries()` sorts with `(a, b) => (a < b ? -1 : a > b ? 1 : 0)` on the node ids, and then `serialize` is one line, `JSON.stringify(this.entries())`. `deserialize` catches the `SyntaxError` of `JSON.parse` and throws a `RangeError`, then checks that it got an array whose every element is a two-element `[string, number]` array before handing the pairs to `from`.',
    },
  ],
  2: [
    {
      text: 'Every failure in this task comes down to which calls are events and what each one does to the clock. Re-read the rules of task 2 and, for each of `local()`, `send()`, `step()` and `tick()`, ask yourself: is this an event, does it add one to my own counter (`ctx.id`), and does it emit exactly one clock, after that increment?',
      readme: '2. Timestamping events — 30 points',
    },
    {
      text: 'The grader computes happened-before from the run itself (one node’s events in order, plus each send before each receipt of its message) and compares your clocks with it. The classic slips each break it: a receive that merges but does not increment (a send and its receive can come out `\'equal\'`), a receive that increments but never merges the message’s clock (they come out `\'concurrent\'`), a send that puts the clock from before its increment in the message, and a send that is not an event at all. A duplicated message is received, and is an event, each time it arrives; a tick is no event.',
      paper: 'Lamport 1978, "Time, Clocks, and the Ordering of Events in a Distributed System", section "The Partial Ordering"',
    },
    {
      text: 'Keep the current clock in a private field behind the `clock` getter (the empty clock before any event), and give every event one helper: set the field to `base.increment(this.ctx.id)`, then pass that new clock to `this.ctx.emit`. `local()` calls it with the current clock; `send(to, payload)` calls it, then sends `{ type: \'stamped\', clock, payload }` with the new clock’s `entries()` as `clock`; `step(from, message)` calls it with `current.merge(VectorClock.from(message.clock))`: merge first, then increment. `tick()` does nothing, and nothing reads `Math.random`, `Date.now` or timers.',
    },
  ],
  3: [
    {
      text: 'A write replaces exactly what its writer had read, and keeps everything else. Re-read task 3 and walk its shopping-cart example through your code by hand: at each `put`, which siblings does your store keep, which clock does the new version get, and why?',
      readme: '3. Versioned store — 30 points',
    },
    {
      text: 'Survival is decided by the context the writer sent, never by the new clock: through one coordinator the new clock descends from every sibling, so asking "does the new clock descend from it?" erases concurrent writes, just as keeping only the newest (last writer wins) does. A sibling whose clock is `\'equal\'` to the context was seen too, not only one that is `\'before\'` it. The context of a read is the merge of every sibling’s clock, not the newest one’s; two writes sent with the same stale context need distinct clocks, which `context.increment(node)` does not give them; and siblings are listed oldest write first.',
      paper: 'DeCandia et al. 2007, "Dynamo: Amazon’s Highly Available Key-value Store", §4.4 "Data Versioning"',
    },
    {
      text: 'Keep, per key, the siblings in write order in a `Map` (a plain object already has `__proto__` and `constructor`); a key never written reads as no siblings and `VectorClock.empty()`. `get` returns a copy of the list as `siblings` and, as `context`, `siblings.reduce((c, v) => c.merge(v.clock), VectorClock.empty())`. In `put`, compute the counter before you drop any sibling: 1 + the largest of `context.get(node)` and every current sibling’s `clock.get(node)`. Build the new clock with `VectorClock.from` from the context’s entries without the coordinator’s, plus `[node, counter]`, so the caller’s context stays as it was; keep the siblings for which `v.clock.compare(context)` is neither `\'before\'` nor `\'equal\'`, append the new version, and return its clock.',
    },
  ],
};

/** Which code each task's tests exercise, and which tasks build on which (grading/hints/task-code.ts). */
export const layout: TaskLayout = {
  code: { 1: ['vector-clock.ts'], 2: ['causal-node.ts'], 3: ['versioned-store.ts'] },
  builtOn: { 2: [1], 3: [1] },
};
