import { VersionedStore as Base } from '../base/versioned-store.ts';
import { VectorClock as BaseClock } from '../base/vector-clock.ts';
import { attempt, loadVariant, report } from './_lib.ts';

const { VersionedStore: Variant } = await loadVariant('store-merges-equal-values', 'versioned-store.ts');
const { VectorClock: VariantClock } = await loadVariant('store-merges-equal-values', 'vector-clock.ts');
const scenario = (S: any, E: any): string => attempt(() => { const s = new S('c'); s.put('k', 'x', E.empty()); s.put('k', 'x', E.empty()); return `${s.get('k').siblings.length} sibling(s)`; });
const b = scenario(Base, BaseClock);
const v = scenario(Variant, VariantClock);
report("store-merges-equal-values", "[VC-3.7, VC-3.5] A sibling is a version, not a value: two concurrent writes of equal values are two siblings.", "store c: blind 'x', then blind 'x' again (two concurrent writes of equal values)", b, v);
