import { describe, expect, it } from 'vitest';
import { parseEntry, parseMoney, parseRate } from '@shared/document/index';

const value = (r: ReturnType<typeof parseRate>) => (r.ok ? r.value : `error: ${r.message}`);

describe('typed rates: Excel\'s automatic percent entry (≥ 1 is that many percent, < 1 a fraction, % literal)', () => {
  it.each([['77.5', 0.775], ['4.5', 0.045], ['1.2', 0.012], ['1', 0.01], ['85', 0.85], ['0.85', 0.85], ['.5', 0.5], ['0', 0], ['100', 1], ['120', 1.2], ['85%', 0.85], [' 85 % ', 0.85], ['0.5%', 0.005], ['12.5%', 0.125], ['12.25%', 0.1225], ['120%', 1.2], ['-5', -0.05], ['-0.05', -0.05], ['-5%', -0.05]])('%s → %s', (text, expected) => {
    expect(value(parseRate(text, 'typed'))).toBe(expected);
  });
  it.each(['abc', '', '85%%', '8 5', '1,2'])('rejects %j with a message', (text) => {
    const r = parseRate(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message.length).toBeGreaterThan(0);
  });
});

describe('pasted rates: Excel\'s paste (a number is the value itself, % literal)', () => {
  it.each([['0.5', 0.5], ['1', 1], ['0', 0], ['30', 30], ['4.5', 4.5], ['30%', 0.3], ['12.5%', 0.125]])('%s → %s', (text, expected) => {
    expect(value(parseRate(text, 'pasted'))).toBe(expected);
  });
  it('reads the same text differently from typing, as Excel does', () => {
    expect(value(parseEntry({ kind: 'rate' }, '1', { source: 'pasted' }))).toBe(1);
    expect(value(parseEntry({ kind: 'rate' }, '1', { source: 'typed' }))).toBe(0.01);
  });
});

describe('money', () => {
  it.each([['65k', 65000], ['$65,000', 65000], ['1.2m', 1_200_000], ['65000', 65000], ['1.5bn', 1.5e9], ['$1.2M', 1_200_000], ['(5,000)', -5000], ['-$5k', -5000], ['USD 42,000', 42000], ['0.1k', 100]])('%s → %s', (text, expected) => {
    expect(value(parseMoney(text))).toBe(expected);
  });
  it.each(['abc', '', '65kk', '6,50', '$'])('rejects %j', (text) => {
    expect(parseMoney(text).ok).toBe(false);
  });
  it.each([['$65k', 'USD', 65000], ['USD 42,000', 'USD', 42000], ['€70k', 'EUR', 70000], ['70k €', 'EUR', 70000], ['70,000 EUR', 'EUR', 70000], ['£5k', 'gbp', 5000], ['$1.2m', 'CAD', 1_200_000], ['70k', 'EUR', 70000]])('%s in a %s model → %s', (text, currency, expected) => {
    expect(value(parseMoney(text, currency))).toBe(expected);
  });
  it.each([['€70k', 'USD', 'EUR'], ['70k €', 'USD', 'EUR'], ['EUR 70,000', 'USD', 'EUR'], ['£5k', 'USD', 'GBP'], ['$70k', 'EUR', 'dollars'], ['70000 GBP', 'EUR', 'GBP']])('refuses %s in a %s model, never taking it as its own currency', (text, currency, named) => {
    const r = parseMoney(text, currency);
    expect(r).toEqual({ ok: false, message: expect.stringContaining(`is in ${named}, but this model is in ${currency}`) });
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
