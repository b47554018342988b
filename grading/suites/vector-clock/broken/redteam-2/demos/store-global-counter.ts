import { VersionedStore as Base } from '../base/versioned-store.ts';
import { VectorClock as BaseClock } from '../base/vector-clock.ts';
import { attempt, loadVariant, report } from './_lib.ts';

const { VersionedStore: Variant } = await loadVariant('store-global-counter', 'versioned-store.ts');
const { VectorClock: VariantClock } = await loadVariant('store-global-counter', 'vector-clock.ts');
const scenario = (S: any, E: any): string => attempt(() => { const s = new S('c'); s.put('k1', 'x', E.empty()); return s.put('k2', 'y', E.empty()).serialize(); });
const b = scenario(Base, BaseClock);
const v = scenario(Variant, VariantClock);
report("store-global-counter", "[VC-3.6] The new version's clock is `context` with the coordinator's counter set to **1 + the largest coordinator counter** among `context` and every current sibling's clock.", "store c: blind write to k1, then blind write to k2", b, v);
