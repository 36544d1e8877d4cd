// Accounts, readiness, risk and the expansion pipeline (spec §12). Pure: the
// readers take the file's text.
export { SIGNAL_IDS, SIGNAL_LABELS, defaultSignals, validateSignals, scoreOf, type SignalId, type SignalSettings } from './signals';
export { readAccounts, scoreAccounts, rankByErs, categoryLanes, CHAMPION_STATES, RISK_FLAGS, RISK_FLAG_LABELS, ACCOUNT_COLUMNS, type AccountRow, type AccountsRead, type ScoredAccount, type AccountTotals, type RiskFlag } from './accounts';
export { readPipeline, pipelineCoverage, parseStageMap, verdictOf, STAGES, STAGE_WEIGHTS, COVERAGE_BAND, PIPELINE_COLUMNS, type Opportunity, type PipelineRead, type PipelineFigures, type PipelinePeriod, type Coverage, type CoverageVerdict, type StageMap } from './pipeline';
export { accountsJson, pipelineJson, type AccountsJson, type PipelineJson } from './json';
export { accountColumns, scoreColumns, fastTotals, whitespaceCurve, flagsOf, fromMicro, type AccountColumns, type FastScores, type FastTotals } from './fast-score';
