import { VersionedStore as B } from '../base/versioned-store';
import { VersionedStore as V } from '../vs-survival-by-new-clock/versioned-store';
import { VectorClock as BC } from '../base/vector-clock';
import { VectorClock as VC2 } from '../vs-survival-by-new-clock/vector-clock';
import { demo, ser, type ClockClass, type StoreClass } from './_lib';

demo<{ Store: StoreClass; VC: ClockClass }>('vs-survival-by-new-clock', { Store: B, VC: BC }, { Store: V, VC: VC2 }, ({ Store, VC }) => {
  void ser;
  const vals = (s: InstanceType<StoreClass>, k: string) => s.get(k).siblings.map((v) => `${JSON.stringify(v.value)}@${ser(v.clock)}`).join(' ');
  void vals;
  const s = new Store('c');
  s.put('cart', 'milk', VC.empty());
  const stale = s.get('cart').context;
  s.put('cart', 'eggs', stale);
  s.put('cart', 'bread', stale);
  return vals(s, 'cart');
});
