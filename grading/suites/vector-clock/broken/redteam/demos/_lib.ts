/** Shared plumbing for the demos: public API types only, run a scenario on base and variant, print both. */
import { readFileSync } from 'node:fs';

export interface Clock {
  get(node: string): number;
  increment(node: string): Clock;
  merge(other: Clock): Clock;
  compare(other: Clock): string;
  entries(): [string, number][];
  serialize(): string;
}
export interface ClockClass {
  empty(): Clock;
  from(entries: Iterable<readonly [string, number]>): Clock;
  deserialize(text: string): Clock;
}
export interface Node {
  readonly clock: Clock;
  local(): void;
  send(to: string, payload: string): void;
  step(from: string, message: Msg): void;
  tick(): void;
}
export interface Msg {
  readonly type: 'stamped';
  readonly clock: readonly (readonly [string, number])[];
  readonly payload: string;
}
export type NodeClass = new (ctx: never) => Node;
export interface Store {
  get(key: string): { readonly siblings: readonly { readonly value: unknown; readonly clock: Clock }[]; readonly context: Clock };
  put(key: string, value: unknown, context: Clock): Clock;
}
export type StoreClass = new (nodeId: string) => Store;

/** A fake NodeContext: collects emits and sends (messages deep-copied, as the simulator does). */
export function fakeNode(NodeC: NodeClass, id: string) {
  const emitted: Clock[] = [];
  const sent: [string, Msg][] = [];
  const ctx = {
    id,
    peers: [],
    rng: undefined,
    clock: { now: () => 0 },
    storage: undefined,
    send: (to: string, m: Msg) => sent.push([to, structuredClone(m)]),
    emit: (c: Clock) => emitted.push(c),
  };
  const node = new NodeC(ctx as never);
  return { node, emitted, sent };
}

export const ser = (c: Clock | undefined): string => (c === undefined ? 'undefined' : c.serialize());

function attempt(f: () => unknown): string {
  try {
    const r = f();
    return typeof r === 'string' ? r : JSON.stringify(r);
  } catch (e) {
    const err = e as Error;
    return `threw ${err?.constructor?.name ?? typeof e}: ${JSON.stringify(err?.message)}`;
  }
}

export function demo<I>(name: string, base: I, variant: I, scenario: (impl: I) => unknown): void {
  const manifest = JSON.parse(readFileSync(new URL('../manifest.json', import.meta.url), 'utf8')) as {
    name: string;
    clause: string;
    mistake: string;
  }[];
  const entry = manifest.find((m) => m.name === name);
  const b = attempt(() => scenario(base));
  const v = attempt(() => scenario(variant));
  console.log(`== ${name}`);
  console.log(`base:    ${b}`);
  console.log(`variant: ${v}`);
  console.log(`mistake: ${entry?.mistake}`);
  console.log(`breaks:  ${entry?.clause}`);
  console.log(b === v ? 'RESULT: SAME (demo failed)' : 'RESULT: DIFFER');
  if (b === v) process.exitCode = 1;
}
