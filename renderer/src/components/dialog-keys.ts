// Keys of a modal dialog (issue 11 §9): Tab and Shift+Tab cycle inside it, so
// focus never escapes to the page or the browser behind, and Enter activates
// the default button (marked data-default) wherever focus is in the dialog,
// unless a button has focus, which then handles Enter itself.
import type { KeyboardEvent } from 'react';

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

export function dialogKeys(e: KeyboardEvent<HTMLElement>): void {
  const dialog = e.currentTarget;
  if (e.key === 'Tab') {
    const items = [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)];
    if (items.length === 0) { e.preventDefault(); return; }
    const i = items.indexOf(document.activeElement as HTMLElement);
    const next = e.shiftKey ? (i <= 0 ? items.length - 1 : i - 1) : (i < 0 || i === items.length - 1 ? 0 : i + 1);
    e.preventDefault();
    items[next]!.focus();
    return;
  }
  if (e.key === 'Enter' && !(e.target instanceof HTMLButtonElement) && !(e.target instanceof HTMLTextAreaElement)) {
    const def = dialog.querySelector<HTMLButtonElement>('button[data-default]:not([disabled])');
    if (def) { e.preventDefault(); def.click(); }
  }
}
