import { VectorClock as B } from '../base/vector-clock';
import { VectorClock as V } from '../vc-merge-mutates/vector-clock';
import { demo, type ClockClass } from './_lib';

demo<ClockClass>('vc-merge-mutates', B, V, (VC) => {
  const c = VC.from([['a', 1]]);
  const d = VC.from([['b', 1]]);
  const m = c.merge(d);
  return { 'c after c.merge(d)': c.serialize(), merged: m.serialize() };
});
