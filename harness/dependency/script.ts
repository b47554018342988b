/** Checking a dependency script, and reading what it says at one moment. */
import type { DependencyPhase, DependencyScript } from './types';

/** What the script says at one moment, every phase field resolved. */
export interface Conditions {
  readonly outage: 'fail-fast' | 'silent' | undefined;
  readonly slowdown: number;
  readonly failureRate: number;
  readonly fatalRate: number;
  readonly capacity: number;
}

const FIELDS = ['outage', 'slowdown', 'failureRate', 'fatalRate', 'capacity'] as const;
type Field = (typeof FIELDS)[number];
/** Which phase (its index), if any, sets each field at one moment: the first listed that covers the moment. */
type Sources = Partial<Record<Field, number>>;
/** Rates that sum to 1 in decimal may sum a rounding error above it in binary. */
const ROUNDING = 1e-9;

const covers = (phase: DependencyPhase, atMs: number): boolean => phase.fromMs <= atMs && atMs < phase.toMs;

function sourcesAt(phases: readonly DependencyPhase[], atMs: number): Sources {
  const sources: Sources = {};
  phases.forEach((phase, index) => {
    if (!covers(phase, atMs)) return;
    for (const field of FIELDS) if (phase[field] !== undefined) sources[field] ??= index;
  });
  return sources;
}

/** The conditions at `atMs` on the dependency's clock. */
export function conditionsAt(script: DependencyScript, atMs: number): Conditions {
  const phases = script.phases ?? [];
  const s = sourcesAt(phases, atMs);
  const field = <F extends Field>(name: F): DependencyPhase[F] => (s[name] === undefined ? undefined : phases[s[name]]![name]);
  return {
    outage: field('outage'),
    slowdown: field('slowdown') ?? 1,
    failureRate: field('failureRate') ?? 0,
    fatalRate: field('fatalRate') ?? 0,
    capacity: field('capacity') ?? script.capacity,
  };
}

const isCount = (n: unknown): boolean => Number.isInteger(n) && (n as number) >= 0;
const show = (value: unknown): string => (typeof value === 'number' ? String(value) : JSON.stringify(value) ?? String(value));

/**
 * Returns the script unchanged, or throws a RangeError naming the first bad field, what it must be, and what it was.
 * Also refuses overlapping phases whose rates, merged field by field, sum above 1.
 */
export function checkScript(script: DependencyScript): DependencyScript {
  const fail = (field: string, rule: string, got: unknown): never => {
    throw new RangeError(`dependency: script.${field} must be ${rule}, got ${show(got)}`);
  };
  if (!isCount(script.capacity)) fail('capacity', 'an integer ≥ 0 (calls in service at once; 0 sheds every call)', script.capacity);
  if (!(Number.isFinite(script.serviceMs) && script.serviceMs > 0)) fail('serviceMs', 'a finite number of ms > 0 (how long one call is in service)', script.serviceMs);
  const phases = script.phases ?? [];
  if (!Array.isArray(phases)) fail('phases', 'an array of phases', phases);
  phases.forEach((p, i) => {
    const at = `phases[${i}]`;
    if (!Number.isFinite(p.fromMs)) fail(`${at}.fromMs`, 'a finite number of ms', p.fromMs);
    if (!(p.toMs >= p.fromMs)) fail(`${at}.toMs`, `≥ fromMs (${p.fromMs}): a phase is [fromMs, toMs) on the dependency's clock`, p.toMs);
    if (p.outage !== undefined && p.outage !== 'fail-fast' && p.outage !== 'silent') fail(`${at}.outage`, "'fail-fast' or 'silent'", p.outage);
    if (p.slowdown !== undefined && !(Number.isFinite(p.slowdown) && p.slowdown >= 1)) fail(`${at}.slowdown`, 'a finite factor ≥ 1 on serviceMs', p.slowdown);
    for (const rate of ['failureRate', 'fatalRate'] as const) {
      const r = p[rate];
      if (r !== undefined && !(r >= 0 && r <= 1)) fail(`${at}.${rate}`, 'a fraction in [0, 1]', r);
    }
    const sum = (p.failureRate ?? 0) + (p.fatalRate ?? 0);
    if (sum > 1 + ROUNDING) {
      throw new RangeError(`dependency: script.${at}.failureRate + fatalRate must be ≤ 1 (fractions of the same calls), got ${p.failureRate} + ${p.fatalRate} = ${sum}`);
    }
    if (p.capacity !== undefined && !isCount(p.capacity)) fail(`${at}.capacity`, 'an integer ≥ 0 (calls in service at once)', p.capacity);
  });
  // Merged conditions change only where a phase starts or ends: checking there checks every moment.
  const moments = phases.flatMap((p) => [p.fromMs, p.toMs]).filter(Number.isFinite);
  for (const t of moments) {
    const s = sourcesAt(phases, t);
    if (s.failureRate === undefined || s.fatalRate === undefined || s.failureRate === s.fatalRate) continue;
    const failure = phases[s.failureRate]!.failureRate!;
    const fatal = phases[s.fatalRate]!.fatalRate!;
    if (failure + fatal > 1 + ROUNDING) {
      throw new RangeError(
        `dependency: where script.phases[${s.failureRate}] and phases[${s.fatalRate}] overlap (at ${t} ms), failureRate ${failure} (from phases[${s.failureRate}]) ` +
          `+ fatalRate ${fatal} (from phases[${s.fatalRate}]) = ${failure + fatal} > 1: set both rates in the phase listed first, or make the sum ≤ 1`,
      );
    }
  }
  return script;
}
