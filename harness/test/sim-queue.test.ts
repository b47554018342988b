import fc from 'fast-check';
import { expect, test } from 'vitest';
import { EventQueue } from '../sim';

test('the event queue pops by time, and events at the same time in the order they were pushed', () => {
  fc.assert(
    fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 200 }), (times) => {
      const queue = new EventQueue<number>();
      times.forEach((time, index) => queue.push(time, index));
      const popped: number[] = [];
      for (let item = queue.pop(); item; item = queue.pop()) popped.push(item.event);
      const expected = times.map((time, index) => ({ time, index })).sort((a, b) => a.time - b.time || a.index - b.index).map((e) => e.index);
      expect(popped).toEqual(expected);
      expect(queue.size).toBe(0);
    }),
    { seed: 1, numRuns: 300 },
  );
});

test('the event queue refuses a time that is not a finite number', () => {
  for (const bad of [Number.NaN, Number.POSITIVE_INFINITY]) expect(() => new EventQueue<number>().push(bad, 0)).toThrow(RangeError);
});
