import { VersionedStore as B } from '../base/versioned-store';
import { VersionedStore as V } from '../vs-keep-only-concurrent/versioned-store';
import { VectorClock as BC } from '../base/vector-clock';
import { VectorClock as VC2 } from '../vs-keep-only-concurrent/vector-clock';
import { demo, ser, type ClockClass, type StoreClass } from './_lib';

demo<{ Store: StoreClass; VC: ClockClass }>('vs-keep-only-concurrent', { Store: B, VC: BC }, { Store: V, VC: VC2 }, ({ Store, VC }) => {
  void ser;
  const vals = (s: InstanceType<StoreClass>, k: string) => s.get(k).siblings.map((v) => `${JSON.stringify(v.value)}@${ser(v.clock)}`).join(' ');
  void vals;
  const s = new Store('c');
  s.put('cart', 'milk', VC.empty());
  const stale = s.get('cart').context;
  s.put('cart', 'eggs', stale);
  s.put('cart', 'bread', stale); // eggs {c:2} is 'after' the stale context {c:1}: must stay
  return vals(s, 'cart');
});
