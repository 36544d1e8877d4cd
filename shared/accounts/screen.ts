// What the Accounts and Pipeline sheets may import in the page (spec §12): the
// signals, the vocabulary and the fast re-scoring, without the file readers,
// which run in the analysis worker (shared/accounts/index).
export { SIGNAL_IDS, SIGNAL_LABELS, defaultSignals, validateSignals, scoreOf, type SignalId, type SignalSettings } from './signals';
export { ACCOUNT_COLUMNS, CHAMPION_STATES, PIPELINE_COLUMNS, RISK_FLAGS, RISK_FLAG_LABELS, STAGES, STAGE_WEIGHTS, COVERAGE_BAND, categoryLanes, parseStageMap, type RiskFlag, type Stage, type StageMap, type CoverageVerdict } from './vocabulary';
export { accountColumns, scoreColumns, fastTotals, whitespaceCurve, flagsOf, fromMicro, type AccountColumns, type FastScores, type FastTotals } from './fast-score';
export type { PipelineJson } from './json';
