// Valid but unusual (issue 11 §2): an input inside its valid range yet far
// outside what the seeds and benchmarks call normal. The model still uses it;
// the workspace shows the warning at the cell and in the status bar, so a rate
// read 100× off ("4.5" pasted as 450%) never passes unseen. Thresholds live in
// the catalog beside the valid ranges (`usual`).
import { inputSpecs, type InputSpec } from './catalog';
import type { ModelInputs } from './inputs';
import { getInput } from './keys';

export interface PlausibilityWarning {
  key: string;
  message: string;
}

const pct = (x: number): string => `${Number.parseFloat((x * 100).toPrecision(10))}%`;

function warningFor(spec: InputSpec, value: number): string | null {
  const { min, max } = spec.usual ?? {};
  const name = spec.plainName ?? spec.label;
  if (spec.kind !== 'rate') {
    if (max !== undefined && value > max) return `${name} ${value} is unusually high (usually at most ${max})`;
    if (min !== undefined && value < min) return `${name} ${value} is unusually low (usually at least ${min})`;
    return null;
  }
  const period = spec.key === 'journey.seatExpansion' || spec.key === 'journey.priceIncrease' ? ' a year' : '';
  if (max !== undefined && value > max) {
    // A rate 100× too large is the usual slip (4.5 meant as 4.5%): suggest it when it would be usual.
    const guess = value / 100;
    const hint = value >= 1 && guess <= max && (min === undefined || guess >= min) ? `; did you mean ${pct(guess)}?` : ` (usually at most ${pct(max)})`;
    return `${name} ${pct(value)}${period} is unusual${hint}`;
  }
  if (min !== undefined && value < min) return `${name} ${pct(value)}${period} is unusually low (usually at least ${pct(min)})`;
  return null;
}

/** Every input of the model whose value is valid but unusual, in catalog order. */
export function plausibilityWarnings(m: ModelInputs): PlausibilityWarning[] {
  const out: PlausibilityWarning[] = [];
  for (const spec of inputSpecs(m)) {
    if (!spec.usual) continue;
    const value = getInput(m, spec.key);
    // A ramp (yearly values) is checked year by year.
    const values = Array.isArray(value) ? value : [value];
    values.forEach((v, i) => {
      if (typeof v !== 'number' || !Number.isFinite(v)) return;
      const message = warningFor(spec, v);
      if (message) out.push({ key: spec.key, message: Array.isArray(value) ? `${message} (year ${i + 1})` : message });
    });
  }
  return out;
}

/** The headline NRR is valid but unusual above USUAL_OUTPUTS.nrrMax. */
export function nrrWarning(nrr: number | null, year: number, nrrMax: number): string | null {
  return nrr !== null && nrr > nrrMax ? `NRR ${pct(nrr)} in year ${year} is unusual (above ${pct(nrrMax)}): check the renewal inputs` : null;
}
