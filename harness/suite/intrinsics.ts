/**
 * The built-ins and library objects a checker relies on, as they were before
 * any learner code ran, and a way to notice and undo what learner code did to
 * them since.
 *
 * Learner code shares one realm with the checkers, so `Object.is = () => true`
 * would make every `toBe` pass, and patching fast-check's property prototype
 * or vitest's assertion prototype would make every check pass. Capturing the
 * functions a checker calls is not enough (a checker's libraries look them up
 * at call time), so the graded-test kit instead compares every watched object
 * with its snapshot after learner code has run, puts back whatever changed,
 * and fails the test during which it changed.
 *
 * Contract:
 * - `Intrinsics.capture` must run before any learner code (the kit calls it
 *   when it loads, before a suite's `beforeAll` loads the learner's module).
 * - `restore()` uses only functions captured when this module loaded, so it
 *   works however the built-ins it watches were patched.
 * - A change is a property replaced, redefined (a getter for a value, a
 *   different flag), added or removed, a replaced prototype, or an object made
 *   non-extensible. Whatever can be put back is; what cannot (a property the
 *   learner made non-configurable, a frozen object) is reported as stuck.
 */
import vm from 'node:vm';
import fc from 'fast-check';
import { chai, expect } from 'vitest';

// Everything restore() calls, captured before learner code can replace it.
const ownKeys = Reflect.ownKeys;
const getOwnPropertyDescriptor = Reflect.getOwnPropertyDescriptor;
const defineProperty = Reflect.defineProperty;
const deleteProperty = Reflect.deleteProperty;
const getPrototypeOf = Reflect.getPrototypeOf;
const setPrototypeOf = Reflect.setPrototypeOf;
const isExtensible = Reflect.isExtensible;
const hasOwn = Object.hasOwn;
const same = Object.is;
const createObject = Object.create;
const toText = String;

/** One object to watch: all its own properties, or only `keys`. */
export interface Watch {
  /** How its properties are named in messages: `Array.prototype` gives `Array.prototype.sort`; '' names keys alone. */
  readonly label: string;
  readonly target: object;
  /** Only these keys; every own key when absent. */
  readonly keys?: readonly PropertyKey[];
}

export interface Tampering {
  /** What changed, e.g. `Object.is`, `Object.prototype.then (added)`; empty when nothing did. */
  readonly changed: readonly string[];
  /** The changes that could not be undone. */
  readonly stuck: readonly string[];
}

interface Field {
  readonly value: unknown;
  readonly get: unknown;
  readonly set: unknown;
  readonly writable: unknown;
  readonly enumerable: unknown;
  readonly configurable: unknown;
}

interface Snapshot {
  readonly label: string;
  readonly target: object;
  readonly partial: boolean;
  readonly keys: readonly PropertyKey[];
  /** key → Field, or undefined for a watched key that did not exist. A null-prototype dictionary. */
  readonly fields: Record<PropertyKey, Field | undefined>;
  /** What the object looks like now; a change that could not be undone is adopted, so it is reported once. */
  prototype: object | null;
  extensible: boolean;
}

/** A descriptor read field by field from its own properties only (an inherited `get` must not count). */
function readField(target: object, key: PropertyKey): Field | undefined {
  const d = getOwnPropertyDescriptor(target, key);
  if (d === undefined) return undefined;
  const own = (name: string): unknown => (hasOwn(d, name) ? (d as Record<string, unknown>)[name] : undefined);
  return { value: own('value'), get: own('get'), set: own('set'), writable: own('writable'), enumerable: own('enumerable'), configurable: own('configurable') };
}

function sameField(a: Field | undefined, b: Field | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return same(a.value, b.value) && a.get === b.get && a.set === b.set && a.writable === b.writable && a.enumerable === b.enumerable && a.configurable === b.configurable;
}

/** A null-prototype property descriptor, so defining it reads nothing inherited. */
function descriptorOf(field: Field): PropertyDescriptor {
  const d = createObject(null) as Record<string, unknown>;
  if (field.get !== undefined || field.set !== undefined) {
    d.get = field.get;
    d.set = field.set;
  } else {
    d.value = field.value;
    d.writable = field.writable;
  }
  d.enumerable = field.enumerable;
  d.configurable = field.configurable;
  return d as PropertyDescriptor;
}

/** Appends without calling anything on Array.prototype (which may be patched). */
function append<T>(list: T[], item: T): void {
  const d = createObject(null) as Record<string, unknown>;
  d.value = item;
  d.writable = true;
  d.enumerable = true;
  d.configurable = true;
  defineProperty(list, list.length, d as PropertyDescriptor);
}

function nameOf(label: string, key: PropertyKey): string {
  const text = typeof key === 'symbol' ? `[${toText(key)}]` : toText(key);
  if (label === '') return text;
  return typeof key === 'symbol' ? `${label}${text}` : `${label}.${text}`;
}

export class Intrinsics {
  readonly #snapshots: readonly Snapshot[];

  private constructor(snapshots: readonly Snapshot[]) {
    this.#snapshots = snapshots;
  }

  /** Snapshots every watched object now. */
  static capture(watches: Iterable<Watch>): Intrinsics {
    const snapshots: Snapshot[] = [];
    for (const watch of watches) {
      const keys = watch.keys ? [...watch.keys] : ownKeys(watch.target);
      const fields = createObject(null) as Record<PropertyKey, Field | undefined>;
      for (const key of keys) fields[key] = readField(watch.target, key);
      snapshots.push({
        label: watch.label,
        target: watch.target,
        partial: watch.keys !== undefined,
        keys,
        fields,
        prototype: getPrototypeOf(watch.target),
        extensible: isExtensible(watch.target),
      });
    }
    return new Intrinsics(snapshots);
  }

  /**
   * Compares every watched object with its snapshot and puts back whatever
   * changed. A change that cannot be undone is reported as stuck, once: the
   * snapshot adopts it.
   */
  restore(): Tampering {
    const changed: string[] = [];
    const stuck: string[] = [];
    const note = (what: string, undone: boolean): boolean => {
      append(changed, what);
      if (!undone) append(stuck, what);
      return undone;
    };
    const snapshots = this.#snapshots;
    for (let s = 0; s < snapshots.length; s++) {
      const snapshot = snapshots[s]!;
      const { label, target, partial, keys, fields } = snapshot;
      for (let k = 0; k < keys.length; k++) {
        const key = keys[k]!;
        const before = fields[key];
        const now = readField(target, key);
        if (sameField(before, now)) continue;
        const undone =
          before === undefined
            ? note(`${nameOf(label, key)} (added)`, deleteProperty(target, key))
            : note(now === undefined ? `${nameOf(label, key)} (removed)` : nameOf(label, key), defineProperty(target, key, descriptorOf(before)));
        if (!undone) fields[key] = now;
      }
      if (!partial) {
        const current = ownKeys(target);
        for (let k = 0; k < current.length; k++) {
          const key = current[k]!;
          if (key in fields) continue;
          if (!note(`${nameOf(label, key)} (added)`, deleteProperty(target, key))) fields[key] = readField(target, key);
        }
      }
      if (getPrototypeOf(target) !== snapshot.prototype) {
        if (!note(`the prototype of ${label || 'the global object'}`, setPrototypeOf(target, snapshot.prototype))) snapshot.prototype = getPrototypeOf(target);
      }
      if (snapshot.extensible && !isExtensible(target)) {
        note(`${label || 'the global object'} (made non-extensible)`, false);
        snapshot.extensible = false;
      }
    }
    return { changed, stuck };
  }
}

/** "a, b and c", without Array.prototype.join (which may be patched). */
export function listNames(names: readonly string[]): string {
  let text = '';
  for (let i = 0; i < names.length; i++) text += i === 0 ? names[i] : i === names.length - 1 ? ` and ${names[i]}` : `, ${names[i]}`;
  return text;
}

const GLOBAL_NAMES = [
  'Object', 'Function', 'Array', 'String', 'Number', 'Boolean', 'Symbol', 'BigInt', 'Math', 'JSON', 'Reflect', 'Proxy',
  'Promise', 'Map', 'Set', 'WeakMap', 'WeakSet', 'Date', 'RegExp', 'Error', 'TypeError', 'RangeError',
  'ArrayBuffer', 'DataView', 'Uint8Array', 'Uint32Array', 'Int32Array', 'Float64Array', 'Atomics', 'TextEncoder', 'TextDecoder',
  'isNaN', 'isFinite', 'parseInt', 'parseFloat', 'structuredClone', 'queueMicrotask',
  'setTimeout', 'setInterval', 'setImmediate', 'clearTimeout', 'clearInterval', 'clearImmediate',
] as const;

/** The built-ins: global bindings, the standard constructors and prototypes, and the iterator prototypes behind `for … of`. */
export function builtinWatches(): Watch[] {
  const proto = (value: object): object => getPrototypeOf(value)!;
  const typedArray = proto(Uint8Array) as { prototype: object };
  const generator = proto(function* () {}) as { prototype: object };
  const named: [string, object][] = [
    ['Object', Object], ['Object.prototype', Object.prototype], ['Function.prototype', Function.prototype],
    ['Array', Array], ['Array.prototype', Array.prototype], ['String', String], ['String.prototype', String.prototype],
    ['Number', Number], ['Number.prototype', Number.prototype], ['Boolean.prototype', Boolean.prototype],
    ['Symbol', Symbol], ['Symbol.prototype', Symbol.prototype], ['BigInt', BigInt], ['BigInt.prototype', BigInt.prototype],
    ['Math', Math], ['JSON', JSON], ['Reflect', Reflect], ['Promise', Promise], ['Promise.prototype', Promise.prototype],
    ['Map', Map], ['Map.prototype', Map.prototype], ['Set', Set], ['Set.prototype', Set.prototype],
    ['WeakMap.prototype', WeakMap.prototype], ['WeakSet.prototype', WeakSet.prototype],
    ['Date', Date], ['Date.prototype', Date.prototype], ['RegExp', RegExp], ['RegExp.prototype', RegExp.prototype],
    ['Error.prototype', Error.prototype], ['TypeError.prototype', TypeError.prototype], ['RangeError.prototype', RangeError.prototype],
    ['ArrayBuffer', ArrayBuffer], ['ArrayBuffer.prototype', ArrayBuffer.prototype], ['DataView.prototype', DataView.prototype],
    ['TypedArray', typedArray], ['TypedArray.prototype', typedArray.prototype], ['Uint8Array', Uint8Array], ['Uint8Array.prototype', Uint8Array.prototype],
    ['Atomics', Atomics], ['TextEncoder.prototype', TextEncoder.prototype], ['TextDecoder.prototype', TextDecoder.prototype],
    ['ArrayIterator.prototype', proto([][Symbol.iterator]())], ['Iterator.prototype', proto(proto([][Symbol.iterator]()))],
    ['StringIterator.prototype', proto(''[Symbol.iterator]())], ['MapIterator.prototype', proto(new Map()[Symbol.iterator]())],
    ['SetIterator.prototype', proto(new Set()[Symbol.iterator]())], ['Generator.prototype', generator.prototype],
    // The deadline (harness/deadline.ts) enters every graded body through a vm.Script.
    ['vm.Script.prototype', vm.Script.prototype],
  ];
  return [{ label: '', target: globalThis, keys: GLOBAL_NAMES }, ...named.map(([label, target]) => ({ label, target }))];
}

/** Every distinct prototype on the chains of `values`, below Object.prototype and Function.prototype. */
function prototypeChains(values: readonly object[]): Set<object> {
  const seen = new Set<object>();
  for (const value of values) {
    for (let p = getPrototypeOf(value); p !== null && p !== Object.prototype && p !== Function.prototype; p = getPrototypeOf(p)) seen.add(p);
  }
  return seen;
}

const constructorName = (prototype: object): string => {
  const ctor = getOwnPropertyDescriptor(prototype, 'constructor')?.value as { name?: unknown } | undefined;
  return typeof ctor?.name === 'string' && ctor.name !== '' ? ctor.name : 'anonymous';
};

const SYMBOLS = ['matchers-object', '$$jest-matchers-object', 'expect-global', 'asymmetric-matchers-object'].map((name) => Symbol.for(name));

/**
 * What the checkers call besides the built-ins: vitest's assertions (chai's
 * Assertion prototype and utilities, vitest's matcher table and custom
 * equality testers) and fast-check (its exported classes, and the prototypes
 * of the properties and arbitraries suites build).
 */
export function checkerWatches(): Watch[] {
  const jest = (globalThis as Record<symbol, { matchers: object; customEqualityTesters: object } | undefined>)[SYMBOLS[1]!];
  const asymmetric = (globalThis as Record<symbol, object | undefined>)[SYMBOLS[3]!];
  const watches: Watch[] = [
    { label: '', target: globalThis, keys: SYMBOLS },
    { label: 'chai.Assertion', target: chai.Assertion },
    { label: 'chai.Assertion.prototype', target: chai.Assertion.prototype },
    { label: 'chai.util', target: chai.util },
    { label: 'expect', target: expect },
  ];
  if (jest) watches.push({ label: 'vitest matchers', target: jest.matchers }, { label: 'vitest custom equality testers', target: jest.customEqualityTesters });
  if (asymmetric) watches.push({ label: 'vitest asymmetric matchers', target: asymmetric });

  const nat = fc.nat();
  const samples: object[] = [
    fc.property(nat, () => true),
    nat, fc.integer(), fc.double(), fc.boolean(), fc.constant(0), fc.constantFrom(1, 2), fc.oneof(nat, nat), fc.tuple(nat),
    fc.record({ a: nat }), fc.array(nat), fc.uniqueArray(nat), fc.uint8Array(), fc.string(), fc.string({ unit: 'grapheme' }),
    fc.infiniteStream(nat), fc.shuffledSubarray([1, 2]), fc.noShrink(nat),
    nat.map((n) => n), nat.filter(() => true), nat.chain(() => nat),
  ];
  const prototypes = prototypeChains(samples);
  for (const cls of [fc.Arbitrary, fc.Random, fc.Stream, fc.Value]) {
    watches.push({ label: `fast-check ${cls.name}`, target: cls });
    prototypes.add(cls.prototype);
  }
  for (const p of prototypes) watches.push({ label: `fast-check ${constructorName(p)}.prototype`, target: p });
  return watches;
}
