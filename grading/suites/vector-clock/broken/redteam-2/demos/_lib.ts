/**
 * Shared demo helpers. Task-2/3 variant folders hold only the changed learner
 * file, whose `./vector-clock` import is the base's: `loadVariant` lays the
 * variant over a copy of base/ in overlay/<name>/ and imports it from there.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(import.meta.dirname, '..');

export async function loadVariant(name: string, file: string): Promise<any> {
  const dir = path.join(root, 'overlay', name);
  fs.mkdirSync(dir, { recursive: true });
  for (const f of fs.readdirSync(path.join(root, 'base'))) fs.copyFileSync(path.join(root, 'base', f), path.join(dir, f));
  for (const f of fs.readdirSync(path.join(root, 'variants', name))) fs.copyFileSync(path.join(root, 'variants', name, f), path.join(dir, f));
  return import(pathToFileURL(path.join(dir, file)).href);
}

/** Runs f and spells its result, or the error it threw (class and message). */
export function attempt(f: () => unknown): string {
  try {
    const r = f();
    return typeof r === 'string' ? r : JSON.stringify(r);
  } catch (e) {
    const err = e as Error;
    return `threw ${err?.constructor?.name}: ${err?.message}`;
  }
}

export function report(name: string, clause: string, scenario: string, base: string, variant: string): void {
  console.log(`[${name}] ${scenario}`);
  console.log(`  base:    ${base}`);
  console.log(`  variant: ${variant}`);
  console.log(`  breaks:  ${clause}`);
  if (base === variant) {
    console.log('  RESULT: SAME (demo does not show the mistake)');
    process.exitCode = 1;
  } else console.log('  RESULT: DIFFER');
}

/** A hand-driven CausalNode: a fake context that records what the node sends and emits. */
export function drive(NodeClass: any, id: string, peers: string[] = []) {
  const sent: { to: string; message: any }[] = [];
  const emitted: string[] = [];
  const ctx = {
    id,
    peers,
    rng: undefined,
    clock: undefined,
    storage: undefined,
    send: (to: string, message: unknown) => sent.push({ to, message: structuredClone(message) }),
    emit: (clock: { serialize(): string }) => emitted.push(clock.serialize()),
  };
  return { node: new NodeClass(ctx), sent, emitted };
}
