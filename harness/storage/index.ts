/**
 * Storage faults and the crash-point sweep, for the storage exercises (the
 * write-ahead log and LSM compaction). Imported by path, not through
 * `harness/index.ts`: an exercise that does not use them does not depend on
 * them (grading/mutation/inputs.ts).
 */
export { zeroFilled, zeroFilledAtRandom, flipBit, FailingStorage, StorageIoError, type ZeroFill, type SyncFailure } from './faults';
export { CrashPoints, recordCrashPoints, crashOutcomes, type CrashPoint, type CrashOutcome, type RecordOptions, type OutcomeOptions } from './crash-points';
