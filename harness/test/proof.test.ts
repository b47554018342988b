import { randomBytes } from 'node:crypto';
import { describe, expect, test, vi } from 'vitest';
import type { GradedMeta } from '../suite';
import { PROOF_KEY_ENV, proofFor, verifyProof } from '../suite/proof';

const meta: GradedMeta = { exercise: 'bloom-filter', task: 2, category: 'correctness', points: 5, name: 'every added key is reported present' };
const key = randomBytes(32).toString('hex');

/** A fresh copy of proof.ts, loaded with `env` as the proof key in the environment. */
async function loadWith(env: string | undefined): Promise<typeof import('../suite/proof')> {
  vi.resetModules();
  if (env === undefined) delete process.env[PROOF_KEY_ENV];
  else process.env[PROOF_KEY_ENV] = env;
  try {
    return await import('../suite/proof');
  } finally {
    delete process.env[PROOF_KEY_ENV];
  }
}

describe('proof of a passed test', () => {
  test('a proof made with the run key verifies against the same meta', () => {
    expect(verifyProof(key, meta, proofFor(key, meta))).toBe(true);
  });

  test.each<[string, GradedMeta]>([
    ['points', { ...meta, points: 50 }],
    ['name', { ...meta, name: 'an empty filter has no key' }],
    ['task', { ...meta, task: 3 }],
    ['category', { ...meta, category: 'faults' }],
    ['exercise', { ...meta, exercise: 'raft' }],
  ])('a proof does not verify once the %s it covers changes', (_field, changed) => {
    expect(verifyProof(key, changed, proofFor(key, meta))).toBe(false);
  });

  test('a proof made with another key, or anything that is not a proof, does not verify', () => {
    expect(verifyProof(key, meta, proofFor(randomBytes(32).toString('hex'), meta))).toBe(false);
    for (const forged of [undefined, null, '', 'passed', 'f'.repeat(64), proofFor(key, meta).toUpperCase(), proofFor(key, meta).slice(1), 42]) {
      expect(verifyProof(key, meta, forged), String(forged)).toBe(false);
    }
  });

  test('the key leaves the environment as the module loads, and the signer it makes proves passes', async () => {
    const proof = await loadWith(key);
    expect(process.env[PROOF_KEY_ENV]).toBeUndefined();
    const sign = proof.takeSigner();
    expect(verifyProof(key, meta, sign(meta))).toBe(true);
  });

  test('the signer is handed out once: whoever asks after the suite kit gets one that proves nothing', async () => {
    const proof = await loadWith(key);
    proof.takeSigner();
    expect(proof.takeSigner()(meta)).toBeUndefined();
  });

  test('outside a graded run (no key, or a malformed one) the signer proves nothing', async () => {
    expect((await loadWith(undefined)).takeSigner()(meta)).toBeUndefined();
    expect((await loadWith('not hex')).takeSigner()(meta)).toBeUndefined();
  });
});
