import { VectorClock as B } from '../base/vector-clock';
import { VectorClock as V } from '../vc-from-array-only/vector-clock';
import { demo, type ClockClass } from './_lib';

demo<ClockClass>('vc-from-array-only', B, V, (VC) => {
  function* gen(): Generator<[string, number]> { yield ['a', 1]; yield ['b', 2]; }
  return { set: VC.from(new Set<[string, number]>([['a', 1]])).serialize(), generator: VC.from(gen()).serialize(), map: VC.from(new Map([['z', 3]])).serialize() };
});
