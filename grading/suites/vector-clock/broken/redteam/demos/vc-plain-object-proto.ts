import { VectorClock as B } from '../base/vector-clock';
import { VectorClock as V } from '../vc-plain-object-proto/vector-clock';
import { demo, type ClockClass } from './_lib';

demo<ClockClass>('vc-plain-object-proto', B, V, (VC) => {
  const c = VC.from([['__proto__', 3], ['a', 1]]);
  return { get: c.get('__proto__'), serialize: c.serialize(), inc: VC.empty().increment('__proto__').get('__proto__') };
});
