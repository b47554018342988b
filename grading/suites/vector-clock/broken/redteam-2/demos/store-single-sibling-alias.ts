import { VersionedStore as Base } from '../base/versioned-store.ts';
import { VectorClock as BaseClock } from '../base/vector-clock.ts';
import { attempt, loadVariant, report } from './_lib.ts';

const { VersionedStore: Variant } = await loadVariant('store-single-sibling-alias', 'versioned-store.ts');
const { VectorClock: VariantClock } = await loadVariant('store-single-sibling-alias', 'vector-clock.ts');
const scenario = (S: any, E: any): string => attempt(() => { const s = new S('c'); s.put('k', 'x', E.empty()); (s.get('k').siblings as any[]).push({ value: 'evil', clock: E.empty() }); return `later read: ${s.get('k').siblings.length} sibling(s)`; });
const b = scenario(Base, BaseClock);
const v = scenario(Variant, VariantClock);
report("store-single-sibling-alias", "[VC-3.9] a caller that changes the `siblings` array it read (its type is readonly, but a cast allows it) changes neither the store nor a later read. Return a copy, or a frozen array.", "one sibling; caller pushes onto the siblings array it read; read again", b, v);
