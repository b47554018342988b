/**
 * Clients of the simulated dependency (harness/dependency) on the protocol
 * simulator: each wraps the learner's Retrier or CircuitBreaker, reads time
 * from its node's clocks (`ctx.clock` is the wall clock, which faults may
 * jump; `ctx.monotonic` is not) and randomness from `ctx.rng`, and acts on
 * ticks, as a real client's timers would.
 */
import { finishedRunFailure, simulate, type FaultPlan, type NodeContext, type Output, type ProtocolNode, type SimulationResult } from '../../../harness/sim';
import { arrivalsPerBucket, dependencyNode, type DependencyEvent, type DependencyMessage, type DependencyScript } from '../../../harness/dependency';
import type { BreakerModule, RetrierModule } from './support';

/** What a client reports: its call's end, or a permit the breaker refused. */
export type ClientEvent = { readonly type: 'success' | 'gave-up'; readonly reason?: string } | { readonly type: 'rejected' };
type Event = DependencyEvent | ClientEvent;

export const DEPENDENCY = 'dep';
const clientIds = (count: number): string[] => Array.from({ length: count }, (_, i) => `c${String(i).padStart(2, '0')}`);

/** One call per client, begun at its first tick and retried as the learner's Retrier decides. */
function retryingClient(ctx: NodeContext<DependencyMessage, Event>, retrier: InstanceType<RetrierModule['Retrier']>): ProtocolNode<DependencyMessage> {
  let call: ReturnType<typeof retrier.begin> | undefined;
  let attempt = 0;
  let waitingFor: string | undefined;
  let retryAt: number | undefined;
  let over = false;
  const send = (): void => {
    attempt++;
    waitingFor = `${ctx.id}/${attempt}`;
    ctx.send(DEPENDENCY, { type: 'call', id: waitingFor });
  };
  return {
    tick() {
      if (over) return;
      if (call === undefined) {
        call = retrier.begin();
        send();
      } else if (retryAt !== undefined && ctx.monotonic.now() >= retryAt) {
        retryAt = undefined;
        send();
      }
    },
    step(_from, message) {
      if (message.type !== 'reply' || message.id !== waitingFor || call === undefined) return;
      waitingFor = undefined;
      const decision = call.next(message.outcome);
      if (decision.kind === 'retry') retryAt = decision.atMs;
      else {
        over = true;
        ctx.emit(decision.kind === 'done' ? { type: 'success' } : { type: 'gave-up', reason: decision.reason });
      }
    },
  };
}

export interface HerdResult {
  readonly run: SimulationResult<Event>;
  /** The most calls that reached the dependency in any 100 ms after it recovered. */
  readonly peakAfterRecovery: number;
  /** When the first call succeeded, in virtual ms, or Infinity. */
  readonly firstSuccessMs: number;
  readonly successes: number;
}

/**
 * `clients` clients each make one call at the start of an outage of the dependency (it fails every call at once
 * until `recoverAtMs`, then serves `capacity` at a time), retrying with the learner's Retrier and `jitter`.
 */
export function herd(seed: number, Retrier: RetrierModule['Retrier'], jitter: 'none' | 'full', o: { clients: number; recoverAtMs: number; capacity: number; durationMs: number }): HerdResult {
  const script: DependencyScript = { capacity: o.capacity, serviceMs: 20, phases: [{ fromMs: 0, toMs: o.recoverAtMs, outage: 'fail-fast' }] };
  const run = simulate<DependencyMessage, Event, ProtocolNode<DependencyMessage>>(seed, {
    nodes: [DEPENDENCY, ...clientIds(o.clients)],
    tickMs: 10,
    durationMs: o.durationMs,
    create: (ctx) =>
      ctx.id === DEPENDENCY
        ? dependencyNode(ctx as NodeContext<DependencyMessage, DependencyEvent>, script)
        : retryingClient(
            ctx,
            new Retrier({
              maxAttempts: 1000,
              deadlineMs: 600_000,
              budget: { ratio: 1, minRetriesPerSecond: 1000, windowMs: 1000 },
              backoff: { baseMs: 50, capMs: 2000, jitter },
              clocks: { wall: ctx.clock, monotonic: ctx.monotonic },
              random: ctx.rng,
            }),
          ),
  });
  const buckets = arrivalsPerBucket(run.outputs as readonly Output<unknown>[], DEPENDENCY, 100, o.durationMs);
  const successes = run.outputs.filter((out) => (out.output as ClientEvent).type === 'success');
  return {
    run,
    peakAfterRecovery: Math.max(0, ...buckets.slice(Math.ceil(o.recoverAtMs / 100))),
    firstSuccessMs: successes.length === 0 ? Infinity : Math.min(...successes.map((s) => s.time)),
    successes: successes.length,
  };
}

/** A client that wants to call the dependency every tick, through the learner's breaker. */
function guardedClient(ctx: NodeContext<DependencyMessage, Event>, breaker: InstanceType<BreakerModule['CircuitBreaker']>): ProtocolNode<DependencyMessage> {
  const permits = new Map<string, Exclude<ReturnType<typeof breaker.tryAcquire>, 'rejected'>>();
  let n = 0;
  return {
    tick() {
      const permit = breaker.tryAcquire();
      if (permit === 'rejected') {
        ctx.emit({ type: 'rejected' });
        return;
      }
      const id = `${ctx.id}/${++n}`;
      permits.set(id, permit);
      ctx.send(DEPENDENCY, { type: 'call', id });
    },
    step(_from, message) {
      if (message.type !== 'reply') return;
      const permit = permits.get(message.id);
      if (permit === undefined) return;
      permits.delete(message.id);
      if (message.outcome === 'ok') permit.success();
      else permit.failure();
      if (message.outcome === 'ok') ctx.emit({ type: 'success' });
    },
  };
}

export interface GuardedResult {
  readonly run: SimulationResult<Event>;
  readonly arrivals: number[];
  readonly successesAfter: number;
}

/**
 * One client calls the dependency through the learner's breaker every 10 ms tick; the dependency is down (fail-fast)
 * from `downFromMs` to `downToMs`. `faults` may pause the client or jump its wall clock.
 */
export function guarded(seed: number, CircuitBreaker: BreakerModule['CircuitBreaker'], o: { downFromMs: number; downToMs: number; durationMs: number; openMs: number; halfOpenMaxCalls: number; faults: FaultPlan }): GuardedResult {
  const script: DependencyScript = { capacity: 100, serviceMs: 30, phases: [{ fromMs: o.downFromMs, toMs: o.downToMs, outage: 'fail-fast' }] };
  const run = simulate<DependencyMessage, Event, ProtocolNode<DependencyMessage>>(seed, {
    nodes: [DEPENDENCY, 'c00'],
    tickMs: 10,
    durationMs: o.durationMs,
    faults: o.faults,
    create: (ctx) =>
      ctx.id === DEPENDENCY
        ? dependencyNode(ctx as NodeContext<DependencyMessage, DependencyEvent>, script)
        : guardedClient(
            ctx,
            new CircuitBreaker({
              failureRateThreshold: 0.5,
              minimumCalls: 10,
              windowMs: 1000,
              openMs: o.openMs,
              halfOpenMaxCalls: o.halfOpenMaxCalls,
              halfOpenSuccessesToClose: 3,
              clocks: { wall: ctx.clock, monotonic: ctx.monotonic },
            }),
          ),
  });
  const arrivals = arrivalsPerBucket(run.outputs as readonly Output<unknown>[], DEPENDENCY, 100, o.durationMs);
  const successesAfter = run.outputs.filter((out) => out.node === 'c00' && (out.output as ClientEvent).type === 'success' && out.time >= o.downToMs).length;
  return { run, arrivals, successesAfter };
}

/**
 * Fails with the first claim that does not hold, carrying `run` so that the report links its timeline page, drawn up
 * to `atMs`; `story` says what the scenario was and what it measured.
 */
export function claim(run: SimulationResult<unknown>, atMs: number, story: string, claims: readonly (readonly [boolean, string])[]): void {
  const broken = claims.find(([holds]) => !holds);
  if (broken !== undefined) throw finishedRunFailure(run, atMs, broken[1], `${story}\n${broken[1]}`);
}
