/** Every output format, each from the one result model. */
export { renderRun, renderExercise, summaryLine, styleFor } from './terminal';
export type { Style } from './terminal';
export { toJson } from './json';
export { toJunit, xmlEscape } from './junit';
export { toMarkdown } from './markdown';
export { toGradescope, gradescopeResults, GRADESCOPE_OUTPUT_LIMIT, GRADESCOPE_TEST_OUTPUT_LIMIT } from './gradescope';
export type { GradescopeOptions, GradescopeResults, GradescopeTest, GradescopeVisibility } from './gradescope';
export { toClassroomResult, toClassroomNotice, classroomResult, workflowCommand, defuseCommands, CLASSROOM_RESULT_LIMIT } from './classroom';
export type { ClassroomResult, ClassroomStatus, ClassroomTest } from './classroom';
