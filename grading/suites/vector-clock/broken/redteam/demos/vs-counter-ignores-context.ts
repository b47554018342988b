import { VersionedStore as B } from '../base/versioned-store';
import { VersionedStore as V } from '../vs-counter-ignores-context/versioned-store';
import { VectorClock as BC } from '../base/vector-clock';
import { VectorClock as VC2 } from '../vs-counter-ignores-context/vector-clock';
import { demo, ser, type ClockClass, type StoreClass } from './_lib';

demo<{ Store: StoreClass; VC: ClockClass }>('vs-counter-ignores-context', { Store: B, VC: BC }, { Store: V, VC: VC2 }, ({ Store, VC }) => {
  void ser;
  const vals = (s: InstanceType<StoreClass>, k: string) => s.get(k).siblings.map((v) => `${JSON.stringify(v.value)}@${ser(v.clock)}`).join(' ');
  void vals;
  const s = new Store('c');
  s.put('k1', 'a', VC.empty());
  s.put('k1', 'b', s.get('k1').context);
  s.put('k1', 'c', s.get('k1').context);
  const ctx = s.get('k1').context; // {c:3}, a context the writer carries over to another key
  const stamped = s.put('k2', 'z', ctx);
  return { context: ser(ctx), stamped: ser(stamped), 'stamped vs context': stamped.compare(ctx) };
});
