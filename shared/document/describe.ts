// An action in the user's words, for the Undo and Redo buttons ("Undo: renewal
// rate of adopters 85% → 80%"), from the snapshots before and after it.
import type { InputKind } from '../model/catalog';
import { optionLabel } from '../model/catalog';
import { activeScenario, applyScenario } from '../model/scenarios';
import { moneyExact } from '../report/format';
import type { Action } from './actions';
import type { Snapshot } from './document';
import { readInput, specFor } from './specs';

const tidy = (x: number): number => Number.parseFloat(x.toPrecision(12));

/** A value as the user typed it: 85%, $65,000, Adoption, 85% → 90%. */
export function valueText(kind: InputKind, value: unknown, currency = 'USD'): string {
  if (Array.isArray(value)) return value.map((v) => valueText(kind, v, currency)).join(' → ');
  if (value === null || value === undefined) return 'blank';
  if (typeof value === 'string') return kind === 'enum' ? optionLabel(value) : `"${value}"`;
  if (typeof value !== 'number') return String(value);
  if (kind === 'rate') return `${tidy(value * 100)}%`;
  if (kind === 'money') return moneyExact(value, currency);
  return String(tidy(value));
}

/** "Renewal rate of adopters" → "renewal rate of adopters"; "CAC per new logo" stays. */
const lower = (label: string): string => (/^[A-Z][a-z]/.test(label) ? label[0]!.toLowerCase() + label.slice(1) : label);

const quote = (s: string | undefined) => `“${s ?? ''}”`;

function entryLabel(before: Snapshot, after: Snapshot, key: string, text: string): string {
  const scenario = activeScenario(before.scenarios);
  const shown = (s: Snapshot) => (scenario ? applyScenario(s.inputs, activeScenario(s.scenarios) ?? scenario).inputs : s.inputs);
  const spec = specFor(before.inputs, key) ?? specFor(after.inputs, key);
  const name = lower(spec?.label ?? key);
  const prefix = scenario ? `${scenario.name}: ` : '';
  const currency = before.inputs.general.currency;
  const was = readInput(shown(before), key);
  const now = readInput(shown(after), key);
  if (after.invalid[key] && !before.invalid[key]) return `${prefix}${name} ${JSON.stringify(text.trim())} (refused)`;
  if (was === now) return `${prefix}${name}`;
  return `${prefix}${name} ${valueText(spec?.kind ?? 'text', was, currency)} → ${valueText(spec?.kind ?? 'text', now, currency)}`;
}

const plural = (n: number, one: string, many: string) => (n === 1 ? one : `${n} ${many}`);

export function describeAction(action: Action, before: Snapshot, after: Snapshot): string {
  const { inputs } = before;
  switch (action.type) {
    case 'enter': return entryLabel(before, after, action.key, action.text);
    case 'enterMany': return action.entries.length === 1
      ? entryLabel(before, after, action.entries[0]!.key, action.entries[0]!.text)
      : `paste of ${action.entries.length} cells`;
    case 'addLane': return `add ${plural(after.inputs.lanes.length - inputs.lanes.length, 'a lane', 'lanes')}`;
    case 'removeLane': return `remove lane ${quote(inputs.lanes.find((l) => l.id === action.id)?.name)}`;
    case 'setLever': {
      const lane = inputs.lanes[action.laneIndex];
      const lever = (l: string | null | undefined) => (l ? optionLabel(l) : 'none');
      return `lever of ${quote(lane?.name)} ${lever(lane?.lever)} → ${lever(action.lever)}`;
    }
    case 'addYear': return `add ${plural(after.inputs.acquisition.newCustomersByYear.length - inputs.acquisition.newCustomersByYear.length, 'a year', 'years')} of new logos`;
    case 'removeLastYear': return `remove year ${inputs.acquisition.newCustomersByYear.length} of new logos`;
    case 'addFunnelStage': return `add ${plural(after.inputs.acquisition.funnel.length - inputs.acquisition.funnel.length, 'a funnel stage', 'funnel stages')}`;
    case 'removeFunnelStage': return `remove funnel stage ${quote(inputs.acquisition.funnel[action.index]?.name)}`;
    case 'addCohort': return 'add a cohort';
    case 'removeCohort': return `remove cohort ${quote(inputs.base?.cohorts[action.index]?.name)}`;
    case 'setScenarios': {
      const was = before.scenarios.scenarios, now = action.scenarios.scenarios;
      const added = now.find((s) => !was.some((w) => w.id === s.id));
      if (added) return `new scenario ${quote(added.name)}`;
      const renamed = now.find((s) => was.some((w) => w.id === s.id && w.name !== s.name));
      if (renamed) return `rename scenario to ${quote(renamed.name)}`;
      return 'scenarios';
    }
    case 'switchScenario': return action.id === null ? 'show the base' : `show ${quote(before.scenarios.scenarios.find((s) => s.id === action.id)?.name)}`;
    case 'deleteScenario': return `delete scenario ${quote(before.scenarios.scenarios.find((s) => s.id === action.id)?.name)}`;
    case 'setOverride': {
      const scenario = before.scenarios.scenarios.find((s) => s.id === action.scenarioId);
      const name = lower(specFor(inputs, action.key)?.label ?? action.key);
      return `${scenario?.name ?? 'scenario'}: ${action.value === undefined ? `stop overriding ${name}` : `${name} ${valueText(specFor(inputs, action.key)?.kind ?? 'text', action.value, inputs.general.currency)}`}`;
    }
    case 'applySuggestion': return action.what;
  }
}
