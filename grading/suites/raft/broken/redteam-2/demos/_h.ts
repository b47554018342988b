/** Shared bench for the demos: one node, its sent messages and applied entries collected, nothing delivered. */
import { Rng, SimStorage, type NodeContext, type NodeId } from '@faultline/harness';
import type { Applied, Entry, Message, ProposeResult, Role } from '@impl/raft/protocol';

export interface Node {
  readonly term: number;
  readonly role: Role;
  readonly votedFor: NodeId | undefined;
  readonly leader: NodeId | undefined;
  readonly commitIndex: number;
  readonly log: readonly Entry[];
  tick(): void;
  step(from: NodeId, message: Message): void;
  propose(command: string): ProposeResult;
}
export type Ctor = new (ctx: NodeContext<Message, Applied>) => Node;

export function bench(C: Ctor, opts: { peers?: NodeId[]; storage?: SimStorage; seed?: number; rng?: Rng } = {}) {
  const sent: { to: NodeId; message: Message }[] = [];
  const applied: Applied[] = [];
  const storage = opts.storage ?? new SimStorage();
  const ctx: NodeContext<Message, Applied> = {
    id: 'n1',
    peers: opts.peers ?? ['n2', 'n3', 'n4', 'n5'],
    rng: opts.rng ?? Rng.stream(opts.seed ?? 1, 'demo/n1'),
    clock: { now: () => 0 },
    storage,
    send: (to, message) => sent.push({ to, message: structuredClone(message) }),
    emit: (output) => applied.push(structuredClone(output)),
  };
  return { node: new C(ctx), sent, applied, storage, ctx };
}

export const ae = (term: number, prevLogIndex: number, prevLogTerm: number, entries: Entry[], leaderCommit = 0): Message => ({
  type: 'append-entries', term, prevLogIndex, prevLogTerm, entries, leaderCommit,
});
export const rv = (term: number, lastLogIndex = 0, lastLogTerm = 0): Message => ({ type: 'request-vote', term, lastLogIndex, lastLogTerm });
export const vote = (term: number, voteGranted = true): Message => ({ type: 'request-vote-reply', term, voteGranted });
export const aer = (term: number, success: boolean, index: number, lastLogIndex: number): Message => ({
  type: 'append-entries-reply', term, success, index, lastLogIndex,
});
export const fmt = (log: readonly Entry[]) => log.map((e) => `${e.term}:${JSON.stringify(e.command)}`).join(' ');
export const msgs = (sent: { to: NodeId; message: Message }[]) => sent.map((s) => `${s.to}:${JSON.stringify(s.message)}`).join('\n    ');

/** Ticks until the node leaves the follower role (at most 40 ticks); returns the count. */
export function campaign(n: Node): number {
  let t = 0;
  while (n.role === 'follower' && t < 40) (n.tick(), t++);
  return t;
}

export function report(name: string, clause: string, scenario: (C: Ctor) => string, Base: Ctor, Variant: Ctor): void {
  const b = scenario(Base);
  const v = scenario(Variant);
  console.log(`== ${name}\nclause: ${clause}\nbase:    ${b}\nvariant: ${v}\n${b === v ? 'SAME (demo failed)' : 'DIFFER'}`);
  if (b === v) process.exitCode = 1;
}
