import { describe, expect, it } from 'vitest';
import { suggestedFileName } from '../../../renderer/src/platform/save-name';

describe('the name Save As suggests (issue 23.8)', () => {
  it('is the model’s name for a document never saved, without characters a file name cannot hold', () => {
    expect(suggestedFileName('Untitled.xlsx', 'Example SaaS')).toBe('Example SaaS.xlsx');
    expect(suggestedFileName('Untitled.xlsx', 'Q3 plan: base / up?')).toBe('Q3 plan - base - up.xlsx');
    expect(suggestedFileName('Untitled.xlsx', '  ')).toBe('Untitled.xlsx');
    expect(suggestedFileName('Untitled.xlsx', 'Example SaaS', ' board report')).toBe('Example SaaS board report');
  });
  it('keeps the name of a file already saved', () => {
    expect(suggestedFileName('plan 2027.xlsx', 'Example SaaS')).toBe('plan 2027.xlsx');
  });
});
