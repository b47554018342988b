/** Every output format, each from the one result model. */
export { renderRun, renderExercise, summaryLine, styleFor } from './terminal';
export type { Style } from './terminal';
export { toJson } from './json';
export { toJunit, xmlEscape } from './junit';
export { toMarkdown } from './markdown';
