// The workspace: toolbar, headline figures, the active sheet and the sheet tabs.
import { useEffect, useRef, useState } from 'react';
import { KpiStrip } from './kpi/KpiStrip';
import { MessageDialog } from './components/MessageDialog';
import { RecoveryDialog } from './components/RecoveryDialog';
import { SaveChangesDialog } from './components/SaveChangesDialog';
import { SheetBoundary } from './components/SheetBoundary';
import { SheetTabs } from './components/SheetTabs';
import { SegmentSwitch } from './components/SegmentSwitch';
import { StatusBar } from './components/StatusBar';
import { Toolbar } from './components/Toolbar';
import { GoalSeekDialog } from './what-if/GoalSeekDialog';
import { FigureMenu } from './what-if/FigureMenu';
import { installShortcuts, runCommand } from './components/shortcuts';
import { startHostSync } from './files/host-sync';
import { SHEETS } from './sheets/registry';
import { platform } from './platform/choose-platform';
import { startModelWorker } from './store/model-store';
import { focusSheet } from './grid/grid-navigation';
import { showSheet, uiStore, useUi } from './store/ui-store';

const initialSheet = () => new URLSearchParams(window.location.search).get('sheet') ?? 'assumptions';

export function App() {
  const sheets = SHEETS;
  // The sheet on screen lives in the ui store, so a menu command or a dropped file can switch to one.
  useState(() => showSheet(sheets.some((s) => s.id === initialSheet()) ? initialSheet() : 'assumptions'));
  const active = useUi((s) => s.activeSheet);
  const setActive = (next: string | ((cur: string) => string)) => showSheet(typeof next === 'function' ? next(uiStore.getState().activeSheet) : next);

  useEffect(() => startModelWorker(), []);
  useEffect(() => installShortcuts(), []);
  useEffect(() => platform().onMenuCommand((c) => runCommand(c)), []);
  useEffect(() => startHostSync(), []);

  /** set when the keyboard changed sheet, so the new sheet takes the focus once it mounts */
  const sheetChanged = useRef(false);
  // Ctrl+PageDown / Ctrl+PageUp change sheet, as in a workbook; Escape outside a
  // table (toolbar, tabs, a button) brings focus back to the sheet (issue 11 §9).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (document.querySelector('dialog[open]')) return;
      if (e.ctrlKey && !e.altKey && !e.shiftKey && (e.key === 'PageDown' || e.key === 'PageUp')) {
        e.preventDefault();
        setActive((cur) => {
          const i = sheets.findIndex((s) => s.id === cur);
          const next = sheets[(i + (e.key === 'PageDown' ? 1 : -1) + sheets.length) % sheets.length]!;
          sheetChanged.current = true;
          return next.id;
        });
        return;
      }
      if (e.key === 'Escape' && !e.defaultPrevented && !(e.target instanceof HTMLElement && e.target.closest('.sheet-grid, dialog'))) {
        if (focusSheet()) e.preventDefault();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [sheets]);
  useEffect(() => {
    if (!sheetChanged.current) return;
    sheetChanged.current = false;
    // The new sheet's tables register as they mount; then focus its first cell, or its tab.
    let tries = 0;
    const attempt = () => {
      if (focusSheet()) return;
      if (++tries < 10) { setTimeout(attempt, 50); return; }
      const first = document.querySelector<HTMLElement>('#sheet-panel button:not([disabled]), #sheet-panel input, #sheet-panel select, #sheet-panel [tabindex="0"]');
      (first ?? document.getElementById(`tab-${active}`))?.focus();
    };
    requestAnimationFrame(attempt);
  }, [active]);

  const sheet = sheets.find((s) => s.id === active) ?? sheets[0]!;
  const Component = sheet.component;
  return (
    <div className="app">
      <Toolbar />
      <KpiStrip />
      <main id="sheet-panel" className="sheet-panel" role="tabpanel" aria-labelledby={`tab-${sheet.id}`} data-sheet={sheet.id}>
        <SheetBoundary key={sheet.id} title={sheet.title}><Component /></SheetBoundary>
      </main>
      <footer className="app-footer">
        <div className="footer-tabs">
          <SheetTabs sheets={sheets} active={sheet.id} onSelect={setActive} />
          <SegmentSwitch />
        </div>
        <StatusBar />
      </footer>
      <MessageDialog />
      <GoalSeekDialog />
      <FigureMenu />
      <RecoveryDialog />
      <SaveChangesDialog />
    </div>
  );
}
