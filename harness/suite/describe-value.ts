/**
 * Describes any thrown value without running code it controls: learner code
 * may throw a string, `undefined`, or an object whose `toString` or `message`
 * getter throws or never returns.
 */
const objectTag = Object.prototype.toString;

export function describeThrown(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return `the string ${JSON.stringify(value.length > 200 ? `${value.slice(0, 200)}…` : value)}`;
    case 'undefined':
      return 'undefined';
    case 'object':
      return value === null ? 'null' : `an object (${objectTag.call(value)})`;
    case 'function':
      return 'a function';
    case 'number':
    case 'boolean':
    case 'bigint':
    case 'symbol':
      return `the ${typeof value} ${String(value)}`;
    default: {
      const unreachable: never = value as never;
      return String(unreachable);
    }
  }
}

/** True when `value` is a genuine Error whose message can be read safely. */
export function isPlainError(value: unknown): value is Error {
  if (!(value instanceof Error)) return false;
  const descriptor = Object.getOwnPropertyDescriptor(value, 'message');
  return descriptor !== undefined && 'value' in descriptor && typeof descriptor.value === 'string';
}
