// Right-click on a figure (a headline tile, a Metrics cell): "Goal seek…" on
// it, as Excel's What-If Analysis (issue 21). One listener for the whole
// workspace: a figure is any element whose data-key names a goal seek output
// (figureOutput), so a sheet gains the menu by keying its figures. On a
// numeric input cell the menu offers its range instead (spec §11): "Add a
// range…" starts one (±10 points, ±20%) and opens the Ranges sheet, where its
// low / most likely / high are edited; "Edit range…" opens it there.
import { useEffect, useState } from 'react';
import { rangeAt, rangeKeyOf, suggestedRange } from '@shared/document/index';
import { documentStore } from '../store/document-store';
import { showSheet } from '../store/ui-store';
import { figureOutput, openGoalSeek } from './goal-seek-store';

type Target = { kind: 'figure'; output: string } | { kind: 'input'; key: string; ranged: boolean };
type Menu = { x: number; y: number } & Target;

/** The menu for the element right-clicked: a figure goal seek can aim at, or an input cell a range fits. */
function menuFor(el: Element | null): Target | null {
  const key = el?.getAttribute('data-key') ?? '';
  const output = figureOutput(key);
  if (output) return { kind: 'figure', output };
  if (!el?.classList.contains('ag-cell')) return null;
  const s = documentStore.getState();
  if (rangeKeyOf(s.inputs, key) === null) return null;
  return { kind: 'input', key, ranged: !!rangeAt(s.inputs, s.ranges, key) };
}

function openRange(key: string, ranged: boolean): void {
  const s = documentStore.getState();
  const range = ranged ? null : suggestedRange(s.inputs, key);
  if (range) s.dispatch({ type: 'setRange', key, range });
  showSheet('ranges');
}

export function FigureMenu() {
  const [menu, setMenu] = useState<Menu | null>(null);
  useEffect(() => {
    const open = (e: MouseEvent) => {
      const found = menuFor((e.target as Element | null)?.closest?.('[data-key]') ?? null);
      if (!found) return;
      e.preventDefault();
      setMenu({ x: e.clientX, y: e.clientY, ...found });
    };
    document.addEventListener('contextmenu', open);
    return () => document.removeEventListener('contextmenu', open);
  }, []);
  useEffect(() => {
    if (!menu) return;
    const away = () => setMenu(null);
    const esc = (e: KeyboardEvent) => { if (e.key === 'Escape') setMenu(null); };
    window.addEventListener('pointerdown', away);
    window.addEventListener('keydown', esc);
    return () => { window.removeEventListener('pointerdown', away); window.removeEventListener('keydown', esc); };
  }, [menu]);
  if (!menu) return null;
  return (
    <div className="kpi-menu" role="menu" style={{ left: menu.x, top: menu.y }} onPointerDown={(e) => e.stopPropagation()}>
      {menu.kind === 'figure'
        ? <button type="button" role="menuitem" autoFocus onClick={() => { setMenu(null); openGoalSeek(menu.output); }}>Goal seek…</button>
        : <button type="button" role="menuitem" autoFocus onClick={() => { setMenu(null); openRange(menu.key, menu.ranged); }}>{menu.ranged ? 'Edit range…' : 'Add a range…'}</button>}
    </div>
  );
}
