/**
 * While node code runs, the sources of nondeterminism a node must not touch
 * throw instead: `Math.random`, `Date.now`, `new Date()` without arguments,
 * `performance.now`, and the timers (`setTimeout`, `setInterval`,
 * `setImmediate`). A node gets randomness from `ctx.rng`, time from
 * `ctx.clock` (durations from `ctx.monotonic`), and timers from ticks.
 * Everything is restored when the call returns, so the harness itself and
 * the test runner are unaffected.
 *
 * The originals are captured when this module loads, before any node code
 * can replace them.
 */
const g = globalThis as Record<string, unknown>;
const originals = {
  random: Math.random,
  Date: globalThis.Date,
  performanceNow: performance.now,
  setTimeout: g.setTimeout,
  setInterval: g.setInterval,
  setImmediate: g.setImmediate,
};
const RealDate = originals.Date;

export class NondeterminismError extends Error {
  override readonly name = 'NondeterminismError';
}

let who = '';

function trap(what: string, instead: string): never {
  throw new NondeterminismError(
    `sim: ${who} called ${what}; simulations are deterministic, so a node may use only its context: ${instead}`,
  );
}

const trappedRandom = () => trap('Math.random()', 'ctx.rng for randomness');
const trappedNow = () => trap('Date.now()', 'ctx.clock.now() for time');
const trappedPerformanceNow = () => trap('performance.now()', 'ctx.monotonic.now() for durations');
const trappedTimer = (name: string) => () => trap(`${name}()`, 'tick() for the passing of time');
const TrappedDate = new Proxy(RealDate, {
  construct(target, args: unknown[], newTarget) {
    if (args.length === 0) trap('new Date()', 'ctx.clock.now() for time');
    return Reflect.construct(target, args, newTarget) as object;
  },
  apply() {
    return trap('Date()', 'ctx.clock.now() for time');
  },
  get(target, property, receiver) {
    if (property === 'now') return trappedNow;
    return Reflect.get(target, property, receiver) as unknown;
  },
});

const trappedSetTimeout = trappedTimer('setTimeout');
const trappedSetInterval = trappedTimer('setInterval');
const trappedSetImmediate = trappedTimer('setImmediate');

let depth = 0;

function install(): void {
  Math.random = trappedRandom;
  g.Date = TrappedDate;
  performance.now = trappedPerformanceNow;
  g.setTimeout = trappedSetTimeout;
  g.setInterval = trappedSetInterval;
  g.setImmediate = trappedSetImmediate;
}

function restore(): void {
  Math.random = originals.random;
  g.Date = originals.Date;
  performance.now = originals.performanceNow;
  g.setTimeout = originals.setTimeout;
  g.setInterval = originals.setInterval;
  g.setImmediate = originals.setImmediate;
}

/** Runs `fn` (a call into node code, described by `description`) with nondeterminism trapped. */
export function guarded<T>(description: string, fn: () => T): T {
  const outer = who;
  who = description;
  if (depth++ === 0) install();
  try {
    return fn();
  } finally {
    if (--depth === 0) restore();
    who = outer;
  }
}

// Frozen, like every harness class learner code can import: a patched method must not change what a checker sees.
Object.freeze(NondeterminismError.prototype);
Object.freeze(NondeterminismError);
