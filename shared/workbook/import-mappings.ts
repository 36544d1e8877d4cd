// The mappings billing exports were imported by (spec §9.1), saved in the
// workbook's extras under `importMappings` so next month's export imports in
// one step. Each is MAPPING.json's object; read back through parseMapping, so a
// hand-edited one that is wrong is dropped with a note, never half-used.
import { parseMapping, type Mapping } from '../actuals/shapes/mapping';

export const IMPORT_MAPPINGS_KEY = 'importMappings';

/** The extras entry (empty: none is written). */
export function importMappingsExtras(mappings: readonly Mapping[]): Record<string, unknown> {
  return mappings.length ? { [IMPORT_MAPPINGS_KEY]: mappings.map((m) => ({ shape: m.shape, fields: { ...m.fields }, options: { ...m.options } })) } : {};
}

export function importMappingsFromExtras(extras: unknown): { mappings: Mapping[]; notes: string[] } {
  const raw = extras !== null && typeof extras === 'object' ? (extras as Record<string, unknown>)[IMPORT_MAPPINGS_KEY] : undefined;
  if (raw === undefined) return { mappings: [], notes: [] };
  if (!Array.isArray(raw)) return { mappings: [], notes: ['the saved import mappings are not a list and were left out'] };
  const mappings: Mapping[] = [];
  const notes: string[] = [];
  raw.slice(0, 20).forEach((x, i) => {
    const p = parseMapping(x);
    if (p.ok) mappings.push(p.mapping);
    else notes.push(`saved import mapping ${i + 1} was left out (${p.problems[0]})`);
  });
  return { mappings, notes };
}
