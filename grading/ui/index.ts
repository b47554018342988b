/** The score beside vitest's browser UI (`npm run ui`): the reporter writes it, the panel shows it. */
export { writeUiScore, readUiScore, nextUiScore, openUiScore, closeUiScore, uiScoreFile, uiScoreDir } from './score-file';
export { scorePanel, PANEL_PATH } from './score-panel';
export type { UiScore, UiExercise } from './types';
