import { VectorClock as Base } from '../base/vector-clock.ts';
import { VectorClock as Variant } from '../from-aliases-map/vector-clock.ts';
import { attempt, report } from './_lib.ts';

const scenario = (C: any): string => attempt(() => { const map = new Map([['a', 1]]); const c = C.from(map); map.set('a', 5); return `c.get('a') = ${c.get('a')}`; });
const b = scenario(Base);
const v = scenario(Variant);
report("from-aliases-map", "[VC-1.3] `from` keeps nothing of what it was given (the caller may change its array or its pairs afterwards)", "from(map), then the caller sets map a=5", b, v);
