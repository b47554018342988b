/**
 * The replica's disk: every call against a model of what it must keep, read
 * back from what a crash right after the call would leave; then a crash
 * before every storage call, from an empty disk, in every way the disk
 * allows; then the ranges and who owns what.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { SimStorage, type NodeId, type Storage } from '../../../harness';
import { crashOutcomes, recordCrashPoints } from '../../../harness/storage';
import { expectRangeError } from '../../../harness/suite';
import { compareVersions, type Hint, type Version, type Versioned } from '../../../exercises/quorum/types';
import { itemArb, KEYS, NODE_IDS, replicaSuite, show, type ReplicaLike, type ReplicaModule } from './support';

const suite = replicaSuite();

type Op =
  | { readonly t: 'offer'; readonly key: string; readonly item: Versioned }
  | { readonly t: 'hint'; readonly key: string; readonly home: NodeId; readonly item: Versioned }
  | { readonly t: 'unhint'; readonly pick: number; readonly exact: boolean };

const keyArb = fc.constantFrom(...KEYS);
const offerArb: fc.Arbitrary<Op> = fc.record({ t: fc.constant('offer' as const), key: keyArb, item: itemArb });
/** Home ids and keys whose pairs collide when joined with a separator (a/b + c, a + b/c), or with none at all. */
const JOINED = ['a', 'a/b', 'a:b', 'a|b', 'a\u0000b', 'a,b', 'a b', 'ab', 'a.b', 'a-b', 'a_b', 'a#b', 'a@b', 'a;b', 'a\tb', 'a\nb'] as const;
const SPLIT = ['c', 'b/c', 'b:c', 'b|c', 'b\u0000c', 'b,c', 'b c', 'bc', 'b.c', 'b-c', 'b_c', 'b#c', 'b@c', 'b;c', 'b\tc', 'b\nc'] as const;
const hintArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ t: fc.constant('hint' as const), home: fc.constantFrom(...NODE_IDS), key: keyArb, item: itemArb }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('hint' as const), home: fc.constantFrom(...JOINED), key: fc.constantFrom(...SPLIT), item: itemArb }) },
);
const unhintArb: fc.Arbitrary<Op> = fc.record({ t: fc.constant('unhint' as const), pick: fc.nat(), exact: fc.boolean() });

/** What a replica must hold: the newest item per key, the newest hint per (home, key). */
class ReplicaModel {
  readonly items = new Map<string, Versioned>();
  readonly hints = new Map<string, Hint>();
  /** Applies the op; returns what the call must return, and the op as the learner is handed it. */
  apply(op: Op): { returns: boolean; call: (r: ReplicaLike) => boolean; text: string } {
    switch (op.t) {
      case 'offer': {
        const held = this.items.get(op.key);
        const keep = held === undefined || compareVersions(op.item.version, held.version) > 0;
        if (keep) this.items.set(op.key, op.item);
        return { returns: keep, call: (r) => r.offer(op.key, structuredClone(op.item)), text: `offer(${show(op.key)}, ${show(op.item)})` };
      }
      case 'hint': {
        const slot = show([op.home, op.key]);
        const held = this.hints.get(slot);
        const keep = held === undefined || compareVersions(op.item.version, held.item.version) > 0;
        if (keep) this.hints.set(slot, { home: op.home, key: op.key, item: op.item });
        return { returns: keep, call: (r) => r.hint(op.home, op.key, structuredClone(op.item)), text: `hint(${show(op.home)}, ${show(op.key)}, ${show(op.item)})` };
      }
      case 'unhint': {
        const all = [...this.hints.values()];
        const target = all[op.pick % Math.max(1, all.length)];
        const home = target?.home ?? 'n1';
        const key = target?.key ?? 'k';
        // Either the version held, or one that differs from it by one writer: only the first removes.
        const version: Version = target === undefined ? { counter: 1, writer: 0 } : op.exact ? target.item.version : { counter: target.item.version.counter, writer: target.item.version.writer === 0 ? 1 : target.item.version.writer - 1 };
        const slot = show([home, key]);
        const held = this.hints.get(slot);
        const removes = held !== undefined && compareVersions(held.item.version, version) === 0;
        if (removes) this.hints.delete(slot);
        return { returns: removes, call: (r) => r.removeHint(home, key, { ...version }), text: `removeHint(${show(home)}, ${show(key)}, ${show(version)})` };
      }
      default: {
        const unreachable: never = op;
        return unreachable;
      }
    }
  }
}

const itemText = (i: Versioned | undefined): string => show(i === undefined ? null : [i.value, i.version.counter, i.version.writer]);
const hintsText = (hints: readonly Hint[]): string => show(hints.map((h) => show([h.home, h.key, itemText(h.item)])).sort());

/** The replica's contents, as text: every key's item, and its hints. */
function contents(r: ReplicaLike, hints: boolean): string {
  return show([KEYS.map((k) => itemText(r.item(k))), hints ? hintsText(r.hints()) : '']);
}
const modelContents = (m: ReplicaModel, hints: boolean): string => show([KEYS.map((k) => itemText(m.items.get(k))), hints ? hintsText([...m.hints.values()]) : '']);

function replay(mod: ReplicaModule, ops: readonly Op[], hints: boolean): void {
  const disk = new SimStorage();
  const replica = new mod.Replica(disk);
  const model = new ReplicaModel();
  const done: string[] = [];
  for (const op of ops) {
    const { returns, call, text } = model.apply(op);
    done.push(text);
    const what = `after ${done.slice(-8).join(', ')}`;
    expect(call(replica), `${what}: what ${text} returned (QR-1.5, QR-3.2, QR-3.3)`).toBe(returns);
    const want = modelContents(model, hints);
    const now = contents(replica, hints);
    if (now !== want) expect.fail(`${what}:\n  the replica holds ${now}\n  expected         ${want}\n(QR-1.5: the newest version per key; QR-3.2: the newest hint per (home, key), apart from items)`);
    const reopened = contents(new mod.Replica(disk.durableCopy()), hints);
    if (reopened !== want) expect.fail(`${what}, a crash that kept only what was synced:\n  the reopened replica holds ${reopened}\n  expected                  ${want}\n(QR-1.6: durable when the call returns; sync the file, and syncDirectory after creating it)`);
  }
}

suite.task(1, () => {
  suite.test(
    {
      points: 6,
      category: 'correctness',
      name: 'a replica keeps the newest version it is offered, on disk before the call returns',
      clauses: ['QR-1.5', 'QR-1.6', 'QR-0.2'],
      hint: 'README, QR-1.5 and QR-1.6: compare versions by counter, then writer; write, sync, and sync the directory the first time a file is created.',
    },
    (t) => {
      const mod = suite.impl();
      t.check(fc.property(fc.array(offerArb, { minLength: 1, maxLength: 30, size: 'max' }), (ops) => replay(mod, ops, false)), { numRuns: 80 });
    },
  );

  suite.test(
    {
      points: 6,
      category: 'faults',
      name: 'after a crash before any storage call, a reopened replica holds everything a returned call kept, and keeps working',
      clauses: ['QR-1.6', 'QR-3.2'],
      hint: 'README, "The disk": a torn append leaves a prefix of the bytes; a record must say whether it is whole, and a reopened replica must never append after a torn one.',
      deadlineMs: 30_000,
    },
    (t) => {
      const mod = suite.impl();
      t.check(
        fc.property(fc.array(fc.oneof({ weight: 3, arbitrary: offerArb }, { weight: 2, arbitrary: hintArb }, { weight: 1, arbitrary: unhintArb }), { minLength: 1, maxLength: 10, size: 'max' }), (ops) => {
          const model = new ReplicaModel();
          // perKey[i]: what must be held once i calls returned, slot by slot.
          const perKey: Map<string, string>[] = [];
          const snapshot = (): Map<string, string> => new Map([...KEYS.map((k) => [`item ${show(k)}`, itemText(model.items.get(k))] as const), ...[...model.hints].map(([slot, h]) => [`hint ${slot}`, itemText(h.item)] as const)]);
          perKey.push(snapshot());
          let returned = 0;
          const { points, error } = recordCrashPoints(
            new SimStorage(),
            (storage: Storage) => {
              const replica = new mod.Replica(storage);
              for (const op of ops) {
                const { call } = model.apply(op);
                call(replica);
                returned += 1;
                perKey.push(snapshot());
              }
            },
            () => returned,
          );
          if (error !== undefined) throw error;
          for (const point of points) {
            const before = perKey[point.state]!;
            const after = perKey[Math.min(point.state + 1, perKey.length - 1)]!;
            for (const outcome of crashOutcomes(point.disk, { limit: 40, seed: point.index })) {
              const where = `a crash during call ${point.state + 1} of ${ops.length}, before storage call ${point.index + 1} (${point.call}; before it: ${point.recent.join(', ') || 'nothing'})\n${outcome.description}`;
              const restarted = new mod.Replica(outcome.disk);
              const got = new Map<string, string>([...KEYS.map((k) => [`item ${show(k)}`, itemText(restarted.item(k))] as const), ...restarted.hints().map((h) => [`hint ${show([h.home, h.key])}`, itemText(h.item)] as const)]);
              for (const slot of new Set([...before.keys(), ...after.keys(), ...got.keys()])) {
                const g = got.get(slot) ?? itemText(undefined);
                const b = before.get(slot) ?? itemText(undefined);
                const a = after.get(slot) ?? itemText(undefined);
                if (g !== b && g !== a) expect.fail(`${where}:\nthe reopened replica's ${slot} is ${g}; a call that returned left ${b}${a !== b ? `, and the call under way would leave ${a}` : ''} (QR-1.6)`);
              }
              // What it holds once reopened is durable: a second crash right away changes nothing.
              const now = new mod.Replica(outcome.disk.durableCopy());
              for (const k of KEYS) {
                if (itemText(now.item(k)) !== itemText(restarted.item(k))) expect.fail(`${where}:\nthe reopened replica holds item(${show(k)}) = ${itemText(restarted.item(k))}, but a second crash right after reopening leaves ${itemText(now.item(k))} (QR-1.6: what it holds must be durable; sync what you found)`);
              }
              if (hintsText(now.hints()) !== hintsText(restarted.hints())) expect.fail(`${where}:\nthe reopened replica's hints are ${hintsText(restarted.hints())}, but a second crash right after reopening leaves ${hintsText(now.hints())} (QR-1.6)`);
              // It keeps working: what it keeps next survives the next crash too.
              const fresh: Versioned = { value: 'after the crash', version: { counter: Number.MAX_SAFE_INTEGER, writer: Number.MAX_SAFE_INTEGER } };
              restarted.offer('after', fresh);
              const again = new mod.Replica(outcome.disk.durableCopy());
              if (itemText(again.item('after')) !== itemText(fresh)) expect.fail(`${where}:\nthe reopened replica kept an offer, but a crash right after lost it (QR-1.6): was it appended after a torn record?`);
              for (const k of KEYS) {
                if (itemText(again.item(k)) !== itemText(restarted.item(k))) expect.fail(`${where}:\nafter reopening and one more offer, a second crash changed item(${show(k)}) from ${itemText(restarted.item(k))} to ${itemText(again.item(k))} (QR-1.6)`);
              }
            }
          }
        }),
        { numRuns: 30 },
      );
    },
  );

  suite.test(
    {
      points: 3,
      category: 'api',
      name: 'a replica refuses versions out of range, accepts both ends, and changes nothing when it refuses',
      clauses: ['QR-0.1'],
      hint: 'README, QR-0.1: a counter is a safe integer ≥ 1, a writer a safe integer ≥ 0; check before you write anything.',
    },
    () => {
      const { Replica } = suite.impl();
      const disk = new SimStorage();
      const replica = new Replica(disk);
      const ok: Versioned = { value: 'v', version: { counter: 1, writer: 0 } };
      replica.offer('k', ok);
      replica.hint('h', 'k', ok);
      const bad: Version[] = [
        { counter: 0, writer: 0 },
        { counter: -1, writer: 0 },
        { counter: 1.5, writer: 0 },
        { counter: Number.NaN, writer: 0 },
        { counter: Number.MAX_SAFE_INTEGER + 1, writer: 0 },
        { counter: Number.POSITIVE_INFINITY, writer: 0 },
        { counter: 2, writer: -1 },
        { counter: 2, writer: 0.5 },
        { counter: 2, writer: Number.NaN },
        { counter: 2, writer: Number.MAX_SAFE_INTEGER + 1 },
      ];
      const files = (): string => show(disk.list().map((f) => [f, disk.read(f)?.length]));
      const was = files();
      for (const version of bad) {
        expectRangeError(`offer("k", {version: ${show(version)}})`, () => replica.offer('k', { value: 'bad', version }));
        expectRangeError(`hint("h", "k", {version: ${show(version)}})`, () => replica.hint('h', 'k', { value: 'bad', version }));
        expectRangeError(`removeHint("h", "k", ${show(version)})`, () => replica.removeHint('h', 'k', version));
      }
      expect(itemText(replica.item('k')), 'item("k") after refused offers (QR-0.1: nothing changes)').toBe(itemText(ok));
      expect(hintsText(replica.hints()), 'hints() after refused calls (QR-0.1: nothing changes)').toBe(hintsText([{ home: 'h', key: 'k', item: ok }]));
      expect(files(), 'the files on disk after refused calls (QR-0.1: nothing changes)').toBe(was);
      const top: Versioned = { value: 'top', version: { counter: Number.MAX_SAFE_INTEGER, writer: Number.MAX_SAFE_INTEGER } };
      expect(replica.offer('k', top), 'offer of the greatest version').toBe(true);
      expect(replica.hint('h', 'k', top), 'hint of the greatest version').toBe(true);
      expect(replica.removeHint('h', 'k', top.version), 'removeHint of the greatest version').toBe(true);
      expect(itemText(new Replica(disk.durableCopy()).item('k')), 'the greatest version, after a crash').toBe(itemText(top));
    },
  );

  suite.test(
    {
      points: 2,
      category: 'correctness',
      name: 'what a replica hands out and what it was given are the caller’s: changing them changes nothing else',
      clauses: ['QR-0.3'],
      hint: 'README, QR-0.3: copy items as they come in and as they go out, version object included.',
    },
    () => {
      const { Replica } = suite.impl();
      const replica = new Replica(new SimStorage());
      const given = { value: 'v', version: { counter: 3, writer: 4 } };
      replica.offer('k', given);
      const hinted = { value: 'h', version: { counter: 5, writer: 6 } };
      replica.hint('home', 'k', hinted);
      (given as { value: string }).value = 'changed';
      (given.version as { counter: number }).counter = 99;
      (hinted.version as { writer: number }).writer = 0;
      const out = replica.item('k')!;
      (out as { value: string }).value = 'changed again';
      (out.version as { counter: number }).counter = 100;
      const hints = replica.hints();
      (hints[0]!.item.version as { counter: number }).counter = 100;
      (hints[0] as { home: string }).home = 'elsewhere';
      hints.push({ home: 'x', key: 'y', item: given });
      expect(itemText(replica.item('k')), 'item("k") after the caller changed what it gave and what it got').toBe(itemText({ value: 'v', version: { counter: 3, writer: 4 } }));
      expect(hintsText(replica.hints()), 'hints() after the caller changed what it gave and what it got').toBe(hintsText([{ home: 'home', key: 'k', item: { value: 'h', version: { counter: 5, writer: 6 } } }]));
    },
  );
});

suite.task(3, () => {
  suite.test(
    {
      points: 4,
      category: 'correctness',
      name: 'a replica keeps the newest hint per home and key apart from its items, and removes one only at the version it holds, on disk before each call returns',
      clauses: ['QR-3.2', 'QR-3.3', 'QR-1.6', 'QR-0.2'],
      hint: 'README, QR-3.2 and QR-3.3: one hint per (home, key); removeHint compares the whole version.',
    },
    (t) => {
      const mod = suite.impl();
      // Every (home, key) pair whose parts collide when joined: each is a hint of its own.
      const colliding: Op[] = JOINED.flatMap((home, i) => SPLIT.map((key, j): Op => ({ t: 'hint', home, key, item: { value: `${i}.${j}`, version: { counter: 1 + i, writer: j } } })));
      replay(mod, colliding, true);
      t.check(fc.property(fc.array(fc.oneof(offerArb, hintArb, hintArb, unhintArb), { minLength: 1, maxLength: 30, size: 'max' }), (ops) => replay(mod, ops, true)), { numRuns: 80 });
    },
  );
});
