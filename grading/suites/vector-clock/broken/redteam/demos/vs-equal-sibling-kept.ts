import { VersionedStore as B } from '../base/versioned-store';
import { VersionedStore as V } from '../vs-equal-sibling-kept/versioned-store';
import { VectorClock as BC } from '../base/vector-clock';
import { VectorClock as VC2 } from '../vs-equal-sibling-kept/vector-clock';
import { demo, ser, type ClockClass, type StoreClass } from './_lib';

demo<{ Store: StoreClass; VC: ClockClass }>('vs-equal-sibling-kept', { Store: B, VC: BC }, { Store: V, VC: VC2 }, ({ Store, VC }) => {
  void ser;
  const vals = (s: InstanceType<StoreClass>, k: string) => s.get(k).siblings.map((v) => `${JSON.stringify(v.value)}@${ser(v.clock)}`).join(' ');
  void vals;
  const s = new Store('c');
  s.put('k', 'x', VC.empty());
  const ctx = s.get('k').context; // equal to x's clock
  s.put('k', 'y', ctx);
  return vals(s, 'k');
});
