// The words of accounts and the pipeline (spec §12) that the screen needs without
// the readers (shared/tables reaches papaparse): champion states, risk flags,
// seed 003's stages and the coverage band. accounts.ts and pipeline.ts read with them.
import type { Lane } from '../model/inputs';

export const CHAMPION_STATES = ['promoted', 'newRole', 'stable', 'left', 'roleOutOfDomain'] as const;
export type ChampionState = (typeof CHAMPION_STATES)[number];

/** Seed 001's warning signals, in the order the spec lists them. */
export const RISK_FLAGS = ['usageDrop', 'ticketSurge', 'championLost', 'npsDrop', 'competitorMention'] as const;
export type RiskFlag = (typeof RISK_FLAGS)[number];
export const RISK_FLAG_LABELS: Readonly<Record<RiskFlag, string>> = {
  usageDrop: 'usage down more than 20%',
  ticketSurge: 'tickets up more than 50%',
  championLost: 'champion gone',
  npsDrop: 'NPS fell to detractor',
  competitorMention: 'competitor mentioned',
};

/** The three expansion categories of a signal (spec §12's next lane). */
export type Category = 'usage' | 'data' | 'capacity';

/** The lane each category points at: by its lever, else by its anchor. */
export function categoryLanes(lanes: readonly Lane[]): Record<Category, Lane | undefined> {
  const by = (levers: readonly string[], anchor: Lane['anchor']) =>
    lanes.find((l) => l.lever !== undefined && levers.includes(l.lever)) ?? lanes.find((l) => l.anchor === anchor);
  return { usage: by(['upsell', 'crossSell'], 'onboarding'), data: by(['integration'], 'firstValue'), capacity: by(['services'], 'adoption') };
}

/** Seed 003's stages and weights; Closed Lost weighs 0 and is not open. */
export const STAGES = ['Signal Detected', 'Opportunity Qualified', 'Solution Presented', 'Committed', 'Closed Won', 'Closed Lost'] as const;
export type Stage = (typeof STAGES)[number];
export const STAGE_WEIGHTS: Readonly<Record<Stage, number>> = {
  'Signal Detected': 0.1, 'Opportunity Qualified': 0.25, 'Solution Presented': 0.5, Committed: 0.8, 'Closed Won': 1, 'Closed Lost': 0,
};

/** Seed 003: coverage of 2.5–3.5× the target. */
export const COVERAGE_BAND = { low: 2.5, high: 3.5 } as const;
export type CoverageVerdict = 'under-covered' | 'covered' | 'over-covered' | 'plan met';

/** The columns of an accounts file (header names match in any case). */
export const ACCOUNT_COLUMNS = {
  required: ['account', 'arr'],
  signals: ['seatsActive', 'seatsLicensed', 'usage', 'usagePrev', 'teams', 'dataRequests', 'milestones', 'tickets', 'ticketsPrev', 'champion'],
  other: ['npsPrev', 'nps', 'competitorMention', 'lanes', 'segment'],
} as const;

/** The columns of a pipeline file. */
export const PIPELINE_COLUMNS = { required: ['account', 'amount', 'stage', 'close'], other: ['lane'] } as const;

/** A CRM's own stage names, lower-cased, to seed 003's. */
export type StageMap = Readonly<Record<string, Stage>>;

export function parseStageMap(json: unknown): { ok: true; map: StageMap } | { ok: false; problems: string[] } {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return { ok: false, problems: ['the stage map must be a JSON object of "CRM stage": "Bowtie stage"'] };
  const map: Record<string, Stage> = {};
  const problems: string[] = [];
  for (const [k, v] of Object.entries(json)) {
    const stage = typeof v === 'string' ? STAGES.find((s) => s.toLowerCase() === v.trim().toLowerCase()) : undefined;
    if (!stage) problems.push(`${JSON.stringify(k)}: ${JSON.stringify(v)} is not a stage; use one of ${STAGES.join(', ')}`);
    else map[k.trim().toLowerCase()] = stage;
  }
  return problems.length ? { ok: false, problems } : { ok: true, map };
}
