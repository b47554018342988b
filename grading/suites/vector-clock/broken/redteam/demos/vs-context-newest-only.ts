import { VersionedStore as B } from '../base/versioned-store';
import { VersionedStore as V } from '../vs-context-newest-only/versioned-store';
import { VectorClock as BC } from '../base/vector-clock';
import { VectorClock as VC2 } from '../vs-context-newest-only/vector-clock';
import { demo, ser, type ClockClass, type StoreClass } from './_lib';

demo<{ Store: StoreClass; VC: ClockClass }>('vs-context-newest-only', { Store: B, VC: BC }, { Store: V, VC: VC2 }, ({ Store, VC }) => {
  void ser;
  const vals = (s: InstanceType<StoreClass>, k: string) => s.get(k).siblings.map((v) => `${JSON.stringify(v.value)}@${ser(v.clock)}`).join(' ');
  void vals;
  const c = new Store('c');
  const d = new Store('d');
  d.put('k', 'from-d', VC.empty());
  c.put('k', 'x', d.get('k').context); // x = {c:1,d:1}
  c.put('k', 'y', VC.empty()); // y = {c:2}, concurrent with x
  const read = c.get('k');
  c.put('k', 'merged', read.context); // must replace both
  return { context: ser(read.context), after: vals(c, 'k') };
});
