// The mapping step's model (pure, no DOM): which column of a file holds each
// field the importer reads. A CRM, CS-platform or billing export names its
// columns its own way; the step suggests a column for each field from the
// header names it knows, the user changes any of them, and the importer then
// reads the file as if its header had the field ids.
//
// API
//   interface MappingField { id, label, required, hint?, names? }
//   type ColumnChoice = Record<fieldId, header | null>
//   suggestColumns(headers, fields, suggest?)      → ColumnChoice (each header used once)
//   mappingProblems(headers, fields, choice)       → { field, message }[] (a required field without a column, a column taken twice, a header not in the file)
//   previewRows(headers, rows, fields, choice, n)  → the first n rows as they will be read, one cell per field
//   headerAsFields(headers, choice)                → the header with each chosen column renamed to its field id,
//                                                    the other columns renamed so they cannot be taken for a field
//   columnOfField(choice, fieldId)                 → the file's own header name for a field (for error messages)

export interface MappingField {
  /** the name the importer reads (an ACCOUNT_COLUMNS or SHAPE_FIELDS name) */
  id: string;
  /** what the user sees, e.g. "ARR" */
  label: string;
  required: boolean;
  /** one line under the field: what the column must hold */
  hint?: string;
  /** header names (any case; spaces, `_` and `.` ignored) that suggest this field, best first; the id and label always do */
  names?: readonly string[];
}

/** The file's header chosen for each field id; null when the file has none for it. */
export type ColumnChoice = Record<string, string | null>;

export interface MappingProblem { field: string; message: string }

/** Header names as they are compared: any case; spaces, `_`, `-` and `.` ignored. */
export const normalHeader = (h: string) => h.trim().toLowerCase().replace(/[\s_.\-]+/g, '');

/**
 * A column for each field: `suggest` first (a caller's own rule, e.g. billing
 * presets), then the field's names, id and label. A header is given to one field
 * only, in the order of `fields`, so required fields listed first win.
 */
export function suggestColumns(headers: readonly string[], fields: readonly MappingField[], suggest?: (field: MappingField) => string | undefined): ColumnChoice {
  const byNormal = new Map<string, string>();
  for (const h of headers) if (h.trim() !== '' && !byNormal.has(normalHeader(h))) byNormal.set(normalHeader(h), h);
  const taken = new Set<string>();
  const choice: ColumnChoice = {};
  for (const f of fields) {
    const own = suggest?.(f);
    const candidates = [own, ...(f.names ?? []), f.id, f.label].filter((x): x is string => x !== undefined);
    let found: string | null = null;
    for (const name of candidates) {
      const h = headers.includes(name) ? name : byNormal.get(normalHeader(name));
      if (h !== undefined && !taken.has(h)) { found = h; break; }
    }
    if (found !== null) taken.add(found);
    choice[f.id] = found;
  }
  return choice;
}

/** What stops the import, each naming its field: a required field without a column, a column given to two fields, a column the file does not have. */
export function mappingProblems(headers: readonly string[], fields: readonly MappingField[], choice: ColumnChoice): MappingProblem[] {
  const problems: MappingProblem[] = [];
  const firstField = new Map<string, MappingField>();
  for (const f of fields) {
    const h = choice[f.id] ?? null;
    if (h === null) {
      if (f.required) problems.push({ field: f.id, message: `${f.label}: choose the column that holds it (it is required)` });
      continue;
    }
    if (!headers.includes(h)) { problems.push({ field: f.id, message: `${f.label}: the file has no column ${JSON.stringify(h)}` }); continue; }
    const other = firstField.get(h);
    if (other) problems.push({ field: f.id, message: `${f.label}: the column ${JSON.stringify(h)} is already taken for ${other.label}; choose another or none` });
    else firstField.set(h, f);
  }
  return problems;
}

/** The first `n` rows as the importer will see them: one cell per field, '' where the field has no column. */
export function previewRows(headers: readonly string[], rows: readonly (readonly string[])[], fields: readonly MappingField[], choice: ColumnChoice, n = 5): string[][] {
  const at = fields.map((f) => { const h = choice[f.id]; return h == null ? -1 : headers.indexOf(h); });
  return rows.slice(0, n).map((r) => at.map((i) => (i < 0 ? '' : (r[i] ?? '').trim())));
}

/**
 * The header rewritten so the importer finds each field by its id: a chosen
 * column gets its field's id, every other column a name no field has (so a
 * column the user left out is never read by its own name).
 */
export function headerAsFields(headers: readonly string[], choice: ColumnChoice): string[] {
  const fieldOf = new Map<string, string>();
  for (const [id, h] of Object.entries(choice)) if (h != null && !fieldOf.has(h)) fieldOf.set(h, id);
  return headers.map((h, i) => fieldOf.get(h) ?? `(unmapped ${i + 1})`);
}

/** The file's own name for a field's column, for messages; the field id when it has none. */
export function columnOfField(choice: ColumnChoice, fieldId: string): string {
  return choice[fieldId] ?? fieldId;
}
