import { VersionedStore as Base } from '../base/versioned-store.ts';
import { VectorClock as BaseClock } from '../base/vector-clock.ts';
import { attempt, loadVariant, report } from './_lib.ts';

const { VersionedStore: Variant } = await loadVariant('store-empty-id-default', 'versioned-store.ts');
const { VectorClock: VariantClock } = await loadVariant('store-empty-id-default', 'vector-clock.ts');
const scenario = (S: any, E: any): string => attempt(() => new S('').put('k', 'x', E.empty()).serialize());
const b = scenario(Base, BaseClock);
const v = scenario(Variant, VariantClock);
report("store-empty-id-default", "[VC-3.1] every write it accepts is stamped by its node id, any string (`''` included).", "store with id '': blind write", b, v);
