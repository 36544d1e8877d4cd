// What a printed board page looks like page by page (issue 12): the words of an
// exported PDF with their boxes (poppler's `pdftotext -bbox`), and the checks a
// reader would make: nothing outside the printable area of any page, and each
// block of the page (a tile, a chart, a table) whole on one page, never split
// across two. Blocks are matched by their words that occur once in the page and
// once in the PDF, so a repeated figure ($7.11M) cannot be matched to the wrong place.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { Page } from '@playwright/test';

export interface PdfWord { page: number; text: string; x0: number; y0: number; x1: number; y1: number }
export interface PdfLayout { pages: { width: number; height: number }[]; words: PdfWord[] }

const PDFTOTEXT = '/usr/bin/pdftotext';
export const hasPdftotext = (): boolean => existsSync(PDFTOTEXT);

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

export function pdfLayout(pdfPath: string): PdfLayout {
  const html = execFileSync(PDFTOTEXT, ['-bbox', pdfPath, '-'], { encoding: 'utf8' });
  const pages: PdfLayout['pages'] = [];
  const words: PdfWord[] = [];
  for (const p of html.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)) {
    const page = pages.length;
    pages.push({ width: Number(p[1]), height: Number(p[2]) });
    for (const w of p[3]!.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
      words.push({ page, text: unescape(w[5]!), x0: Number(w[1]), y0: Number(w[2]), x1: Number(w[3]), y1: Number(w[4]) });
    }
  }
  return { pages, words };
}

const MM = 72 / 25.4;

/** Words printed outside the page's margins (in mm: top/bottom, left/right), i.e. where a printer may cut them. */
export function wordsOutsideMargins(layout: PdfLayout, marginMm: { y: number; x: number }, slackPt = 2): string[] {
  return layout.words
    .filter((w) => {
      const { width, height } = layout.pages[w.page]!;
      return w.y0 < marginMm.y * MM - slackPt || w.y1 > height - marginMm.y * MM + slackPt || w.x0 < marginMm.x * MM - slackPt || w.x1 > width - marginMm.x * MM + slackPt;
    })
    .map((w) => `page ${w.page + 1}: "${w.text}" at ${w.x0.toFixed(0)},${w.y0.toFixed(0)}`);
}

/** The board page's blocks (header, tiles, charts, tables) with the words of their text, read from the DOM. */
export async function boardBlocks(page: Page): Promise<{ name: string; words: string[] }[]> {
  return page.locator('.board-page').evaluate((root) => {
    const blocks = [...root.querySelectorAll('.board-head, .board-tile, .board-chart, .board-comparison')];
    return blocks.map((b, i) => {
      const words: string[] = [];
      const walker = document.createTreeWalker(b, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) words.push(...(n.textContent ?? '').split(/\s+/).filter(Boolean));
      const title = b.querySelector('h1, h3')?.textContent ?? b.querySelector('svg text')?.textContent ?? `block ${i + 1}`;
      return { name: title.trim(), words };
    }).map((b, i, all) => (all.findIndex((x) => x.name === b.name) === i ? b : { ...b, name: `${b.name} (${i + 1})` }));
  });
}

/**
 * For each block, the PDF pages its unambiguous words are printed on: a block
 * split between pages prints on two. Returns the blocks found on more than one
 * page, the blocks with no unambiguous word (not checkable), and each block's page.
 */
export function blockPages(layout: PdfLayout, blocks: { name: string; words: string[] }[]): { split: string[]; unchecked: string[]; pageOf: Map<string, number> } {
  const domCount = new Map<string, number>();
  for (const b of blocks) for (const w of b.words) domCount.set(w, (domCount.get(w) ?? 0) + 1);
  const pdfByText = new Map<string, PdfWord[]>();
  for (const w of layout.words) pdfByText.set(w.text, [...(pdfByText.get(w.text) ?? []), w]);
  const split: string[] = [], unchecked: string[] = [];
  const pageOf = new Map<string, number>();
  for (const b of blocks) {
    const pages = new Set<number>();
    for (const w of b.words) {
      const hits = pdfByText.get(w);
      if (domCount.get(w) === 1 && hits?.length === 1) pages.add(hits[0]!.page);
    }
    if (pages.size === 0) unchecked.push(b.name);
    else if (pages.size > 1) split.push(`${b.name} (pages ${[...pages].map((p) => p + 1).join(', ')})`);
    else pageOf.set(b.name, [...pages][0]!);
  }
  return { split, unchecked, pageOf };
}
