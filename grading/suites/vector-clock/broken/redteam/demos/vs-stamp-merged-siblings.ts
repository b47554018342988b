import { VersionedStore as B } from '../base/versioned-store';
import { VersionedStore as V } from '../vs-stamp-merged-siblings/versioned-store';
import { VectorClock as BC } from '../base/vector-clock';
import { VectorClock as VC2 } from '../vs-stamp-merged-siblings/vector-clock';
import { demo, ser, type ClockClass, type StoreClass } from './_lib';

demo<{ Store: StoreClass; VC: ClockClass }>('vs-stamp-merged-siblings', { Store: B, VC: BC }, { Store: V, VC: VC2 }, ({ Store, VC }) => {
  void ser;
  const vals = (s: InstanceType<StoreClass>, k: string) => s.get(k).siblings.map((v) => `${JSON.stringify(v.value)}@${ser(v.clock)}`).join(' ');
  void vals;
  const c = new Store('c');
  const d = new Store('d');
  d.put('k', 'from-d', VC.empty());
  c.put('k', 'x', d.get('k').context); // x = {c:1,d:1}
  const blind = c.put('k', 'y', VC.empty()); // a blind write never saw x
  const x = c.get('k').siblings[0]!.clock;
  return { blindClock: ser(blind), 'x vs blind write': x.compare(blind) };
});
