/**
 * A cluster with the suite as its network, message by message: an
 * adversary (a fast-check schedule) decides which message is delivered
 * next, which is lost, which arrives twice, when a node ticks, and when one
 * loses power (it restarts on what its disk had made durable). Time is the
 * step count. Such schedules reach the interleavings a network with random
 * delays rarely does, such as a put that reached one replica, a get that saw
 * it, and a later get that did not, and shrink them to a few steps.
 */
import fc from 'fast-check';
import { Rng, SimStorage, checkLinearizable, checkRegular, describeHistory, History, registerModel, type NodeContext, type NodeId, type RegisterInput, type RegisterOutput } from '../../../harness';
import type { ClientReply, QuorumConfig, QuorumMessage } from '../../../exercises/quorum/types';
import { guarantee } from './cluster';
import { KEYS, NODE_IDS, show, type NodeModule, type QuorumNodeLike } from './support';

export type Step =
  | { readonly t: 'call'; readonly node: number; readonly put: boolean; readonly key: number }
  | { readonly t: 'deliver'; readonly pick: number }
  | { readonly t: 'drop'; readonly pick: number }
  | { readonly t: 'twice'; readonly pick: number }
  | { readonly t: 'tick'; readonly node: number }
  | { readonly t: 'crash'; readonly node: number };

const stepArb = (crashes: boolean): fc.Arbitrary<Step> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.record({ t: fc.constant('call' as const), node: fc.nat(4), put: fc.boolean(), key: fc.nat(1) }) },
    { weight: 10, arbitrary: fc.record({ t: fc.constant('deliver' as const), pick: fc.nat() }) },
    { weight: 2, arbitrary: fc.record({ t: fc.constant('drop' as const), pick: fc.nat() }) },
    { weight: 1, arbitrary: fc.record({ t: fc.constant('twice' as const), pick: fc.nat() }) },
    { weight: 2, arbitrary: fc.record({ t: fc.constant('tick' as const), node: fc.nat(4) }) },
    { weight: crashes ? 1 : 0, arbitrary: fc.record({ t: fc.constant('crash' as const), node: fc.nat(4) }) },
  );

export interface Schedule {
  readonly nodes: readonly NodeId[];
  readonly config: QuorumConfig;
  /** Each node's clock offset, in ms: clocks disagree, as they do. */
  readonly skew: readonly number[];
  readonly steps: readonly Step[];
}

/** 3 to 5 nodes, settings `config` picks, and up to 120 steps. */
export const scheduleArb = (config: (size: number) => fc.Arbitrary<QuorumConfig>, crashes: boolean): fc.Arbitrary<Schedule> =>
  fc.integer({ min: 3, max: 5 }).chain((size) =>
    fc.record({
      nodes: fc.constant(NODE_IDS.slice(0, size) as NodeId[]),
      config: config(size),
      skew: fc.array(fc.integer({ min: -5_000, max: 5_000 }), { minLength: size, maxLength: size }),
      steps: fc.array(stepArb(crashes), { minLength: 1, maxLength: 120, size: 'max' }),
    }),
  );

interface InFlight {
  readonly from: NodeId;
  readonly to: NodeId;
  readonly message: QuorumMessage;
}

/** Plays a schedule; throws with the history when it breaks the configuration's guarantee. */
export function play(mod: NodeModule, s: Schedule): void {
  const history = new History<RegisterInput, RegisterOutput>();
  const keys = [KEYS[0]!, KEYS[2]!];
  const disks = new Map(s.nodes.map((id) => [id, new SimStorage()]));
  const live = new Map<NodeId, QuorumNodeLike>();
  const open = new Map<number, { readonly id: number; readonly node: NodeId; readonly put: string | undefined }>();
  const pending: InFlight[] = [];
  const log: string[] = [];
  let now = 0;
  let nextReq = 0;

  const start = (id: NodeId): void => {
    const index = s.nodes.indexOf(id);
    const ctx: NodeContext<QuorumMessage, ClientReply> = {
      id,
      peers: s.nodes.filter((n) => n !== id),
      rng: new Rng(index + 1),
      clock: { now: () => now * 10 + s.skew[index]! },
      monotonic: { now: () => now * 10 },
      storage: disks.get(id)!,
      send: (to, message) => pending.push({ from: id, to, message: structuredClone(message) }),
      emit: (reply) => replied(id, structuredClone(reply)),
    };
    live.set(id, new mod.QuorumNode(ctx, { ...s.config }));
  };

  const replied = (node: NodeId, r: ClientReply): void => {
    const o = open.get(r.req);
    if (o === undefined || o.node !== node) throw new Error(`${show(node)} emitted ${show(r)} for a request it has no reply owed for (QR-1.7)\n  ${log.slice(-15).join('\n  ')}`);
    open.delete(r.req);
    if (r.type === 'fail') history.info(o.id, now);
    else if (r.type === 'put-ok' && o.put !== undefined) history.ok(o.id, { value: undefined }, now);
    else if (r.type === 'get-ok' && o.put === undefined) history.ok(o.id, { value: r.value }, now);
    else throw new Error(`${show(node)} answered ${o.put === undefined ? 'a get' : 'a put'} with ${show(r)} (QR-1.2, QR-1.4)`);
  };

  for (const id of s.nodes) start(id);
  for (const step of s.steps) {
    now += 1;
    switch (step.t) {
      case 'call': {
        const node = s.nodes[step.node % s.nodes.length]!;
        const key = keys[step.key]!;
        const req = nextReq++;
        const put = step.put ? `${key}·${req}` : undefined;
        const id = history.invoke(node, key, put === undefined ? { type: 'read' } : { type: 'write', value: put }, now);
        open.set(req, { id, node, put });
        log.push(`${now}: ${put === undefined ? `get(${req}, ${show(key)})` : `put(${req}, ${show(key)}, ${show(put)})`} at ${show(node)}`);
        if (put === undefined) live.get(node)!.get(req, key);
        else live.get(node)!.put(req, key, put);
        break;
      }
      case 'deliver':
      case 'twice': {
        if (pending.length === 0) break;
        const at = step.pick % pending.length;
        const m = pending[at]!;
        if (step.t === 'deliver') pending.splice(at, 1);
        log.push(`${now}: ${show(m.from)} → ${show(m.to)} ${show(m.message)}${step.t === 'twice' ? ' (a copy stays in flight)' : ''}`);
        live.get(m.to)!.step(m.from, structuredClone(m.message));
        break;
      }
      case 'drop':
        if (pending.length > 0) pending.splice(step.pick % pending.length, 1);
        break;
      case 'tick': {
        const node = s.nodes[step.node % s.nodes.length]!;
        log.push(`${now}: tick ${show(node)}`);
        live.get(node)!.tick();
        break;
      }
      case 'crash': {
        const node = s.nodes[step.node % s.nodes.length]!;
        log.push(`${now}: ${show(node)} loses power and restarts`);
        // Its requests in flight are never answered: indeterminate.
        for (const [req, o] of [...open]) {
          if (o.node !== node) continue;
          open.delete(req);
          history.info(o.id, now);
        }
        disks.set(node, disks.get(node)!.durableCopy());
        start(node);
        break;
      }
      default: {
        const unreachable: never = step;
        return unreachable;
      }
    }
  }

  const ops = history.operations();
  const setting = `nodes ${show(s.nodes)}, settings ${show(s.config)}, clock offsets ${show(s.skew)} ms`;
  const trail = `the schedule, step by step:\n  ${log.slice(-40).join('\n  ')}`;
  const want = guarantee(s.config);
  if (want === 'linearizable') {
    const result = checkLinearizable(ops, registerModel);
    if (result.verdict === 'violation') throw new Error(`not linearizable (QR-2.2): ${result.explanation.replace(/^history: /, '')}\n${setting}\n${describeHistory(ops, registerModel, result.stuck)}\n${trail}`);
    if (result.verdict === 'unknown') throw new Error(`the linearizability check ran out of its step budget, so the suite cannot vouch for this history (${result.explanation.replace(/^history: /, '')})\n${setting}`);
  } else if (want === 'regular') {
    const result = checkRegular(ops);
    if (!result.ok) throw new Error(`a get is not regular (QR-1.9): ${result.violations.map((v) => v.explanation).join('; ')}\n${setting}\n${describeHistory(ops, registerModel, result.violations.map((v) => v.read))}\n${trail}`);
  }
}
