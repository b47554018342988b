import { VectorClock as Base } from '../base/vector-clock.ts';
import { VectorClock as Variant } from '../nan-error-no-node/vector-clock.ts';
import { attempt, report } from './_lib.ts';

const scenario = (C: any): string => attempt(() => { try { C.from([['node-7', NaN]]); return 'no error'; } catch (e) { return `${(e as Error).constructor.name}, names node: ${(e as Error).message.includes('node-7')}`; } });
const b = scenario(Base);
const v = scenario(Variant);
report("nan-error-no-node", "[VC-1.17] `from` rejects a counter that is not a safe integer ≥ 0 (negative, fractional, `NaN`, ±`Infinity`, above `Number.MAX_SAFE_INTEGER`) with a message naming the node.", "from([['node-7', NaN]]): does the RangeError name node-7?", b, v);
