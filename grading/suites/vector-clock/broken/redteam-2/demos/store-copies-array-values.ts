import { VersionedStore as Base } from '../base/versioned-store.ts';
import { VectorClock as BaseClock } from '../base/vector-clock.ts';
import { attempt, loadVariant, report } from './_lib.ts';

const { VersionedStore: Variant } = await loadVariant('store-copies-array-values', 'versioned-store.ts');
const { VectorClock: VariantClock } = await loadVariant('store-copies-array-values', 'vector-clock.ts');
const scenario = (S: any, E: any): string => attempt(() => { const s = new S('c'); const cart = ['milk']; s.put('k', cart, E.empty()); return `same object: ${s.get('k').siblings[0].value === cart}`; });
const b = scenario(Base, BaseClock);
const v = scenario(Variant, VariantClock);
report("store-copies-array-values", "[VC-3.10] The store keeps each value as it was given, by reference: it never copies or changes one, and `get` returns the very value `put` stored (the same object).", "put an array value (a cart); is get's value the very same object?", b, v);
