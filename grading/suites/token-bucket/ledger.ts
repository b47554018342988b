/**
 * The token bucket's contract ledger: every clause of its README and stub doc
 * comments, by id (harness/suite/ledger.ts). The README has each in full.
 */
import { defineLedger } from '../../../harness/suite';

export const ledger = defineLedger('token-bucket', [
  { id: 'TB-0.1', summary: 'time comes only from options.clock.now(): milliseconds from any origin, fractions allowed; never Date.now()' },
  { id: 'TB-0.2', summary: 'the clock is read by calling now() on the clock object given, as a method' },
  { id: 'TB-0.3', summary: 'decisions are exact outside a band of 10⁻⁹ + 10⁻¹² × capacity tokens; inside it either answer' },
  { id: 'TB-0.4', summary: 'available() is within 10⁻⁶ (or 10⁻¹² × capacity, if more) of the exact tokens' },
  { id: 'TB-0.5', summary: 'tokens granted over any stretch stay within capacity + rate × elapsed (give or take the band per grant)' },
  { id: 'TB-0.6', summary: 'a client asking constantly is granted no fewer than capacity + rate × elapsed minus one token: no drift' },
  { id: 'TB-0.8', summary: 'the clock may move on between any two readings, even within one call; time between readings is counted exactly once' },
  { id: 'TB-0.7', summary: 'every error’s message says what was wrong; none is empty' },

  { id: 'TB-1.1', summary: 'a new bucket is full: it holds capacity tokens at creation' },
  { id: 'TB-1.2', summary: 'every finite capacity and rate > 0 is valid, fractions included, Number.MIN_VALUE to Number.MAX_VALUE' },
  { id: 'TB-1.3', summary: 'any other capacity or rate (0, negative, NaN, ±Infinity) is a RangeError naming it' },
  { id: 'TB-1.4', summary: 'capacity and refillPerSecond are the numbers it was made with, at every read; each field of the options is read once; changing the options object later changes nothing' },
  { id: 'TB-1.5', summary: 'between readings t₀ < t₁ it gains (t₁ − t₀) × rate / 1000 tokens, capped at capacity' },
  { id: 'TB-1.6', summary: 'available() is the tokens held now, in [0, capacity] exactly, fractions included; it takes nothing' },
  { id: 'TB-1.7', summary: 'tryTake(n) with at least n tokens takes n and returns true; exactly n allows n' },
  { id: 'TB-1.8', summary: 'otherwise it takes nothing and returns false; exactly zero tokens refuse 1; a refusal changes nothing' },
  { id: 'TB-1.9', summary: 'n defaults to 1; every n with 0 < n ≤ capacity is valid, fractions, Number.MIN_VALUE and capacity itself included' },
  { id: 'TB-1.10', summary: 'any other n (above capacity by any amount, 0, −0, negative, NaN, ±Infinity) is a RangeError naming n, changing nothing' },

  { id: 'TB-2.1', summary: 'timeUntilAvailable(n) is the smallest whole w after which tryTake(n) succeeds: rounded up, never down' },
  { id: 'TB-2.2', summary: 'it is 0 exactly when tryTake(n) would succeed now, and at least 1 otherwise' },
  { id: 'TB-2.3', summary: 'timeUntilAvailable takes nothing' },
  { id: 'TB-2.4', summary: 'timeUntilAvailable rejects a bad n with the same RangeError as tryTake' },
  { id: 'TB-2.5', summary: 'a wait longer than Number.MAX_VALUE ms is Infinity; shorter ones are whole numbers, beyond 2⁵³ included' },
  { id: 'TB-2.6', summary: 'while the clock is behind the latest reading, the wait may count from the latest reading or include the time back to it; 0 exactly when tryTake would succeed' },

  { id: 'TB-3.1', summary: 'one bucket per key, all with the same options, created full on first use; the methods are that bucket’s' },
  { id: 'TB-3.2', summary: 'a key with no bucket has a full one: its wait is 0' },
  { id: 'TB-3.3', summary: 'the limiter’s constructor rejects bad options exactly as TokenBucket does' },
  { id: 'TB-3.4', summary: 'the limiter takes its options at construction, reading each field once: changing the options object later changes nothing' },
  { id: 'TB-3.5', summary: 'keys are any strings: __proto__, constructor, "" and strings differing in any code unit are distinct keys' },
  { id: 'TB-3.6', summary: 'only a bucket that has refilled to full may be forgotten; forgetting is invisible' },
  { id: 'TB-3.7', summary: 'size is the number of buckets held now; reading it changes nothing' },
  { id: 'TB-3.8', summary: 'each operation is O(1) amortised: no sweep over every bucket on every call' },
  { id: 'TB-3.9', summary: 'refilled buckets are forgotten as operations go on, not only when their key is asked about' },
  {
    id: 'TB-3.10',
    summary: 'after a backward clock step, a bucket made anew may count from its own first reading',
    ungraded: 'a permission, not an obligation: keeping the forgotten bucket’s latest reading and not keeping it are both accepted, so no test can fail on it',
  },

  { id: 'TB-4.1', summary: 'a reading earlier than the latest adds nothing, takes nothing, throws nothing; refill resumes past the latest' },
  { id: 'TB-4.2', summary: 'a jump of any size up to Number.MAX_VALUE earns its tokens with no Infinity, no NaN, no overflow; one long enough to refill leaves exactly capacity' },
  { id: 'TB-4.3', summary: 'any origin: only differences between readings matter' },
  { id: 'TB-4.4', summary: 'a reading that is not finite (NaN, ±Infinity) counts as no time passing' },
  { id: 'TB-4.5', summary: 'the constructor reads the clock once, and that reading is the bucket’s first' },
  { id: 'TB-4.6', summary: 'if the reading at creation is not finite, the first finite reading becomes the first, adding nothing' },
]);
