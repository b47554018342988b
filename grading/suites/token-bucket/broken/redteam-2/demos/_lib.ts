/** Shared by the demos: a hand-moved clock, and a runner that plays one scenario against base and variant. */
export const fakeClock = (t = 0) => ({
  t,
  now() {
    return this.t;
  },
});

function attempt(f: () => unknown): string {
  try {
    return JSON.stringify(f(), (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v));
  } catch (e) {
    return `throws ${(e as Error).name}: ${(e as Error).message}`;
  }
}

export function demo<M>(name: string, clause: string, base: M, variantModule: unknown, scenario: (m: M) => unknown): void {
  const variant = variantModule as M; // same public API; private fields make the two classes nominally distinct
  const b = attempt(() => scenario(base));
  const v = attempt(() => scenario(variant));
  console.log(`[${name}] breaks ${clause}`);
  console.log(`  base:    ${b}`);
  console.log(`  variant: ${v}`);
  console.log(b === v ? '  SAME (demo failed)' : '  DIFFER');
}
