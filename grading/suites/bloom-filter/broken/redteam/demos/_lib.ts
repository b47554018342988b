/** Shared by the demos: run one scenario against base and variant, print both, and say whether they differ. */
import type * as BaseModule from '../base/bloom-filter';

export type Mod = typeof BaseModule;
export interface Impl {
  m: Mod;
  /** murmur3Calls() of the murmur3 copy that this implementation imports. */
  calls: () => number;
}

function show(x: unknown): string {
  return JSON.stringify(x, (_k, v: unknown) => {
    if (v instanceof Uint8Array) return `bytes<${Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('hex').replace(/(..)(?!$)/g, '$1 ')}>`;
    if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
    if (Object.is(v, -0)) return '-0';
    return v;
  });
}

function attempt(f: () => unknown): string {
  try {
    return show(f());
  } catch (e) {
    const err = e as Error;
    return `throws ${err.name}: ${JSON.stringify(err.message)}`;
  }
}

export function compare(name: string, clause: string, scenario: (impl: Impl) => unknown, base: Impl, variant: Impl): void {
  const b = attempt(() => scenario(base));
  const v = attempt(() => scenario(variant));
  console.log(`variant: ${name}`);
  console.log(`clause:  ${clause}`);
  console.log(`base    -> ${b}`);
  console.log(`variant -> ${v}`);
  if (b === v) {
    console.log('RESULT: NO DIFFERENCE');
    process.exitCode = 1;
  } else {
    console.log('RESULT: differs — the variant breaks the clause');
  }
}
