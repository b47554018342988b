import { VectorClock as B } from '../base/vector-clock';
import { VectorClock as V } from '../vc-from-negative-only/vector-clock';
import { demo, type ClockClass } from './_lib';

demo<ClockClass>('vc-from-negative-only', B, V, (VC) => {
  const r: string[] = [];
  for (const n of [NaN, 0.5, Infinity]) {
    try { VC.from([['n', n]]); r.push(`${n}: accepted`); } catch (e) { r.push(`${n}: ${(e as Error).constructor.name}`); }
  }
  return r;
});
