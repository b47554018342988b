import { VectorClock as B } from '../base/vector-clock';
import { VectorClock as V } from '../vc-get-inherited/vector-clock';
import { demo, type ClockClass } from './_lib';

demo<ClockClass>('vc-get-inherited', B, V, (VC) => {
  const c = VC.empty();
  return { constructor: String(c.get('constructor')).slice(0, 20), toString: String(c.get('toString')).slice(0, 20), proto: VC.from([['__proto__', 2]]).get('__proto__') };
});
