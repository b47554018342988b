import fc from 'fast-check';
import vm from 'node:vm';
import { chai, describe, expect, test } from 'vitest';
import { Intrinsics, builtinWatches, checkerWatches, listNames, type Tampering } from '../suite/intrinsics';

const watched = Intrinsics.capture([...builtinWatches(), ...checkerWatches()]);

/**
 * Replaces `target[key]` (with `value`, or by deleting it), lets `watched`
 * restore it, and puts the original back by hand should restore() have
 * missed it, so a failing test cannot leave the worker patched.
 */
function tamper(target: object, key: PropertyKey, change: { value: unknown } | 'delete' | PropertyDescriptor): Tampering {
  const original = Reflect.getOwnPropertyDescriptor(target, key)!;
  if (change === 'delete') Reflect.deleteProperty(target, key);
  else if ('value' in change && Object.keys(change).length === 1) (target as Record<PropertyKey, unknown>)[key] = change.value;
  else Reflect.defineProperty(target, key, change);
  try {
    return watched.restore();
  } finally {
    Reflect.defineProperty(target, key, original);
  }
}

const descriptorOf = (target: object, key: PropertyKey) => Reflect.getOwnPropertyDescriptor(target, key);

describe('intrinsics', () => {
  test('nothing is reported when the checkers’ built-ins and libraries are only used, not changed', async () => {
    expect(watched.restore()).toEqual({ changed: [], stuck: [] });
    fc.assert(
      fc.property(fc.array(fc.integer()), fc.string(), fc.uint8Array(), fc.record({ a: fc.double() }), (xs, s, bytes, r) => {
        expect([...xs].sort((a, b) => a - b)).toEqual([...xs].sort((a, b) => a - b));
        expect(JSON.parse(JSON.stringify({ s }))).toStrictEqual({ s });
        expect(new TextDecoder().decode(new TextEncoder().encode(s)).length).toBeGreaterThanOrEqual(0);
        expect(new Map([[1, bytes]])).toEqual(new Map([[1, bytes]]));
        expect(Object.keys(r)).toContain('a');
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 1));
    expect(/a(b)/.exec('ab')?.[1]).toBe('b');
    expect(vm.runInNewContext('1 + 1', {}, { timeout: 100 })).toBe(2);
    expect(watched.restore()).toEqual({ changed: [], stuck: [] });
  });

  test('replacing Object.is (so that every toBe would pass) is reported, undone, and toBe fails again', () => {
    const original = Object.is;
    const tampering = tamper(Object, 'is', { value: () => true });
    expect(tampering).toEqual({ changed: ['Object.is'], stuck: [] });
    expect(Object.is).toBe(original);
    expect(() => expect(1).toBe(2)).toThrow(/expected 1 to be 2/);
  });

  const replacements: [label: string, target: object, key: PropertyKey][] = [
    ['JSON.stringify', JSON, 'stringify'],
    ['JSON.parse', JSON, 'parse'],
    ['Array.prototype.sort', Array.prototype, 'sort'],
    ['Array.prototype.map', Array.prototype, 'map'],
    ['Array.prototype.filter', Array.prototype, 'filter'],
    ['Array.prototype.includes', Array.prototype, 'includes'],
    ['Array.prototype.indexOf', Array.prototype, 'indexOf'],
    ['Array.prototype.push', Array.prototype, 'push'],
    ['Math.random', Math, 'random'],
    ['Date.now', Date, 'now'],
    ['Object.keys', Object, 'keys'],
    ['Object.entries', Object, 'entries'],
    ['Object.assign', Object, 'assign'],
    ['Object.freeze', Object, 'freeze'],
    ['String.prototype.charCodeAt', String.prototype, 'charCodeAt'],
    ['String.prototype.includes', String.prototype, 'includes'],
    ['Map.prototype.get', Map.prototype, 'get'],
    ['Set.prototype.has', Set.prototype, 'has'],
    ['Function.prototype.call', Function.prototype, 'call'],
    ['Function.prototype.apply', Function.prototype, 'apply'],
    ['Function.prototype.bind', Function.prototype, 'bind'],
    ['Reflect.ownKeys', Reflect, 'ownKeys'],
    ['Promise.prototype.then', Promise.prototype, 'then'],
    ['TextEncoder.prototype.encode', TextEncoder.prototype, 'encode'],
    ['ArrayIterator.prototype.next', Object.getPrototypeOf([][Symbol.iterator]()) as object, 'next'],
    ['Generator.prototype.next', Object.getPrototypeOf(function* () {}).prototype as object, 'next'],
    ['vm.Script.prototype.runInContext', vm.Script.prototype, 'runInContext'],
    ['setTimeout', globalThis, 'setTimeout'],
    ['Object', globalThis, 'Object'],
  ];
  test.each(replacements)('replacing %s is reported by that name and undone', (label, target, key) => {
    const original = descriptorOf(target, key);
    const tampering = tamper(target, key, { value: () => undefined });
    expect(tampering).toEqual({ changed: [label], stuck: [] });
    expect(descriptorOf(target, key)).toEqual(original);
  });

  test('a property added to Object.prototype (which every options object inherits) is reported and removed', () => {
    (Object.prototype as Record<string, unknown>).interruptAfterTimeLimit = 0;
    let tampering: Tampering;
    try {
      tampering = watched.restore();
    } finally {
      delete (Object.prototype as Record<string, unknown>).interruptAfterTimeLimit;
    }
    expect(tampering).toEqual({ changed: ['Object.prototype.interruptAfterTimeLimit (added)'], stuck: [] });
  });

  test('a removed built-in is put back', () => {
    const original = descriptorOf(Array.prototype, 'includes');
    expect(tamper(Array.prototype, 'includes', 'delete')).toEqual({ changed: ['Array.prototype.includes (removed)'], stuck: [] });
    expect(descriptorOf(Array.prototype, 'includes')).toEqual(original);
  });

  test('a getter in place of a method counts as a replacement', () => {
    const tampering = tamper(Math, 'random', { get: () => () => 0.5, configurable: true, enumerable: false });
    expect(tampering).toEqual({ changed: ['Math.random'], stuck: [] });
  });

  test('restore() still works while every function it could have used is replaced', () => {
    const originals = (['ownKeys', 'getOwnPropertyDescriptor', 'defineProperty', 'deleteProperty'] as const).map((key) => [Reflect, key, Reflect[key]] as const);
    const more = [
      [Object, 'is', Object.is],
      [Object, 'hasOwn', Object.hasOwn],
      [Object, 'create', Object.create],
      [Array.prototype, 'push', Array.prototype.push],
      [Array.prototype, 'join', Array.prototype.join],
    ] as const;
    const all = [...originals, ...more];
    let tampering: Tampering | undefined;
    const restoreAll = () => {
      for (const [target, key, value] of all) (target as Record<string, unknown>)[key] = value;
    };
    try {
      for (const [target, key] of all) (target as Record<string, unknown>)[key] = () => {
        throw new Error('patched');
      };
      Object.defineProperty(Object.prototype, 'get', { value: () => 1, configurable: true, writable: true });
      tampering = watched.restore();
    } finally {
      restoreAll();
      delete (Object.prototype as Record<string, unknown>).get;
    }
    expect(tampering.stuck).toEqual([]);
    expect([...tampering.changed].sort()).toEqual(
      ['Reflect.ownKeys', 'Reflect.getOwnPropertyDescriptor', 'Reflect.defineProperty', 'Reflect.deleteProperty', 'Object.is', 'Object.hasOwn', 'Object.create', 'Array.prototype.push', 'Array.prototype.join', 'Object.prototype.get (added)'].sort(),
    );
  });

  test('vitest’s assertions and fast-check’s properties are watched as well', () => {
    const assertion = chai.Assertion.prototype as unknown as Record<string, unknown>;
    expect(tamper(assertion, 'toBe', { value: function (this: unknown) { return this; }, configurable: true, writable: true, enumerable: false }).changed).toEqual(['chai.Assertion.prototype.toBe']);

    expect.addEqualityTesters([() => true]);
    expect(watched.restore().changed).toEqual(['vitest custom equality testers.length']);
    expect(() => expect(1).toEqual(2)).toThrow();

    const property = Object.getPrototypeOf(fc.property(fc.nat(), () => true)) as object;
    expect(tamper(property, 'run', { value: () => null }).changed).toEqual(['fast-check Property.prototype.run']);
    expect(tamper(fc.Arbitrary.prototype, 'map', { value: () => null }).changed).toEqual(['fast-check Arbitrary.prototype.map']);
  });

  test('a replaced prototype is put back, and a change that cannot be undone is reported as stuck, once', () => {
    const base = { greet: () => 'hello' };
    const thing = Object.assign(Object.create(base) as object, { a: 1 });
    const own = Intrinsics.capture([{ label: 'thing', target: thing }]);
    Object.setPrototypeOf(thing, null);
    expect(own.restore()).toEqual({ changed: ['the prototype of thing'], stuck: [] });
    expect(Object.getPrototypeOf(thing)).toBe(base);

    Object.freeze(thing);
    expect(own.restore()).toEqual({ changed: ['thing.a', 'thing (made non-extensible)'], stuck: ['thing.a', 'thing (made non-extensible)'] });
    expect(own.restore(), 'a stuck change is reported once').toEqual({ changed: [], stuck: [] });
  });

  test('a watch limited to some keys ignores the others', () => {
    const target: Record<string, unknown> = { kept: 1, free: 2 };
    const own = Intrinsics.capture([{ label: '', target, keys: ['kept', 'absent'] }]);
    target.free = 3;
    target.other = 4;
    expect(own.restore()).toEqual({ changed: [], stuck: [] });
    target.kept = 5;
    target.absent = 6;
    expect(own.restore()).toEqual({ changed: ['kept', 'absent (added)'], stuck: [] });
    expect(target).toEqual({ kept: 1, free: 3, other: 4 });
  });

  test('names are listed as a sentence', () => {
    expect(listNames(['a'])).toBe('a');
    expect(listNames(['a', 'b'])).toBe('a and b');
    expect(listNames(['a', 'b', 'c'])).toBe('a, b and c');
  });
});
