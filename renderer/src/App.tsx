// The workspace: toolbar, headline figures, the active sheet and the sheet tabs.
import { useEffect, useState } from 'react';
import { KpiStrip } from './kpi/KpiStrip';
import { MessageDialog } from './components/MessageDialog';
import { RecoveryDialog } from './components/RecoveryDialog';
import { SaveChangesDialog } from './components/SaveChangesDialog';
import { SheetBoundary } from './components/SheetBoundary';
import { SheetTabs } from './components/SheetTabs';
import { StatusBar } from './components/StatusBar';
import { Toolbar } from './components/Toolbar';
import { installShortcuts, runCommand } from './components/shortcuts';
import { startHostSync } from './files/host-sync';
import { SHEETS } from './sheets/registry';
import { platform } from './platform/choose-platform';
import { startModelWorker } from './workers/model-store';

const initialSheet = () => new URLSearchParams(window.location.search).get('sheet') ?? 'assumptions';

export function App() {
  const sheets = SHEETS;
  const [active, setActive] = useState(() => (sheets.some((s) => s.id === initialSheet()) ? initialSheet() : 'assumptions'));

  useEffect(() => startModelWorker(), []);
  useEffect(() => installShortcuts(), []);
  useEffect(() => platform().onMenuCommand((c) => runCommand(c)), []);
  useEffect(() => startHostSync(), []);

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
        <SheetTabs sheets={sheets} active={sheet.id} onSelect={setActive} />
        <StatusBar />
      </footer>
      <MessageDialog />
      <RecoveryDialog />
      <SaveChangesDialog />
    </div>
  );
}
