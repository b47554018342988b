/**
 * Client histories and their checkers: record what clients saw (`History`),
 * then ask whether a register could have produced it, atomically
 * (`checkLinearizable` with `registerModel`, or any `Model`) or regularly
 * (`checkRegular`). An `unknown` verdict is a failure, never a pass.
 * `historyDrawing` turns a checked history into lanes of the timeline page;
 * `describeHistory` into lines of a failure message.
 */
export type { OpStatus, Operation, Model, CheckOptions, LinearizabilityResult, RegularViolation, HistoryDrawing } from './types';
export { History } from './recorder';
export { registerModel } from './models';
export type { RegisterInput, RegisterOutput, RegisterState } from './models';
export { checkLinearizable, DEFAULT_MAX_STEPS } from './linearizability';
export { checkRegular } from './regular';
export { describeHistory, MAX_HISTORY_LINES } from './describe';
export { historyDrawing } from './drawing';
export type { CheckedHistory } from './drawing';
