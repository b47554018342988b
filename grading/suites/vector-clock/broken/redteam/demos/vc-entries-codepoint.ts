import { VectorClock as B } from '../base/vector-clock';
import { VectorClock as V } from '../vc-entries-codepoint/vector-clock';
import { demo, type ClockClass } from './_lib';

demo<ClockClass>('vc-entries-codepoint', B, V, (VC) => {
  return VC.from([['\uffff', 1], ['🦀', 2]]).entries();
});
