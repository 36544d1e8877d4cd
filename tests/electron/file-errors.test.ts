import { describe, expect, it } from 'vitest';
import { describeFileError } from '../../electron/file-errors';

const errno = (code: string) => Object.assign(new Error(code), { code });
const file = '/Users/ana/Finance/Q3 plan.xlsx';

describe('describeFileError', () => {
  it.each([
    ['ENOSPC', /disk is full/],
    ['EDQUOT', /disk is full/],
    ['EROFS', /read-only drive/],
    ['EACCES', /not allowed to save “Q3 plan\.xlsx” in “\/Users\/ana\/Finance”.*read-only/],
    ['EBUSY', /locked.*open in another program such as Excel/],
    ['EPERM', /locked.*open in another program such as Excel/],
    ['EREADONLY', /“Q3 plan\.xlsx” is read-only, so Bowtie did not change it\. Choose Save As…/],
  ])('%s on save names the file or folder, says what to do, and that the changes are kept', (code, pattern) => {
    const message = describeFileError(errno(code), 'save', file);
    expect(message).toMatch(pattern);
    expect(message).toMatch(/Q3 plan\.xlsx/);
    expect(message).toMatch(/Your changes are still open and not saved\.$/);
  });

  it('an unknown error still names the file and keeps the code for support', () => {
    expect(describeFileError(errno('EWHATEVER'), 'save', file)).toMatch(/could not save “Q3 plan\.xlsx” \(EWHATEVER\)/);
    expect(describeFileError(new Error('boom'), 'save', file)).toMatch(/could not save “Q3 plan\.xlsx”\./);
  });

  it('opening says nothing about unsaved changes', () => {
    const message = describeFileError(errno('ENOENT'), 'open', file);
    expect(message).toBe('“Q3 plan.xlsx” no longer exists in “/Users/ana/Finance”.');
  });
});
