// One figure formatter for the app, the board, the PDF and the workbook (issue 10
// item 8, issue 12 item 6): money to three significant figures with a unit,
// negatives in parentheses, never a signed zero; and the workbook's number format
// for each figure prints what the app prints (checked through LibreOffice in
// tests/shared/workbook/number-formats.test.ts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { excelNumberFormat, formatDelta, formatFigure, money, moneyExact, percent, points, ratio } from '@shared/report/format';

describe('money', () => {
  it('has three significant figures and a unit', () => {
    expect(money(25_012_345)).toBe('$25.0M');
    expect(money(6_774_500)).toBe('$6.77M');
    expect(money(975_000)).toBe('$975K');
    expect(money(65_000)).toBe('$65.0K');
    expect(money(1_249_500)).toBe('$1.25M');
    expect(money(950)).toBe('$950');
    expect(money(999_600)).toBe('$1.00M'); // rounds up into the next unit, not "$1000K"
    expect(money(2_500_000_000)).toBe('$2.50B');
    expect(money(65_000, 'EUR')).toBe('€65.0K');
  });
  it('puts negatives in parentheses and never prints a signed zero', () => {
    expect(money(-2_310_000)).toBe('($2.31M)');
    expect(money(-0.3)).toBe('$0');
    expect(money(-0)).toBe('$0');
    expect(moneyExact(-786_790)).toBe('($786,790)');
    expect(moneyExact(-0.4)).toBe('$0');
    expect(percent(-0.0004)).toBe('0.0%');
    expect(percent(-0.02)).toBe('(2.0%)');
    expect(points(-0.00001)).toBe('0.0 pts');
  });
  it('always has three significant figures for amounts of $1K and more (property)', () => {
    fc.assert(fc.property(fc.double({ min: 1000, max: 9e11, noNaN: true }), (x) => {
      const digits = money(x).replace(/[^0-9]/g, '');
      expect(digits.length).toBe(3);
    }));
  });
  it('shows a dash for an undefined figure', () => {
    for (const f of ['money', 'percent', 'ratio', 'months', 'years', 'count', 'points'] as const) expect(formatFigure(null, f)).toBe('—');
  });
});

describe('differences from the base', () => {
  it('are signed: +$2.00M, ($2.31M), +4.2 pts, (1.5 pts); nothing that prints as zero has a sign', () => {
    expect(formatDelta(2_000_000, 'money')).toBe('+$2.00M');
    expect(formatDelta(-2_310_000, 'money')).toBe('($2.31M)');
    expect(formatDelta(0.042, 'percent')).toBe('+4.2 pts');
    expect(formatDelta(-0.015, 'percent')).toBe('(1.5 pts)');
    expect(formatDelta(0.2, 'money')).toBe('$0');
    expect(formatDelta(0.1, 'ratio')).toBe('+0.10×');
  });
});

describe('Excel number formats', () => {
  it('scale money to the unit the app prints, with parentheses for negatives', () => {
    expect(excelNumberFormat('money', 25_012_345)).toBe('"$"#,##0.0,,"M";("$"#,##0.0,,"M");"$"0');
    expect(excelNumberFormat('money', 65_000)).toBe('"$"#,##0.0,"K";("$"#,##0.0,"K");"$"0');
    expect(excelNumberFormat('money', 950)).toBe('"$"#,##0;("$"#,##0);"$"0');
    expect(excelNumberFormat('money', -0.2)).toBe('"$"0;"$"0;"$"0');
    expect(excelNumberFormat('money', 2_000_000, 'USD', true)).toBe('"+""$"#,##0.00,,"M";("$"#,##0.00,,"M");"$"0');
  });
  it('print percentages, points, ratios and durations with their units', () => {
    expect(excelNumberFormat('percent', 0.5)).toBe('0.0%;(0.0%);0.0%');
    expect(excelNumberFormat('percent', 4.2, 'USD', true)).toBe('"+"0.0" pts";(0.0" pts");0.0" pts"');
    expect(excelNumberFormat('ratio', 2.1)).toBe('0.00"×";(0.00"×");0.00"×"');
    expect(excelNumberFormat('months', 18.5)).toBe('0.0" months";(0.0" months");0.0" months"');
    expect(ratio(2.1)).toBe('2.10×');
  });
});
