import { VersionedStore as B } from '../base/versioned-store';
import { VersionedStore as V } from '../vs-stamp-context-increment/versioned-store';
import { VectorClock as BC } from '../base/vector-clock';
import { VectorClock as VC2 } from '../vs-stamp-context-increment/vector-clock';
import { demo, ser, type ClockClass, type StoreClass } from './_lib';

demo<{ Store: StoreClass; VC: ClockClass }>('vs-stamp-context-increment', { Store: B, VC: BC }, { Store: V, VC: VC2 }, ({ Store, VC }) => {
  void ser;
  const vals = (s: InstanceType<StoreClass>, k: string) => s.get(k).siblings.map((v) => `${JSON.stringify(v.value)}@${ser(v.clock)}`).join(' ');
  void vals;
  const s = new Store('c');
  s.put('cart', 'milk', VC.empty());
  const stale = s.get('cart').context;
  const e = s.put('cart', 'eggs', stale);
  const b = s.put('cart', 'bread', stale);
  return { eggs: ser(e), bread: ser(b), 'eggs vs bread': e.compare(b), siblings: vals(s, 'cart') };
});
