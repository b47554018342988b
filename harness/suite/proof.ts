/**
 * Proof that a graded test passed, which code under test cannot forge.
 *
 * Learner code runs in the test worker beside the checkers, and the worker
 * tells vitest's main process how each test ended. Learner code can speak on
 * that channel too (vitest's worker state is a global), so "vitest says it
 * passed" is not evidence. The grader therefore gives each run a secret key
 * (`FAULTLINE_PROOF_KEY`, 32 random bytes in hex, grading/runner.ts). When a
 * graded body has returned, its checks held and nothing was tampered with,
 * the suite kit signs the test's `GradedMeta` with that key: an HMAC-SHA256,
 * carried to the main process as task meta `faultlineProof`. The grader
 * credits a passed test only when the proof matches the meta it collected.
 *
 * The key leaves the environment as this module loads (a setup file of every
 * exercise project, vitest.config.ts, so before any suite or learner module),
 * and lives on only inside a `KeyObject`, outside the JavaScript heap. The
 * signer is handed out once, to the suite kit (`graded.ts`), which takes it
 * as it loads; learner code that asks later gets nothing. Under the grader,
 * the worker cannot read its own initial environment back (`/proc` is outside
 * the permission model's read list, vitest.config.ts).
 */
import { createHmac, createSecretKey, timingSafeEqual, type KeyObject } from 'node:crypto';
import type { GradedMeta } from './types';

// Held as values, not live bindings: `module.syncBuiltinESMExports()` after a patch of `crypto` must not reach them.
const hmacOf = createHmac;
const secretKey = createSecretKey;

/** The environment variable the grader passes the run's key in. */
export const PROOF_KEY_ENV = 'FAULTLINE_PROOF_KEY';

/** What a proof covers: every field that decides what a pass is worth. */
const signed = (meta: GradedMeta): string => JSON.stringify([meta.exercise, meta.task, meta.category, meta.points, meta.name]);

/** The proof for `meta` under `key`, as hex. */
export function proofFor(key: KeyObject | string, meta: GradedMeta): string {
  return hmacOf('sha256', typeof key === 'string' ? Buffer.from(key, 'hex') : key)
    .update(signed(meta))
    .digest('hex');
}

/** Whether `proof` is the proof for `meta` under the hex `key`. */
export function verifyProof(key: string, meta: GradedMeta, proof: unknown): boolean {
  if (typeof proof !== 'string' || !/^[0-9a-f]{64}$/.test(proof)) return false;
  return timingSafeEqual(Buffer.from(proofFor(key, meta), 'hex'), Buffer.from(proof, 'hex'));
}

/** Signs a passed test's meta; undefined outside a graded run. */
export type Signer = (meta: GradedMeta) => string | undefined;

let key: KeyObject | undefined;
const hex = process.env[PROOF_KEY_ENV];
delete process.env[PROOF_KEY_ENV];
if (hex !== undefined && /^[0-9a-f]{64}$/.test(hex)) {
  const bytes = Buffer.from(hex, 'hex');
  key = secretKey(bytes);
  bytes.fill(0);
}
let taken = false;

/** The signer, once per worker: the suite kit takes it as it loads, before learner code can ask. */
export function takeSigner(): Signer {
  if (taken) return () => undefined;
  taken = true;
  const own = key;
  key = undefined;
  return (meta) => (own === undefined ? undefined : proofFor(own, meta));
}
