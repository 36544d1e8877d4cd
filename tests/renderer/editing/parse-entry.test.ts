import { describe, expect, it } from 'vitest';
import { parseEntry, parseMoney, parseRate } from '../../../renderer/src/editing/parse-entry';

const value = (r: ReturnType<typeof parseRate>) => (r.ok ? r.value : `error: ${r.message}`);

describe('rates: whole numbers are points, decimals are fractions, % is points', () => {
  it.each([['85', 0.85], ['85%', 0.85], ['0.85', 0.85], [' 85 % ', 0.85], ['120%', 1.2], ['1.2', 1.2], ['1', 0.01], ['1.0', 1], ['0', 0], ['100', 1], ['2.5', 2.5], ['12.5%', 0.125], ['.5', 0.5], ['12.25%', 0.1225], ['-5%', -0.05]])('%s → %s', (text, expected) => {
    expect(value(parseRate(text))).toBe(expected);
  });
  it.each(['abc', '', '85%%', '8 5', '1,2'])('rejects %j with a message', (text) => {
    const r = parseRate(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message.length).toBeGreaterThan(0);
  });
});

describe('money', () => {
  it.each([['65k', 65000], ['$65,000', 65000], ['1.2m', 1_200_000], ['65000', 65000], ['1.5bn', 1.5e9], ['$1.2M', 1_200_000], ['(5,000)', -5000], ['-$5k', -5000], ['USD 42,000', 42000], ['0.1k', 100]])('%s → %s', (text, expected) => {
    expect(value(parseMoney(text))).toBe(expected);
  });
  it.each(['abc', '', '65kk', '6,50', '$'])('rejects %j', (text) => {
    expect(parseMoney(text).ok).toBe(false);
  });
});

describe('other kinds', () => {
  it('reads months, counts, months of the year, options and text', () => {
    expect(parseEntry({ kind: 'months' }, '6')).toEqual({ ok: true, value: 6 });
    expect(parseEntry({ kind: 'count' }, '1,200')).toEqual({ ok: true, value: 1200 });
    expect(parseEntry({ kind: 'yearMonth' }, '2027-3')).toEqual({ ok: true, value: '2027-03' });
    expect(parseEntry({ kind: 'yearMonth' }, '03/2027')).toEqual({ ok: true, value: '2027-03' });
    expect(parseEntry({ kind: 'yearMonth' }, '2027-13').ok).toBe(false);
    expect(parseEntry({ kind: 'enum', options: ['yearStart', 'even'] }, 'year start')).toEqual({ ok: true, value: 'yearStart' });
    expect(parseEntry({ kind: 'enum', options: ['yearStart', 'even'] }, 'monthly').ok).toBe(false);
    expect(parseEntry({ kind: 'text' }, '  Acme  ')).toEqual({ ok: true, value: 'Acme' });
    expect(parseEntry({ kind: 'months' }, 'six').ok).toBe(false);
  });
});
