import { describe, expect, it } from 'vitest';
import { columnOfField, headerAsFields, mappingProblems, previewRows, suggestColumns, type MappingField } from '../../../renderer/src/mapping/mapping-model';
import { suggestValues, unmappedValues } from '../../../renderer/src/mapping/ValueMap';

const fields: MappingField[] = [
  { id: 'account', label: 'Account', required: true, names: ['Account Name', 'company'] },
  { id: 'arr', label: 'ARR', required: true, names: ['annual recurring revenue'] },
  { id: 'segment', label: 'Segment', required: false },
];

describe('suggestColumns', () => {
  it('finds a field by its names in any case and spacing, then by its id and label', () => {
    expect(suggestColumns(['ACCOUNT_NAME', 'Annual Recurring Revenue', 'Notes'], fields)).toEqual({ account: 'ACCOUNT_NAME', arr: 'Annual Recurring Revenue', segment: null });
    expect(suggestColumns(['arr', 'Account'], fields)).toEqual({ account: 'Account', arr: 'arr', segment: null });
  });
  it('gives a column to one field only, earlier fields first', () => {
    const twice: MappingField[] = [{ id: 'a', label: 'A', required: true, names: ['x'] }, { id: 'b', label: 'B', required: false, names: ['x'] }];
    expect(suggestColumns(['x'], twice)).toEqual({ a: 'x', b: null });
  });
  it("tries the caller's own rule first", () => {
    expect(suggestColumns(['Account', 'Company'], fields, (f) => (f.id === 'account' ? 'Company' : undefined)).account).toBe('Company');
  });
});

describe('mappingProblems', () => {
  const headers = ['Company', 'Revenue', 'Tier'];
  it('names a required field without a column', () => {
    expect(mappingProblems(headers, fields, { account: 'Company', arr: null, segment: null })).toEqual([{ field: 'arr', message: 'ARR: choose the column that holds it (it is required)' }]);
  });
  it('names the second field given a column already taken', () => {
    const p = mappingProblems(headers, fields, { account: 'Company', arr: 'Revenue', segment: 'Revenue' });
    expect(p).toEqual([{ field: 'segment', message: 'Segment: the column "Revenue" is already taken for ARR; choose another or none' }]);
  });
  it('names a column the file does not have (a saved mapping for another file)', () => {
    expect(mappingProblems(headers, fields, { account: 'Company', arr: 'MRR', segment: null })[0]!.field).toBe('arr');
  });
  it('has none for a complete mapping', () => {
    expect(mappingProblems(headers, fields, { account: 'Company', arr: 'Revenue', segment: 'Tier' })).toEqual([]);
  });
});

describe('previewRows and headerAsFields', () => {
  const headers = ['Tier', 'Company', 'Revenue', 'arr'];
  const choice = { account: 'Company', arr: 'Revenue', segment: null };
  it('shows each row one cell per field, empty where a field has no column', () => {
    expect(previewRows(headers, [['Mid', ' Acme ', '1200', '9'], ['Ent', 'Beta']], fields, choice, 5)).toEqual([['Acme', '1200', ''], ['Beta', '', '']]);
    expect(previewRows(headers, [['a'], ['b'], ['c']], fields, choice, 2)).toHaveLength(2);
  });
  it('renames the chosen columns to field ids and hides the others, even one named like a field', () => {
    expect(headerAsFields(headers, choice)).toEqual(['(unmapped 1)', 'account', 'arr', '(unmapped 4)']);
    expect(columnOfField(choice, 'arr')).toBe('Revenue');
    expect(columnOfField(choice, 'segment')).toBe('segment');
  });
});

describe('value map', () => {
  const values = [{ value: 'closed won', count: 3 }, { value: 'Discovery', count: 2 }, { value: 'Negotiation', count: 1 }];
  it("matches the importer's words in any case, then the known names, and lists what is left", () => {
    const map = suggestValues(values, ['Signal Detected', 'Closed Won'], { discovery: 'Signal Detected' });
    expect(map).toEqual({ 'closed won': 'Closed Won', Discovery: 'Signal Detected', Negotiation: null });
    expect(unmappedValues(values, map)).toEqual(['Negotiation']);
  });
});
