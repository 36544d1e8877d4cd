// How many A4 pages the board page prints on (issue 23.5), read from its layout
// on screen: the page is drawn at the printed content width (794 px less 2 × 38
// px padding = 718 px = 190 mm, the A4 width less the @page side margins in
// analysis.css), so its height on screen is its height on paper. The scenario
// comparison is kept whole (break-inside: avoid): when it does not end on the
// first page it starts the second.
import { useEffect, useState } from 'react';

const PX_PER_MM = 96 / 25.4;
/** A4 height less the @page top and bottom margins (7 mm each), in CSS px. */
export const PRINTED_PAGE_HEIGHT = (297 - 2 * 7) * PX_PER_MM;

export function printedPages(page: HTMLElement): number {
  const padTop = Number.parseFloat(getComputedStyle(page).paddingTop) || 0;
  const top = page.getBoundingClientRect().top + padTop;
  const blocks = [...page.children].map((c) => c.getBoundingClientRect());
  const bottom = Math.max(top, ...blocks.map((r) => r.bottom));
  let pages = 1;
  let pageEnd = top + PRINTED_PAGE_HEIGHT;
  // a block that would cross a page's end starts the next page whole
  for (const r of blocks) {
    if (r.bottom <= pageEnd + 0.5) continue;
    pages++;
    pageEnd = r.top + PRINTED_PAGE_HEIGHT;
  }
  return Math.max(pages, Math.ceil((bottom - top - 0.5) / PRINTED_PAGE_HEIGHT));
}

/** The printed page count of the board page in `host`, kept up to date as it changes. */
export function usePrintedPages(host: () => HTMLElement | null): number | null {
  const [pages, setPages] = useState<number | null>(null);
  useEffect(() => {
    let observer: ResizeObserver | null = null;
    const watch = () => {
      const page = host()?.querySelector<HTMLElement>('.board-page');
      if (!page) return false;
      observer = new ResizeObserver(() => setPages(printedPages(page)));
      observer.observe(page);
      return true;
    };
    // the page mounts once the report is computed
    const mo = new MutationObserver(() => { if (!observer && watch()) mo.disconnect(); });
    if (!watch()) mo.observe(host() ?? document.body, { childList: true, subtree: true });
    return () => { observer?.disconnect(); mo.disconnect(); };
  }, [host]);
  return pages;
}
