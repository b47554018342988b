import { VersionedStore as Base } from '../base/versioned-store.ts';
import { VectorClock as BaseClock } from '../base/vector-clock.ts';
import { attempt, loadVariant, report } from './_lib.ts';

const { VersionedStore: Variant } = await loadVariant('store-counter-ignores-context', 'versioned-store.ts');
const { VectorClock: VariantClock } = await loadVariant('store-counter-ignores-context', 'vector-clock.ts');
const scenario = (S: any, E: any): string => attempt(() => { const s = new S('c'); s.put('k1', 'x', E.empty()); s.put('k1', 'y', s.get('k1').context); const ctx = s.get('k1').context; const clock = s.put('k2', 'z', ctx); return `${clock.serialize()} (vs context: ${clock.compare(ctx)})`; });
const b = scenario(Base, BaseClock);
const v = scenario(Variant, VariantClock);
report("store-counter-ignores-context", "[VC-3.6] The new version's clock is `context` with the coordinator's counter set to **1 + the largest coordinator counter** among `context` and every current sibling's clock.", "store c: two writes to k1; then a write to k2 with k1's context {c:2}", b, v);
