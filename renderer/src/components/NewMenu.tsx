// The toolbar's New: a blank model or the built-in example (issue 23), as the
// desktop menu's File › New Blank Model / New from Example. A button that opens
// a two-item menu: arrows move, Enter picks, Escape or a click elsewhere closes.
import { useEffect, useRef, useState } from 'react';
import { newDocument } from '../files/file-actions';

const CHOICES = [
  { kind: 'blank', label: 'Blank model', hint: 'no lanes, no existing customers, no new logos' },
  { kind: 'example', label: 'Example model', hint: 'the built-in example SaaS company, to look around in' },
] as const;

export function NewMenu({ disabled, shortcut }: { disabled: boolean; shortcut: string }) {
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const items = useRef<(HTMLButtonElement | null)[]>([]);

  useEffect(() => {
    if (!open) return;
    items.current[0]?.focus();
    const away = (e: MouseEvent) => { if (!box.current?.contains(e.target as Node)) setOpen(false); };
    document.addEventListener('mousedown', away);
    return () => document.removeEventListener('mousedown', away);
  }, [open]);

  const pick = (kind: 'blank' | 'example') => { setOpen(false); void newDocument(kind); };
  const onKey = (e: React.KeyboardEvent) => {
    if (e.key === 'Escape') { e.stopPropagation(); setOpen(false); box.current?.querySelector<HTMLButtonElement>('.new-menu-button')?.focus(); return; }
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    e.preventDefault();
    const i = items.current.findIndex((b) => b === document.activeElement);
    items.current[(i + (e.key === 'ArrowDown' ? 1 : CHOICES.length - 1)) % CHOICES.length]?.focus();
  };

  return (
    <div className="new-menu" ref={box} onKeyDown={onKey}>
      <button type="button" className="btn new-menu-button" aria-haspopup="menu" aria-expanded={open} disabled={disabled}
        onClick={() => setOpen((o) => !o)} title={`New model (${shortcut}N: blank)`}>New ▾</button>
      {open ? (
        <div className="new-menu-list" role="menu" aria-label="New model">
          {CHOICES.map((c, i) => (
            <button key={c.kind} type="button" role="menuitem" className="new-menu-item" ref={(el) => { items.current[i] = el; }} onClick={() => pick(c.kind)}>
              <strong>{c.label}</strong><span className="new-menu-hint">{c.hint}</span>
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
