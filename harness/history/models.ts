/**
 * Sequential specifications for the checkers (`Model`, types.ts). Each is a
 * frozen object of pure functions.
 *
 * The register is what the quorum exercise records: one value per key, reads
 * and blind writes, and workloads that write each value at most once per key
 * (so that a read names the write it saw, and explanations can say which).
 */
import type { Model } from './types';

export type RegisterInput = { readonly type: 'write'; readonly value: string } | { readonly type: 'read' };
/** For a read: the value read (undefined: never written). For a write: `{ value: undefined }`, or anything: it is ignored. */
export type RegisterOutput = { readonly value: string | undefined };

const quote = (value: string | undefined): string => (value === undefined ? 'nothing' : JSON.stringify(value));

/**
 * The register's state: the value it holds, or null before the first write. Not undefined, which `Model.step`
 * returns for "impossible": a read of nothing from the initial state must stay possible.
 */
export type RegisterState = string | null;

/** A read/write register, initially never written. A read returns the last value written (undefined: none); an unknown read constrains nothing. */
export const registerModel: Model<RegisterState, RegisterInput, RegisterOutput> = Object.freeze({
  init: (): RegisterState => null,
  step(state: RegisterState, input: RegisterInput, output: RegisterOutput | undefined): RegisterState | undefined {
    switch (input.type) {
      case 'write':
        return input.value;
      case 'read':
        return output === undefined || (output.value ?? null) === state ? state : undefined;
      default: {
        const unreachable: never = input;
        throw new RangeError(`history: unknown register input ${JSON.stringify(unreachable)}`);
      }
    }
  },
  hash: (state: RegisterState): string => (state === null ? '-' : `=${state}`),
  negligible(ops: readonly { readonly input: RegisterInput; readonly output: RegisterOutput | undefined; readonly info: boolean }[]): boolean[] {
    const read = new Set<string | undefined>();
    for (const op of ops) if (op.input.type === 'read' && op.output !== undefined) read.add(op.output.value);
    return ops.map((op) => op.info && op.input.type === 'write' && !read.has(op.input.value));
  },
  readOnly: (input: RegisterInput): boolean => input.type === 'read',
  describeOperation(input: RegisterInput, output: RegisterOutput | undefined): string {
    switch (input.type) {
      case 'write':
        return `write ${quote(input.value)}`;
      case 'read':
        return output === undefined ? 'read → ?' : `read → ${quote(output.value)}`;
      default: {
        const unreachable: never = input;
        throw new RangeError(`history: unknown register input ${JSON.stringify(unreachable)}`);
      }
    }
  },
  describeState: (state: RegisterState): string => (state === null ? 'the register was never written' : `the register holds ${quote(state)}`),
});
