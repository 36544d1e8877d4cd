// How the screen writes a number (docs/workspace.md: en-US digits, negatives in
// parentheses, a dash for no value), written here on its own so a test compares
// the app's text with that contract and not with the app's own formatter: a
// formatter bug then fails the test instead of agreeing with itself.
const DASH = '—';
const digits = (x: number, min: number, max = min) => Math.abs(x).toLocaleString('en-US', { minimumFractionDigits: min, maximumFractionDigits: max });
const signed = (x: number, s: string) => (x < 0 && /[1-9]/.test(s) ? `(${s})` : s);
const ok = (x: number | null | undefined): x is number => typeof x === 'number' && Number.isFinite(x);

export const expectedText = {
  /** 87.1% */
  percent: (x: number | null | undefined, places = 1): string => (ok(x) ? signed(x, `${digits(x * 100, places)}%`) : DASH),
  /** a rate input: 85.0%, 2.25% keeps its second decimal */
  rateInput: (x: number): string => expectedText.percent(x, Math.abs(x * 1000 - Math.round(x * 1000)) < 1e-6 ? 1 : 2),
  /** customers: expected values, up to one decimal (two in an input cell) */
  count: (x: number | null | undefined, places = 1): string => (ok(x) ? signed(x, digits(x, 0, places)) : DASH),
  countInput: (x: number): string => expectedText.count(x, 2),
  /** three significant figures with a unit: $6.77M, $650K, $25.0M, $950; ($2.31M) when negative */
  moneyShort: (x: number | null | undefined): string => {
    if (!ok(x)) return DASH;
    const a = Math.abs(x);
    let body: string;
    if (a < 999.5) body = `$${digits(Math.round(a), 0)}`;
    else {
      const r = Number(a.toPrecision(3));
      const [div, suffix] = r >= 1e9 ? [1e9, 'B'] : r >= 1e6 ? [1e6, 'M'] : [1e3, 'K'];
      const scaled = r / div;
      body = `$${digits(scaled, scaled >= 100 ? 0 : scaled >= 10 ? 1 : 2)}${suffix}`;
    }
    return signed(x, body);
  },
  /** a change in a share, in points: +2.5 pts, (1.0 pts), 0.0 pts */
  pointsDelta: (x: number): string => {
    const v = `${Math.abs(x * 100).toFixed(1)} pts`;
    return /[1-9]/.test(v) ? (x < 0 ? `(${v})` : `+${v}`) : v;
  },
  /** 3.42× */
  multiple: (x: number | null | undefined): string => (ok(x) ? signed(x, `${Math.abs(x).toFixed(2)}×`) : DASH),
};
