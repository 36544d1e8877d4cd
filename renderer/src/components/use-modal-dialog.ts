// A <dialog> shown as modal while `open` holds and closed after. Focus goes to
// its default button (data-default), the one Enter presses: showModal alone
// would focus the first button.
import { useEffect, useRef } from 'react';

export function useModalDialog(open: boolean) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    if (open && !el.open) {
      el.showModal();
      el.querySelector<HTMLElement>('[data-default]')?.focus();
    }
    if (!open && el.open) el.close();
  }, [open]);
  return ref;
}
