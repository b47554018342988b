import { VectorClock as B } from '../base/vector-clock';
import { VectorClock as V } from '../vc-increment-mutates/vector-clock';
import { demo, type ClockClass } from './_lib';

demo<ClockClass>('vc-increment-mutates', B, V, (VC) => {
  const c = VC.from([['a', 1]]);
  const next = c.increment('a');
  return { 'c after increment': c.serialize(), next: next.serialize() };
});
