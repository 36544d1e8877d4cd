// Sheet tabs along the bottom, as in a workbook. Arrow keys move between tabs.
import type { KeyboardEvent } from 'react';
import type { SheetEntry } from '../sheets/registry';

export function SheetTabs({ sheets, active, onSelect }: { sheets: readonly SheetEntry[]; active: string; onSelect: (id: string) => void }) {
  const onKey = (e: KeyboardEvent<HTMLButtonElement>, i: number) => {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    const next = sheets[(i + step + sheets.length) % sheets.length]!;
    onSelect(next.id);
    document.getElementById(`tab-${next.id}`)?.focus();
  };
  return (
    <nav className="sheet-tabs" role="tablist" aria-label="Sheets">
      {sheets.map((s, i) => (
        <button
          key={s.id}
          id={`tab-${s.id}`}
          type="button"
          role="tab"
          data-sheet={s.id}
          aria-selected={s.id === active}
          aria-controls="sheet-panel"
          tabIndex={s.id === active ? 0 : -1}
          className="sheet-tab"
          onClick={() => onSelect(s.id)}
          onKeyDown={(e) => onKey(e, i)}
        >
          {s.title}
        </button>
      ))}
    </nav>
  );
}
