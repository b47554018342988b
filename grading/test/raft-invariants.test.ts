/**
 * The Raft suite's safety checker catches each Figure 3 property being broken,
 * with the evidence, and stays quiet on a history that keeps them: fed
 * hand-made cluster states rather than a real node, so each check is shown to
 * be able to fail.
 */
import { describe, expect, test } from 'vitest';
import type { Output, SimView } from '../../harness';
import { RaftChecker } from '../suites/raft/invariants';
import type { Applied, Entry, RaftNode, Role } from '../suites/raft/support';

interface FakeNode {
  term: number;
  role: Role;
  commitIndex: number;
  log: Entry[];
  leader: string | undefined;
  votedFor: string | undefined;
}

const e = (term: number, command: string): Entry => ({ term, command });

class Cluster {
  readonly nodes = new Map<string, FakeNode>();
  readonly outputs: Output<Applied>[] = [];
  readonly checker = new RaftChecker();
  time = 0;

  constructor(ids: string[]) {
    for (const id of ids) this.nodes.set(id, { term: 0, role: 'follower', commitIndex: 0, log: [], leader: undefined, votedFor: undefined });
  }

  set(id: string, state: Partial<FakeNode>): this {
    Object.assign(this.nodes.get(id)!, state);
    return this;
  }

  apply(id: string, index: number, entry: Entry): this {
    this.outputs.push({ node: id, output: { type: 'applied', index, term: entry.term, command: entry.command }, time: this.time, seq: this.outputs.length, cause: { kind: 'tick' } });
    return this;
  }

  /** One event's worth of checking: every property's finding, in order. */
  check(): Record<string, string | undefined> {
    this.time += 10;
    const view: SimView<RaftNode, Applied> = {
      time: this.time,
      ids: [...this.nodes.keys()],
      node: (id) => this.nodes.get(id) as unknown as RaftNode | undefined,
      outputs: this.outputs,
      messages: new Map(),
    };
    return Object.fromEntries(this.checker.invariants().map((inv) => [inv.name, inv.check(view)]));
  }

  /** The one property violated, and its evidence (fails if none or several are). */
  violation(): [string, string] {
    const found = Object.entries(this.check()).filter(([, problem]) => problem !== undefined) as [string, string][];
    expect(found.length, JSON.stringify(found)).toBe(1);
    return found[0]!;
  }
}

const quiet = (c: Cluster) => expect(Object.values(c.check()).filter(Boolean)).toEqual([]);

describe('Raft safety checker', () => {
  test('a history that keeps every property raises nothing', () => {
    const c = new Cluster(['n1', 'n2', 'n3']);
    quiet(c.set('n1', { term: 1, role: 'leader', log: [e(1, 'a')] }));
    quiet(c.set('n2', { term: 1, log: [e(1, 'a')] }).set('n1', { commitIndex: 1 }).apply('n1', 1, e(1, 'a')));
    quiet(c.set('n2', { term: 2, role: 'leader', log: [e(1, 'a'), e(2, 'b')] }).set('n1', { term: 2, role: 'follower' }));
    // A follower's uncommitted suffix is replaced by the new leader's entries: allowed.
    quiet(c.set('n3', { term: 1, log: [e(1, 'a'), e(1, 'stale')] }));
    quiet(c.set('n3', { term: 2, log: [e(1, 'a'), e(2, 'b')] }));
    expect(c.checker.committedCount).toBe(1);
  });

  test('Election Safety: two leaders in one term', () => {
    const c = new Cluster(['n1', 'n2', 'n3']);
    quiet(c.set('n1', { term: 3, role: 'leader' }));
    c.set('n2', { term: 3, role: 'leader' });
    const [property, evidence] = c.violation();
    expect(property).toBe('Election Safety');
    expect(evidence).toMatch(/two leaders in term 3: n1 .* and n2/);
  });

  test('Leader Append-Only: a leader rewrites its own log', () => {
    const c = new Cluster(['n1', 'n2', 'n3']);
    quiet(c.set('n1', { term: 2, role: 'leader', log: [e(2, 'a'), e(2, 'b')] }));
    c.set('n1', { log: [e(2, 'a')] });
    const [property, evidence] = c.violation();
    expect(property).toBe('Leader Append-Only');
    expect(evidence).toContain('n1, leader of term 2, changed its own log at index 2');
  });

  test('Log Matching: the same index and term with different commands, or different histories before them', () => {
    const c = new Cluster(['n1', 'n2', 'n3']);
    quiet(c.set('n1', { term: 2, log: [e(1, 'a'), e(2, 'b')] }));
    c.set('n2', { term: 2, log: [e(1, 'x')] });
    expect(c.violation()).toEqual(['Log Matching', expect.stringContaining('n2 and n1 both hold an entry of term 1 at index 1, with different commands') as unknown as string]);

    const d = new Cluster(['n1', 'n2', 'n3']);
    quiet(d.set('n1', { term: 3, log: [e(1, 'a'), e(3, 'c')] }));
    d.set('n2', { term: 3, log: [e(2, 'b'), e(3, 'c')] });
    const [property, evidence] = d.violation();
    expect(property).toBe('Log Matching');
    expect(evidence).toContain('both hold 3:"c" at index 2, but their logs differ before it: at index 1, n2 has term 2, n1 had term 1');
  });

  test('Leader Completeness: a leader of a later term without a committed entry, whether elected after the commit or before it', () => {
    const c = new Cluster(['n1', 'n2', 'n3']);
    quiet(c.set('n1', { term: 1, role: 'leader', log: [e(1, 'a')], commitIndex: 1 }));
    c.set('n1', { term: 2, role: 'follower' }).set('n3', { term: 2, role: 'leader', log: [] });
    const [property, evidence] = c.violation();
    expect(property).toBe('Leader Completeness');
    expect(evidence).toContain('1:"a" at index 1 was committed in term 1');
    expect(evidence).toContain('n3 became leader of term 2 holding nothing there');

    const d = new Cluster(['n1', 'n2', 'n3']);
    quiet(d.set('n3', { term: 2, role: 'leader', log: [e(2, 'z')] }));
    d.set('n1', { term: 1, log: [e(1, 'a')], commitIndex: 1 });
    const [late, why] = d.violation();
    expect(late).toBe('Leader Completeness');
    expect(why).toContain('n3 is leader of term 2 holding 2:"z" there');
  });

  test('State Machine Safety: different entries committed or applied at one index, out of order, or before commit', () => {
    const commits = new Cluster(['n1', 'n2', 'n3']);
    quiet(commits.set('n1', { term: 1, log: [e(1, 'a')], commitIndex: 1 }));
    commits.set('n2', { term: 2, log: [e(2, 'b')], commitIndex: 1 });
    expect(commits.violation()[1]).toContain('n2 committed 2:"b" at index 1, but n1 had committed 1:"a" there');

    const order = new Cluster(['n1', 'n2', 'n3']);
    order.set('n1', { term: 1, log: [e(1, 'a'), e(1, 'b')], commitIndex: 2 }).apply('n1', 2, e(1, 'b'));
    expect(order.violation()[1]).toContain('n1 applied index 2, but the next index it had to apply was 1');

    const early = new Cluster(['n1', 'n2', 'n3']);
    early.set('n1', { term: 1, log: [e(1, 'a')], commitIndex: 0 }).apply('n1', 1, e(1, 'a'));
    expect(early.violation()[1]).toContain('n1 applied index 1 with its commit index at 0');

    const changed = new Cluster(['n1', 'n2', 'n3']);
    quiet(changed.set('n1', { term: 1, log: [e(1, 'a'), e(1, 'b')], commitIndex: 2 }));
    changed.set('n1', { term: 2, log: [e(1, 'a'), e(2, 'c')] });
    const found = Object.entries(changed.check()).filter(([, p]) => p);
    expect(found.map(([p]) => p)).toContain('State Machine Safety');
    expect(found.find(([p]) => p === 'State Machine Safety')![1]).toContain('n1 had committed through index 2, but its log then changed at index 2');
  });
});
