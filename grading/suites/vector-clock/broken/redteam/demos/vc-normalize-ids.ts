import { VectorClock as B } from '../base/vector-clock';
import { VectorClock as V } from '../vc-normalize-ids/vector-clock';
import { demo, type ClockClass } from './_lib';

demo<ClockClass>('vc-normalize-ids', B, V, (VC) => {
  const c = VC.empty().increment('é').increment('e\u0301');
  return { 'get(é)': c.get('é'), 'get(e+U+0301)': c.get('e\u0301'), entries: c.entries().length };
});
