import { VersionedStore as B } from '../base/versioned-store';
import { VersionedStore as V } from '../vs-get-aliases-internal/versioned-store';
import { VectorClock as BC } from '../base/vector-clock';
import { VectorClock as VC2 } from '../vs-get-aliases-internal/vector-clock';
import { demo, ser, type ClockClass, type StoreClass } from './_lib';

demo<{ Store: StoreClass; VC: ClockClass }>('vs-get-aliases-internal', { Store: B, VC: BC }, { Store: V, VC: VC2 }, ({ Store, VC }) => {
  void ser;
  const vals = (s: InstanceType<StoreClass>, k: string) => s.get(k).siblings.map((v) => `${JSON.stringify(v.value)}@${ser(v.clock)}`).join(' ');
  void vals;
  const s = new Store('c');
  s.put('k', 'a', VC.empty());
  const first = s.get('k');
  const before = first.siblings.length;
  s.put('k', 'b', VC.empty());
  return { 'earlier read, siblings before': before, 'same read object after a later put': first.siblings.length };
});
