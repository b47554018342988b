import { VectorClock as Base } from '../base/vector-clock.ts';
import { VectorClock as Variant } from '../error-message-uri-encodes-id/vector-clock.ts';
import { attempt, report } from './_lib.ts';

const scenario = (C: any): string => attempt(() => { try { C.from([['\ud800', 1], ['\ud800', 2]]); return 'no error'; } catch (e) { return (e as Error).constructor.name; } });
const b = scenario(Base);
const v = scenario(Variant);
report("error-message-uri-encodes-id", "[VC-0.1, VC-1.5] Errors are `RangeError`s, and every error's message says what was wrong; none is empty.", "from([['\\ud800', 1], ['\\ud800', 2]]) (a lone surrogate listed twice): error class", b, v);
