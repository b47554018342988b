/**
 * A provided dependency for the stability-patterns exercise (retries with
 * backoff, circuit breakers, load shedding): one service node on the protocol
 * simulator, which clients a suite writes call over the simulated network.
 * Imported by path, not through `harness/index.ts`.
 *
 * The model, on the dependency's own clock (`ctx.clock.now()`, ms):
 * - A call arrives (an `arrival` event). In a silent outage it is never
 *   answered; in a fail-fast outage it is answered 'retryable' (`outage`) at
 *   once; with `capacity` calls already in service, 'retryable'
 *   (`overloaded`) at once. Otherwise it starts service.
 * - Service lasts `serviceMs` × the slowdown of the phase it started in. A
 *   call holds its place in service until its reply leaves, on the first tick
 *   at or after its service ends: reply times, and freed capacity, are
 *   tick-granular. Replies leave in order of end time, then arrival.
 * - A served call's outcome takes exactly one `ctx.rng` draw (even where the
 *   rates are 0, so the stream never shifts), against the rates of the phase
 *   in force when its service ended: 'fatal', 'retryable' or 'ok'.
 * - Outages and capacity act on arrivals only: calls already in service when
 *   an outage starts or capacity drops are still answered.
 * What it forgets or cannot tell: a crash loses every call in service (all
 * state is volatile; it uses no storage). A duplicated call is two calls:
 * it does not recognise ids. A reply to a client that gave up is just a slow
 * one: the dependency never learns who stopped waiting. Replies cross the
 * same faulty network as calls.
 */
export type { DependencyOutcome, ReplyReason, DependencyMessage, DependencyPhase, DependencyScript, DependencyEvent } from './types';
export { dependencyNode } from './node';
export { checkScript, conditionsAt, type Conditions } from './script';
export { arrivalsPerBucket } from './metrics';
