import { VersionedStore as Base } from '../base/versioned-store.ts';
import { VectorClock as BaseClock } from '../base/vector-clock.ts';
import { attempt, loadVariant, report } from './_lib.ts';

const { VersionedStore: Variant } = await loadVariant('store-shared-by-id', 'versioned-store.ts');
const { VectorClock: VariantClock } = await loadVariant('store-shared-by-id', 'vector-clock.ts');
const scenario = (S: any, E: any): string => attempt(() => { const s1 = new S('c'); const s2 = new S('c'); s1.put('k', 'x', E.empty()); return `second store siblings: ${s2.get('k').siblings.length}`; });
const b = scenario(Base, BaseClock);
const v = scenario(Variant, VariantClock);
report("store-shared-by-id", "[VC-3.1] Each store is on its own: two stores built with the same id share nothing, and may stamp two writes with the same clock, so give each coordinator its own id.", "two stores built with id 'c'; write to the first, read the second", b, v);
