/**
 * `npm run ui` (at the root and in each exercise): the repo's vitest config
 * with the score panel beside vitest's browser UI (grading/ui). Kept out of
 * vitest.config.ts, which every graded and mutation run loads: the panel is
 * only for a learner's browser.
 */
import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.ts';
import { scorePanel } from './grading/ui/score-panel.ts';

export default mergeConfig(base, defineConfig({ plugins: [scorePanel()] }));
