import { VectorClock as B } from '../base/vector-clock';
import { VectorClock as V } from '../vc-entries-alias/vector-clock';
import { demo, type ClockClass } from './_lib';

demo<ClockClass>('vc-entries-alias', B, V, (VC) => {
  const c = VC.from([['a', 1], ['b', 1]]);
  const e = c.entries();
  e.pop();
  e[0]![1] = 99;
  return { 'c after caller edits c.entries()': c.serialize() };
});
