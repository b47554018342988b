import { VersionedStore as B } from '../base/versioned-store';
import { VersionedStore as V } from '../vs-newest-first/versioned-store';
import { VectorClock as BC } from '../base/vector-clock';
import { VectorClock as VC2 } from '../vs-newest-first/vector-clock';
import { demo, ser, type ClockClass, type StoreClass } from './_lib';

demo<{ Store: StoreClass; VC: ClockClass }>('vs-newest-first', { Store: B, VC: BC }, { Store: V, VC: VC2 }, ({ Store, VC }) => {
  void ser;
  const vals = (s: InstanceType<StoreClass>, k: string) => s.get(k).siblings.map((v) => `${JSON.stringify(v.value)}@${ser(v.clock)}`).join(' ');
  void vals;
  const s = new Store('c');
  s.put('k', 'first', VC.empty());
  s.put('k', 'second', VC.empty());
  return vals(s, 'k');
});
