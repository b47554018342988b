import { VersionedStore as B } from '../base/versioned-store';
import { VersionedStore as V } from '../vs-proto-key/versioned-store';
import { VectorClock as BC } from '../base/vector-clock';
import { VectorClock as VC2 } from '../vs-proto-key/vector-clock';
import { demo, ser, type ClockClass, type StoreClass } from './_lib';

demo<{ Store: StoreClass; VC: ClockClass }>('vs-proto-key', { Store: B, VC: BC }, { Store: V, VC: VC2 }, ({ Store, VC }) => {
  void ser;
  const vals = (s: InstanceType<StoreClass>, k: string) => s.get(k).siblings.map((v) => `${JSON.stringify(v.value)}@${ser(v.clock)}`).join(' ');
  void vals;
  const s = new Store('c');
  s.put('__proto__', 'v', VC.empty());
  s.put('constructor', 'w', VC.empty());
  return { proto: vals(s, '__proto__'), ctor: vals(s, 'constructor'), other: vals(s, 'x') };
});
