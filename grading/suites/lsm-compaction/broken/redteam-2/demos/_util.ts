import { SimStorage } from '@faultline/harness';
import type { Entry, LsmOptions, TableMeta, Version } from '@impl/lsm-compaction/format';
import { tableFileName, writeTable } from '@impl/lsm-compaction/format';
import * as baseMod from '../base/compaction.ts';
export { baseMod };
export type Mod = typeof baseMod;
export const put = (key: string, seq: number, value: string): Entry => ({ key, seq, value });
export const del = (key: string, seq: number): Entry => ({ key, seq, value: null });
export const meta = (n: number, smallest: string, largest: string, bytes = 100): TableMeta => ({ file: tableFileName(n), smallest, largest, bytes, entries: 10, maxSeq: n });
export const show = (x: unknown): string => JSON.stringify(x);
export function report(clause: string, b: unknown, v: unknown): void {
  const sb = show(b), sv = show(v);
  console.log(`base:    ${sb}`);
  console.log(`variant: ${sv}`);
  console.log(sb === sv ? 'SAME (variant not shown wrong)' : `DIFFER: variant breaks ${clause}`);
}
/** A disk with the given tables written and synced, and `version` installed by `mod`. */
export function disk(mod: Mod, tables: [number, Entry[]][], version: (metas: Map<number, TableMeta>) => Version): { storage: SimStorage; version: Version } {
  const storage = new SimStorage();
  const metas = new Map<number, TableMeta>();
  for (const [n, entries] of tables) {
    metas.set(n, writeTable(storage, tableFileName(n), entries));
    storage.sync(tableFileName(n));
  }
  const v = version(metas);
  storage.write(v.log, new Uint8Array());
  storage.sync(v.log);
  mod.installVersion(storage, v);
  return { storage, version: v };
}
export const OPTS: LsmOptions = { memtableBytes: 200, l0Trigger: 3, baseLevelBytes: 600, fanout: 3, levels: 4, targetFileBytes: 200 };
/** Wraps a storage so that it throws before its n-th mutating call (counting from 0). */
export class Crash extends Error {}
export function crashing(storage: SimStorage, n: number): SimStorage {
  let count = 0;
  const mut = new Set(['append', 'write', 'remove', 'rename', 'sync', 'syncDirectory']);
  return new Proxy(storage, {
    get(target, prop) {
      const v = Reflect.get(target, prop, target);
      if (typeof v !== 'function') return v;
      return (...args: unknown[]) => {
        if (mut.has(String(prop)) && count++ === n) throw new Crash(`crash before ${String(prop)}(${args.filter((a) => typeof a === 'string').join(',')})`);
        return (v as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}
