// Office's documented limits on what a workbook holds (Excel specifications and
// limits; ECMA-376 Part 1 §18.3.1.32 for data validation). A workbook past one is
// "repaired" by Excel on open, or the part is refused. The writer keeps to them,
// and tests/shared/workbook/package-valid.test.ts checks every exported test
// workbook against this table.
export const OFFICE_LIMITS = {
  /** a data validation's error and input-message titles */
  validationTitle: 32,
  /** a data validation's error and input-message text */
  validationText: 255,
  /** a list validation's comma-separated words (formula1 with its quotes) */
  validationList: 255,
  definedName: 255,
  sheetName: 31,
  /** characters of a formula's text */
  formula: 8192,
  /** levels of nested function calls in one formula */
  nesting: 64,
  /** a header or footer, codes included */
  headerFooter: 255,
  /** characters in one cell */
  cellText: 32767,
} as const;

/** `text` cut to `max` characters (code points), at a word where one is near, with an ellipsis. */
export function fitText(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  const cut = chars.slice(0, max - 1).join('');
  const space = cut.lastIndexOf(' ');
  return `${(space >= max / 2 ? cut.slice(0, space) : cut).replace(/[\s:,;.–-]+$/, '')}…`;
}
