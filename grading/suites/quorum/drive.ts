/**
 * One node of the learner's, driven by hand against the suite's model
 * (model.ts): client calls, ticks, answers from the right nodes and the
 * wrong ones, for live requests and for answered ones, twice, late, and
 * reads and stores from other coordinators. After every call, what the node
 * emitted and sent, and what its replica holds, must be what the model says.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import type { NodeId } from '../../../harness';
import type { ClientReply, QuorumConfig, QuorumMessage, Versioned } from '../../../exercises/quorum/types';
import { NodeModel, showSent } from './model';
import { handContext, KEYS, NODE_IDS, settingsArb, show, type NodeModule, type QuorumNodeLike, type Sent } from './support';

export type Event =
  | { readonly t: 'get'; readonly key: number }
  | { readonly t: 'put'; readonly key: number }
  | { readonly t: 'tick' }
  | { readonly t: 'answer'; readonly pick: number; readonly from: number; readonly kind: 'auto' | 'read-reply' | 'store-ack'; readonly item: Versioned | null; readonly stale: boolean; readonly wrongKey: boolean; readonly echo?: boolean }
  | { readonly t: 'peer-read'; readonly from: number; readonly key: number }
  | { readonly t: 'peer-store'; readonly from: number; readonly key: number; readonly item: Versioned; readonly hintFor: number | null }
  | { readonly t: 'home-ack'; readonly pick: number }
  | { readonly t: 'again' };

/**
 * Items other nodes send: one value per version, as in a real run (a version names one put), and writers that are
 * none of this node's own request ids; counters few, so that versions often tie on the counter. Both ends of the
 * counter's range, and values a plain object gets wrong.
 */
const peerItemArb: fc.Arbitrary<Versioned> = fc
  .record({ counter: fc.oneof(fc.integer({ min: 1, max: 3 }), fc.constant(Number.MAX_SAFE_INTEGER)), writer: fc.oneof(fc.integer({ min: 1_000_000, max: 1_000_003 }), fc.constant(Number.MAX_SAFE_INTEGER)) })
  .map((version) => ({ value: peerValue(version.counter, version.writer), version }));

function peerValue(counter: number, writer: number): string {
  if (counter === 1 && writer === 1_000_000) return '';
  if (counter === 2 && writer === 1_000_000) return '__proto__';
  return `${counter}.${writer}`;
}

const eventArb: fc.Arbitrary<Event> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ t: fc.constant('get' as const), key: fc.nat(4) }) },
  { weight: 3, arbitrary: fc.record({ t: fc.constant('put' as const), key: fc.nat(4) }) },
  { weight: 4, arbitrary: fc.constant({ t: 'tick' as const }) },
  {
    weight: 12,
    arbitrary: fc.record({
      t: fc.constant('answer' as const),
      pick: fc.nat(),
      from: fc.nat(),
      kind: fc.constantFrom('auto' as const, 'auto' as const, 'auto' as const, 'read-reply' as const, 'store-ack' as const),
      item: fc.option(peerItemArb, { nil: null }),
      stale: fc.oneof({ weight: 7, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
      wrongKey: fc.oneof({ weight: 9, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
      // A read-reply, late, holding the very item a get is writing back.
      echo: fc.oneof({ weight: 4, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('peer-read' as const), from: fc.nat(), key: fc.nat(4) }) },
  { weight: 3, arbitrary: fc.record({ t: fc.constant('peer-store' as const), from: fc.nat(), key: fc.nat(4), item: peerItemArb, hintFor: fc.option(fc.nat(), { nil: null }) }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('home-ack' as const), pick: fc.nat() }) },
  { weight: 2, arbitrary: fc.constant({ t: 'again' as const }) },
);

export interface Case {
  readonly nodes: NodeId[];
  readonly config: QuorumConfig;
  /** Which node is under test. */
  readonly me: number;
  /** The first request id: 0, or near the top of the safe range. */
  readonly firstReq: number;
  readonly events: Event[];
}

/** Settings narrowed by `config`, a node among 1 to 5, and up to 80 events. */
export const caseArb = (narrow: (c: QuorumConfig) => QuorumConfig, sizes?: fc.Arbitrary<number>): fc.Arbitrary<Case> =>
  settingsArb(sizes).chain(({ nodes, config }) =>
    fc.record({
      nodes: fc.constant(nodes),
      config: fc.constant(narrow(config)),
      me: fc.nat(nodes.length - 1),
      firstReq: fc.constantFrom(0, 7, Number.MAX_SAFE_INTEGER - 200),
      events: fc.array(eventArb, { minLength: 1, maxLength: 80, size: 'max' }),
    }),
  );

/**
 * A sloppy put that reaches its hint tick short of W, then acknowledgements from home replicas and fallbacks alike,
 * some twice, in any order, with ticks between: where a fallback's ack and its home's must count once between them.
 */
export const hintCaseArb: fc.Arbitrary<Case> = fc
  .integer({ min: 3, max: 5 })
  .chain((size) => fc.record({ size: fc.constant(size), n: fc.integer({ min: 2, max: size - 1 }) }))
  .chain(({ size, n }) =>
    fc.record({
      nodes: fc.constant(NODE_IDS.slice(0, size) as NodeId[]),
      config: fc.record({ n: fc.constant(n), r: fc.integer({ min: 1, max: n }), w: fc.integer({ min: 2, max: n }), writeBack: fc.boolean(), sloppy: fc.constant(true), timeoutTicks: fc.integer({ min: 4, max: 8 }) }),
      me: fc.nat(size - 1),
      firstReq: fc.constant(0),
      key: fc.nat(4),
      readers: fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n }),
      // Home replicas that acknowledge before the hint tick: the rest are the ones hints are for.
      early: fc.subarray([...Array(n).keys()]),
      // Whether each hint's keeper acknowledges before its home does.
      keeperFirst: fc.array(fc.boolean(), { minLength: size, maxLength: size }),
      acks: fc.array(fc.oneof(fc.nat(size - 1).map((from): Event => ({ t: 'answer', pick: 0, from, kind: 'auto', item: null, stale: false, wrongKey: false })), fc.constant<Event>({ t: 'tick' }), fc.constant<Event>({ t: 'again' })), { maxLength: 14 }),
    }),
  )
  .map(({ nodes, config, me, firstReq, key, readers, early, keeperFirst, acks }) => {
    const ack = (from: number): Event => ({ t: 'answer', pick: 0, from, kind: 'store-ack', item: null, stale: false, wrongKey: false });
    // Each home that had not acknowledged, and its hint's keeper (the fallbacks in order): both acknowledge, in either order.
    const missing = [...Array(config.n).keys()].filter((i) => !early.includes(i));
    const pairs = missing.slice(0, nodes.length - config.n).flatMap((home, j) => (keeperFirst[j] ? [ack(config.n + j), ack(home)] : [ack(home), ack(config.n + j)]));
    return {
      nodes,
      config,
      me,
      firstReq,
      events: [
        { t: 'put', key } as Event,
        ...readers.map((from): Event => ({ t: 'answer', pick: 0, from, kind: 'read-reply', item: null, stale: false, wrongKey: false })),
        ...early.map(ack),
        { t: 'tick' } as Event,
        { t: 'tick' } as Event,
        ...pairs,
        ...acks,
      ],
    };
  });

/** A message as one string with its fields in a fixed order, for comparing multisets. */
function canon(s: Sent): string {
  const m = s.message;
  const item = (i: Versioned | null): unknown => (i === null ? null : [i.value, i.version.counter, i.version.writer]);
  switch (m.type) {
    case 'read':
      return show([s.to, m.type, m.req, m.key]);
    case 'read-reply':
      return show([s.to, m.type, m.req, m.key, item(m.item)]);
    case 'store':
      return show([s.to, m.type, m.req, m.key, item(m.item), m.hintFor]);
    case 'store-ack':
      return show([s.to, m.type, m.req, m.key]);
    default:
      return show(s);
  }
}

const canonReply = (r: ClientReply): string => show([r.type, r.req, r.type === 'get-ok' ? (r.value ?? null) : null]);
const canonItem = (i: Versioned | undefined): string => show(i === undefined ? null : [i.value, i.version.counter, i.version.writer]);

/** Runs a case; fails with what the node did and what the README asks at the first call that differs. */
export function drive(mod: NodeModule, c: Case): void {
  const me = c.nodes[c.me]!;
  const peers = c.nodes.filter((n) => n !== me);
  const sent: Sent[] = [];
  const emitted: ClientReply[] = [];
  // The order of sends and emits within a call: nothing may be sent for a request after its reply (QR-1.7).
  const order: ({ readonly sent: Sent } | { readonly reply: ClientReply })[] = [];
  const ctx = handContext(me, peers, sent, emitted);
  const given = { ...c.config };
  const node: QuorumNodeLike = new mod.QuorumNode(
    {
      ...ctx,
      send: (to, message) => {
        ctx.send(to, message);
        order.push({ sent: sent.at(-1)! });
      },
      emit: (reply) => {
        ctx.emit(reply);
        order.push({ reply: emitted.at(-1)! });
      },
    },
    given,
  );
  // The caller's object is the caller's (QR-0.3): changing it afterwards changes nothing.
  Object.assign(given, { n: 1, r: 1, w: 1, timeoutTicks: 1, writeBack: !given.writeBack, sloppy: !given.sloppy });
  const model = new NodeModel(me, c.nodes, c.config);
  const log: string[] = [];
  let nextReq = c.firstReq;
  let last: { from: NodeId; message: QuorumMessage } | undefined;
  let slots = new Map<string, number>();
  const keysUsed = new Set<string>();

  const call = (what: string, run: () => void, expected: () => ReturnType<NodeModel['tick']>, inTick: boolean): void => {
    sent.length = 0;
    emitted.length = 0;
    order.length = 0;
    log.push(what);
    const history = (): string => `after these calls to node ${show(me)} (nodes ${show(c.nodes)}, config ${show(c.config)}):\n  ${log.slice(-12).join('\n  ')}`;
    run();
    const want = expected();
    const got = emitted.map(canonReply).sort();
    const owed = want.emits.map(canonReply).sort();
    if (show(got) !== show(owed)) expect.fail(`${history()}\nthe node emitted ${show(emitted)}; the README asks for ${show(want.emits)} in this call (QR-1.2, 1.4, 1.7, 2.1)`);
    if (inTick) slots = new Map();
    const answered = new Set<number>();
    for (const o of order) {
      if ('reply' in o) answered.add(o.reply.req);
      else if ((o.sent.message.type === 'read' || o.sent.message.type === 'store') && answered.has(o.sent.message.req) && !model.allowed(o.sent, inTick).some((slot) => slot.startsWith('hand-off'))) {
        expect.fail(`${history()}\nthe node sent ${showSent(o.sent)} after it had answered request ${o.sent.message.req} in this call (QR-1.7: once a request has its reply, nothing more is sent for it)`);
      }
    }
    const rest = sent.map((s) => ({ s, key: canon(s) }));
    for (const m of want.must) {
      const at = rest.findIndex((r) => r.key === canon(m.sent));
      if (at < 0) expect.fail(`${history()}\nthe node did not send ${showSent(m.sent)}, which the README asks for in this call (${clauseOf(m.slot)}); it sent:\n  ${sent.map(showSent).join('\n  ') || '(nothing)'}`);
      rest.splice(at, 1);
      slots.set(m.slot, (slots.get(m.slot) ?? 0) + 1);
    }
    for (const m of want.oneOf) {
      const keys = m.options.map(canon);
      const at = rest.findIndex((r) => keys.includes(r.key));
      if (at < 0) expect.fail(`${history()}\nthe node did not send ${m.options.map(showSent).join(' or ')}, which the README asks for in this call (${clauseOf(m.slot)}); it sent:\n  ${sent.map(showSent).join('\n  ') || '(nothing)'}`);
      rest.splice(at, 1);
      slots.set(m.slot, (slots.get(m.slot) ?? 0) + 1);
    }
    for (const { s } of rest) {
      const candidates = model.allowed(s, inTick);
      if (candidates.length === 0) expect.fail(`${history()}\nthe node sent ${showSent(s)}, which no rule of the README allows here (QR-1.8: a request's messages go only to home replicas that have not answered its phase, and hints to their keepers; a replica only answers; QR-3.3: hints go home at ticks)`);
      const slot = candidates.find((c) => (slots.get(c) ?? 0) === 0);
      if (slot === undefined) expect.fail(`${history()}\nthe node sent ${showSent(s)} again since the last tick (QR-1.8: at most once a tick)`);
      slots.set(slot, 1);
    }
    for (const key of keysUsed) {
      const held = node.stored(key);
      if (canonItem(held) !== canonItem(model.items.get(key))) expect.fail(`${history()}\nstored(${show(key)}) is ${show(held)}; the README says ${show(model.items.get(key))} (QR-1.5: a replica keeps the newest version, never goes back; QR-3.2: hints are not items)`);
    }
    const hints = node.hints().map((h) => show([h.home, h.key, canonItem(h.item)])).sort();
    const hintsWanted = [...model.hintsHeld.values()].map((h) => show([h.home, h.key, canonItem(h.item)])).sort();
    if (show(hints) !== show(hintsWanted)) expect.fail(`${history()}\nhints() is ${show(node.hints())}; the README says ${show([...model.hintsHeld.values()])} (QR-3.2, QR-3.3)`);
  };

  const deliver = (from: NodeId, message: QuorumMessage): void => {
    last = { from, message };
    if ('key' in message) keysUsed.add(message.key);
    call(`step(${show(from)}, ${show(message)})`, () => node.step(from, structuredClone(message)), () => model.step(from, message), false);
  };

  for (const e of c.events) {
    switch (e.t) {
      case 'get':
      case 'put': {
        const key = KEYS[e.key]!;
        const req = nextReq++;
        keysUsed.add(key);
        if (e.t === 'get') call(`get(${req}, ${show(key)})`, () => node.get(req, key), () => model.get(req, key), false);
        else {
          const value = `${KEYS[(req + 1) % KEYS.length]}${req}`;
          call(`put(${req}, ${show(key)}, ${show(value)})`, () => node.put(req, key, value), () => model.put(req, key, value), false);
        }
        break;
      }
      case 'tick':
        call('tick()', () => node.tick(), () => model.tick(), true);
        break;
      case 'answer': {
        const pool = e.stale ? model.finished : [...model.pending.values()];
        if (pool.length === 0) break;
        const p = pool[e.pick % pool.length]!;
        const everyone = [...p.home, ...p.fallbacks];
        const from = everyone[e.from % everyone.length]!;
        if (from === me) break;
        const key = e.wrongKey ? KEYS.find((k) => k !== p.key)! : p.key;
        // Only a get's: for a put, counting such an answer is left open (QR-1.4).
        if (e.echo === true && p.phase.kind === 'store' && p.put === undefined) {
          deliver(from, { type: 'read-reply', req: p.req, key, item: p.phase.item });
          break;
        }
        const kind = e.kind !== 'auto' ? e.kind : p.phase.kind === 'read' ? 'read-reply' : 'store-ack';
        deliver(from, kind === 'read-reply' ? { type: 'read-reply', req: p.req, key, item: e.item } : { type: 'store-ack', req: p.req, key });
        break;
      }
      case 'peer-read':
        if (peers.length > 0) deliver(peers[e.from % peers.length]!, { type: 'read', req: 1_000_000 + e.from, key: KEYS[e.key]! });
        break;
      case 'peer-store': {
        if (peers.length === 0) break;
        const from = peers[e.from % peers.length]!;
        const hintFor = e.hintFor === null ? null : (peers[e.hintFor % peers.length] ?? null);
        deliver(from, { type: 'store', req: 1_000_000 + e.from, key: KEYS[e.key]!, item: e.item, hintFor: hintFor === from ? null : hintFor });
        break;
      }
      case 'home-ack': {
        const hints = [...model.hintsHeld.values()];
        if (hints.length === 0) break;
        const h = hints[e.pick % hints.length]!;
        if (h.home !== me) deliver(h.home, { type: 'store-ack', req: h.item.version.writer, key: h.key });
        break;
      }
      case 'again':
        if (last !== undefined) deliver(last.from, last.message);
        break;
      default: {
        const unreachable: never = e;
        return unreachable;
      }
    }
  }
}

function clauseOf(slot: string): string {
  if (slot.startsWith('hand-off')) return 'QR-3.3';
  if (slot.startsWith('hint')) return 'QR-3.1';
  if (slot === 'reply') return 'QR-1.5';
  return slot.startsWith('read') ? 'QR-1.2' : 'QR-1.3, QR-2.1';
}
