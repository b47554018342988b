/** The deterministic simulator: node contract, network, storage, clocks, faults, trace. */
export type { NodeId, NodeClock, NodeContext, ProtocolNode, NodeFactory, Storage } from './types';
export { simulate, SimulationFailure, failedRun, finishedRunFailure } from './simulator';
export type { FailedRun } from './simulator';
export { sameCall } from './spec';
export type { SimulationSpec, SimulationResult, SimView, SimStats, Invariant, Liveness, Output, SentMessage, Cause } from './spec';
export { faultPlanArb, describeFault } from './faults';
export type { Fault, FaultType, FaultPlan, TimedFault, FaultPlanOptions } from './faults';
export { DEFAULT_LINK } from './network';
export type { LinkConfig, Delay } from './network';
export { SimStorage } from './storage';
export type { CrashReport } from './storage';
export { SimClock } from './clock';
export { EventQueue } from './event-queue';
export { NondeterminismError, guarded } from './guard';
export { formatEvent, timeline } from './trace';
export type { TraceEvent } from './trace';
export { renderTimelineHtml, MAX_DRAWN_EVENTS } from './timeline-html';
export type { TimelinePage } from './timeline-html';
