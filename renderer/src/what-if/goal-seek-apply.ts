// What the dialog's Apply and Save as scenario do, each one undo step: the
// input set on the figures' model (the base, or the active scenario's
// override), or a new scenario named for the question ("Renewal for 110% NRR").
import { activeScenario, createScenario, formatFigure, freeName, getInput, resolveOutput, setOverride, switchScenario, withInput, type ModelInputs, type SeekAnswer, type WhatIfInput } from '@shared/index';
import { documentStore } from '../store/document-store';

/** The input's new value as the model stores it: a number, or the ramp with year i set. */
function storedValue(inputs: ModelInputs, input: WhatIfInput, value: number): number | number[] {
  return getInput(withInput(inputs, input, value), input.specKey) as number | number[];
}

/** Apply: the base's input, or with a scenario on screen, that scenario's override. */
export function applyAnswer(figuresInputs: ModelInputs, input: WhatIfInput, value: number): void {
  const doc = documentStore.getState();
  const active = activeScenario(doc.scenarios);
  if (active) doc.setScenarios(setOverride(doc.scenarios, active.id, input.specKey, storedValue(figuresInputs, input, value)));
  else doc.dispatch({ type: 'setValue', key: input.specKey, value: storedValue(doc.inputs, input, value) });
}

const SHORT_INPUTS: Readonly<Record<string, string>> = {
  'journey.renewal.rate': 'Renewal', 'journey.renewal.nonAdopterRate': 'Non-adopter renewal', 'journey.onboarding.rate': 'Onboarding',
  'journey.firstValue.rate': 'First value', 'journey.adoption.rate': 'Adoption', 'acquisition.acv': 'ACV', 'acquisition.cacPerCustomer': 'CAC',
  'journey.contractionRate': 'Contraction', 'journey.priceIncrease': 'Price increase', 'journey.seatExpansion': 'Seat expansion',
};

/** "Renewal for 110% NRR": the input, the target and the figure, in the KPI strip's words. */
export function scenarioName(inputs: ModelInputs, input: WhatIfInput, answer: SeekAnswer): string {
  const who = SHORT_INPUTS[input.specKey] ?? input.name[0]!.toUpperCase() + input.name.slice(1);
  const out = resolveOutput(inputs, answer.output);
  const format = out.ok ? out.value.format : 'text';
  const target = formatFigure(answer.target, format, inputs.general.currency).replace(/\.0(?=%|×|$)/, '');
  const what = out.ok ? out.value.short ?? out.value.words : answer.output;
  return `${who}${input.year === null ? '' : ` Y${input.year + 1}`} for ${target} ${what}`;
}

/** Save as scenario: the figures' overrides plus this input, shown at once. */
export function saveAsScenario(figuresInputs: ModelInputs, input: WhatIfInput, answer: SeekAnswer): string | null {
  const doc = documentStore.getState();
  const active = activeScenario(doc.scenarios);
  const name = freeName(doc.scenarios, scenarioName(figuresInputs, input, answer));
  const made = createScenario(doc.scenarios, name, { ...(active?.overrides ?? {}), [input.specKey]: storedValue(figuresInputs, input, answer.value!) });
  if (!made.ok) return made.error;
  doc.setScenarios(switchScenario(made.set, made.id));
  return null;
}
