// Right-click on a figure (a headline tile, a Metrics cell): "Goal seek…" on
// it, as Excel's What-If Analysis (issue 21). One listener for the whole
// workspace: a figure is any element whose data-key names a goal seek output
// (figureOutput), so a sheet gains the menu by keying its figures.
import { useEffect, useState } from 'react';
import { figureOutput, openGoalSeek } from './goal-seek-store';

export function FigureMenu() {
  const [menu, setMenu] = useState<{ x: number; y: number; output: string } | null>(null);
  useEffect(() => {
    const open = (e: MouseEvent) => {
      const el = (e.target as Element | null)?.closest?.('[data-key]');
      const output = el ? figureOutput(el.getAttribute('data-key') ?? '') : null;
      if (!output) return;
      e.preventDefault();
      setMenu({ x: e.clientX, y: e.clientY, output });
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
      <button type="button" role="menuitem" autoFocus onClick={() => { setMenu(null); openGoalSeek(menu.output); }}>Goal seek…</button>
    </div>
  );
}
