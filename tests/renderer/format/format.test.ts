import { describe, expect, it } from 'vitest';
import { editText, formatCount, formatInput, formatMoney, formatMoneyShort, formatMultiple, formatPercent } from '../../../renderer/src/format/format';

describe('formats', () => {
  it('shows percentages with one decimal and negatives in parentheses', () => {
    expect(formatPercent(0.507195)).toBe('50.7%');
    expect(formatPercent(-0.02)).toBe('(2.0%)');
    expect(formatPercent(null)).toBe('—');
  });
  it('shows money with the currency sign and accounting negatives', () => {
    expect(formatMoney(6_774_500)).toBe('$6,774,500');
    expect(formatMoney(-975_000)).toBe('($975,000)');
    expect(formatMoney(65_000, 'EUR')).toBe('€65,000');
    expect(formatMoneyShort(6_774_500)).toBe('$6.77M');
    expect(formatMoneyShort(22_600_000)).toBe('$22.6M');
    expect(formatMoneyShort(650_000)).toBe('$650K');
  });
  it('shows counts, multiples and input values the way they are typed back', () => {
    expect(formatCount(4444.44)).toBe('4,444.4');
    expect(formatMultiple(1.5307)).toBe('1.53×');
    expect(formatInput('rate', 0.85)).toBe('85.0%');
    expect(formatInput('rate', 0.0225)).toBe('2.25%');
    expect(editText('rate', 0.85)).toBe('85%');
    expect(editText('money', 65000)).toBe('65000');
  });
});
