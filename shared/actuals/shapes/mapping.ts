// A mapping (spec §9.1): which shape a billing export has, which of its headers
// holds each field, and the options of the conversion. The same object is the
// CLI's MAPPING.json and what the workbook keeps, so next month's export
// imports the same way.

export const SHAPES = ['long', 'wide', 'lines', 'subscriptions'] as const;
export type Shape = (typeof SHAPES)[number];

/** The fields of each shape, required ones first (§9.1 (a)–(d)). */
export const SHAPE_FIELDS: Readonly<Record<Shape, { required: readonly string[]; optional: readonly string[] }>> = {
  long: { required: ['customer', 'month', 'amount'], optional: [] },
  wide: { required: ['customer'], optional: [] },
  lines: {
    required: ['customer', 'amount'],
    optional: ['periodStart', 'periodEnd', 'discount', 'tax', 'currency', 'interval', 'intervalCount', 'kind', 'subscription', 'invoice', 'invoiceDate', 'invoiceStatus', 'refunded', 'amountPaid', 'cancelledAt'],
  },
  subscriptions: { required: ['customer', 'amount', 'interval', 'start'], optional: ['intervalCount', 'discount', 'tax', 'currency', 'end', 'cancelledAt', 'subscription'] },
};

export interface ConvertOptions {
  /** long and wide: the amounts are MRR or ARR */
  amounts: 'mrr' | 'arr';
  /** the last month (YYYY-MM); default from the file (rule 10) */
  through?: string;
  snapshot: 'end' | 'start';
  refunds: 'ignore' | 'voidFull';
  discounts: 'net' | 'gross';
  paidOnly: boolean;
  includeUsage: boolean;
  endInclusive: boolean;
  amountIncludesTax: boolean;
  churnAt: 'periodEnd' | 'cancelDate';
  /** the reporting currency (rate 1 unless the table says otherwise) */
  currency: string;
  /** rates into the reporting currency: per currency, or with fxBy 'monthly' per YYYY-MM then per currency */
  fx: Record<string, string | number | Record<string, string | number>>;
  fxBy: 'fixed' | 'monthly';
  /** the file's own words for a line's kind or interval (Stripe's `subscription`, a Zuora `Annual`) onto §9.1's */
  values?: { kind?: Record<string, string>; interval?: Record<string, string> };
}

/** The words §9.1 reads for a line's kind and interval (value maps point at these). */
export const LINE_KINDS = ['recurring', 'oneTime', 'usage', 'tax'] as const;
export const INTERVALS = ['day', 'week', 'month', 'quarter', 'year'] as const;

export interface Mapping { shape: Shape; fields: Record<string, string>; options: ConvertOptions }

export const defaultOptions = (): ConvertOptions => ({
  amounts: 'mrr', snapshot: 'end', refunds: 'ignore', discounts: 'net', paidOnly: false, includeUsage: false,
  endInclusive: false, amountIncludesTax: false, churnAt: 'periodEnd', currency: 'USD', fx: {}, fxBy: 'fixed',
});

const CHOICES: Partial<Record<keyof ConvertOptions, readonly string[]>> = {
  amounts: ['mrr', 'arr'], snapshot: ['end', 'start'], refunds: ['ignore', 'voidFull'], discounts: ['net', 'gross'],
  churnAt: ['periodEnd', 'cancelDate'], fxBy: ['fixed', 'monthly'],
};
const FLAGS: readonly (keyof ConvertOptions)[] = ['paidOnly', 'includeUsage', 'endInclusive', 'amountIncludesTax'];

const isObject = (x: unknown): x is Record<string, unknown> => x !== null && typeof x === 'object' && !Array.isArray(x);

/** Options given by a user (MAPPING.json's `options`, or the CLI's flags) over the defaults; problems by name. */
export function parseOptions(x: unknown, problems: string[]): ConvertOptions {
  const o = defaultOptions();
  if (x === undefined) return o;
  if (!isObject(x)) { problems.push('options: must be an object'); return o; }
  const out = o as unknown as Record<string, unknown>;
  for (const [k, v] of Object.entries(x)) {
    const key = k as keyof ConvertOptions;
    const choices = CHOICES[key];
    if (choices) {
      if (typeof v === 'string' && choices.includes(v)) out[k] = v;
      else problems.push(`options.${k}: must be one of ${choices.join(', ')}, got ${JSON.stringify(v)}`);
    } else if (FLAGS.includes(key)) {
      if (typeof v === 'boolean') out[k] = v;
      else problems.push(`options.${k}: must be true or false, got ${JSON.stringify(v)}`);
    } else if (key === 'through') {
      if (typeof v === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(v)) out[k] = v;
      else problems.push(`options.through: must be a month written YYYY-MM, got ${JSON.stringify(v)}`);
    } else if (key === 'currency') {
      if (typeof v === 'string' && /^[A-Za-z]{3}$/.test(v)) out[k] = v.toUpperCase();
      else problems.push(`options.currency: must be a 3-letter ISO code, got ${JSON.stringify(v)}`);
    } else if (key === 'values') {
      if (!isObject(v)) { problems.push('options.values: must be an object {"kind": {WORD: KIND}, "interval": {WORD: INTERVAL}}'); continue; }
      const values: NonNullable<ConvertOptions['values']> = {};
      for (const [group, words] of Object.entries(v)) {
        const targets: readonly string[] | undefined = group === 'kind' ? LINE_KINDS : group === 'interval' ? INTERVALS : undefined;
        if (!targets) { problems.push(`options.values.${group}: only kind and interval take a value map`); continue; }
        if (!isObject(words)) { problems.push(`options.values.${group}: must be an object of WORD: ${targets.join(' | ')}`); continue; }
        const map: Record<string, string> = {};
        for (const [w, t] of Object.entries(words)) {
          if (typeof t === 'string' && targets.includes(t)) map[w] = t;
          else problems.push(`options.values.${group}.${w}: must be one of ${targets.join(', ')}, got ${JSON.stringify(t)}`);
        }
        values[group as 'kind' | 'interval'] = map;
      }
      out[k] = values;
    } else if (key === 'fx') {
      if (isObject(v)) out[k] = v;
      else problems.push('options.fx: must be an object of rates, {"EUR": "1.10"}');
    } else problems.push(`options.${k}: is not an option of a billing export (options: ${Object.keys(o).join(', ')})`);
  }
  return o;
}

/** MAPPING.json: `{shape, fields: {FIELD: HEADER}, options}`. */
export function parseMapping(json: unknown): { ok: true; mapping: Mapping } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  if (!isObject(json)) return { ok: false, problems: ['the mapping must be a JSON object {"shape", "fields", "options"}'] };
  const shape = json.shape;
  if (typeof shape !== 'string' || !(SHAPES as readonly string[]).includes(shape)) return { ok: false, problems: [`shape: must be one of ${SHAPES.join(', ')}, got ${JSON.stringify(shape)}`] };
  const known = [...SHAPE_FIELDS[shape as Shape].required, ...SHAPE_FIELDS[shape as Shape].optional];
  const fields: Record<string, string> = {};
  if (json.fields !== undefined && !isObject(json.fields)) problems.push('fields: must be an object of FIELD: HEADER');
  for (const [f, h] of Object.entries(isObject(json.fields) ? json.fields : {})) {
    if (!known.includes(f)) problems.push(`fields.${f}: is not a field of the ${shape} shape (its fields: ${known.join(', ')})`);
    else if (typeof h !== 'string' || h.trim() === '') problems.push(`fields.${f}: must name a header, got ${JSON.stringify(h)}`);
    else fields[f] = h.trim();
  }
  const options = parseOptions(json.options, problems);
  return problems.length ? { ok: false, problems } : { ok: true, mapping: { shape: shape as Shape, fields, options } };
}
