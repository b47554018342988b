/** Demo helper: run one scenario on base and variant, print both, flag when they agree. */
export function outcome(f: () => unknown): string {
  try {
    return JSON.stringify(f());
  } catch (e) {
    return `throws ${(e as Error).constructor.name}: ${JSON.stringify((e as Error).message)}`;
  }
}
export function compare(name: string, clause: string, scenario: string, base: string, variant: string): void {
  console.log(`[${name}] ${scenario}`);
  console.log(`  base:    ${base}`);
  console.log(`  variant: ${variant}`);
  console.log(`  breaks:  ${clause}`);
  if (base === variant) {
    console.log('  !! NO DIFFERENCE');
    process.exitCode = 1;
  } else console.log('  => differs');
}
