import { VersionedStore as Base } from '../base/versioned-store.ts';
import { VectorClock as BaseClock } from '../base/vector-clock.ts';
import { attempt, loadVariant, report } from './_lib.ts';

const { VersionedStore: Variant } = await loadVariant('store-replace-in-place', 'versioned-store.ts');
const { VectorClock: VariantClock } = await loadVariant('store-replace-in-place', 'vector-clock.ts');
const scenario = (S: any, E: any): string => attempt(() => { const s = new S('c'); s.put('k', 'A', E.empty()); const ctxA = s.get('k').context; s.put('k', 'B', E.empty()); s.put('k', 'X', ctxA); return s.get('k').siblings.map((v: any) => v.value).join(','); });
const b = scenario(Base, BaseClock);
const v = scenario(Variant, VariantClock);
report("store-replace-in-place", "[VC-3.6, VC-3.3] `put` returns it; the new version is the newest sibling.", "blind A, read ctxA, blind B, then X with ctxA (replaces A only): sibling order", b, v);
