export default class ScoreReporter {}
