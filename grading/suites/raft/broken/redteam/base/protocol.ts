/**
 * Not learner code: lets the red team's base and variants type-check their `import … from './protocol'`.
 * When a variant is graded, the staged protocol.ts (the provided file) sits beside it instead.
 */
export * from '../../../../../../exercises/raft/protocol';
