// Reading a figure back from the screen: the number a formatted text stands
// for, and a check that what is shown is the expected value rounded, so tests
// compare with the core's numbers rather than with the app's own formatters.
import type { Locator } from '@playwright/test';
import { expect } from '@playwright/test';

/** 85.0% → 0.85; $4.20M → 4200000; $6,500,000 → 6500000; (1,200) → -1200; – (an accounting zero) → 0. */
export function numberIn(text: string): number {
  const t = text.trim();
  if (t === '–') return 0;
  const negative = /^\(.*\)$/.test(t);
  const m = /(-?[\d,]*\.?\d+)\s*([%KMB]?)/.exec(t);
  if (!m) throw new Error(`no number in "${text}"`);
  const x = Number(m[1]!.replace(/,/g, ''));
  const scale = { '%': 0.01, K: 1e3, M: 1e6, B: 1e9, '': 1 }[m[2] as '%' | 'K' | 'M' | 'B' | ''];
  return (negative ? -1 : 1) * x * scale;
}

/** The shown text is the expected value rounded: within half of its last digit. */
export async function expectShows(loc: Locator, expected: number) {
  await expect.poll(async () => {
    const text = (await loc.textContent()) ?? '';
    const decimals = /\.(\d+)/.exec(text)?.[1]?.length ?? 0;
    const unit = /%/.test(text) ? 0.01 : /M/.test(text) ? 1e6 : /K/.test(text) ? 1e3 : 1;
    const half = 0.5 * 10 ** -decimals * unit * 1.0001;
    return Math.abs(numberIn(text) - expected) <= half ? 'ok' : `shows ${text}, expected ${expected}`;
  }).toBe('ok');
}
