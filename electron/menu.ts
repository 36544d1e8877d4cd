// The application menu, by platform convention. Document commands go to the
// renderer as MenuCommands (it owns the document and its undo history); Cut,
// Copy, Paste and Select All use Chromium's editing roles on the focused
// element (on macOS a menu accelerator would otherwise swallow Cmd+A in a text
// field), which fire the DOM clipboard events the grid handles without any
// clipboard permission.
import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '@shared/desktop-api';

export interface MenuActions {
  send(command: MenuCommand): void;
  openRecent(file: string): void;
  clearRecent(): void;
  closeWindow(): void;
  showAbout(): void;
}

export interface MenuContext {
  platform: NodeJS.Platform;
  appName: string;
  recentFiles: readonly string[];
  /** Developer tools only in unpackaged builds. */
  isPackaged: boolean;
}

export function buildMenuTemplate(ctx: MenuContext, actions: MenuActions): MenuItemConstructorOptions[] {
  const mac = ctx.platform === 'darwin';
  const cmd = (label: string, command: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    ...(accelerator ? { accelerator } : {}),
    click: () => actions.send(command),
  });

  const recent: MenuItemConstructorOptions[] = ctx.recentFiles.length
    ? [
        ...ctx.recentFiles.map((file) => ({
          label: path.basename(file),
          sublabel: path.dirname(file),
          click: () => actions.openRecent(file),
        })),
        { type: 'separator' },
        { label: 'Clear Menu', click: () => actions.clearRecent() },
      ]
    : [{ label: 'No Recent Files', enabled: false }];

  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      // a blank model, or the built-in example (seed 000) to look around in
      cmd('New Blank Model', 'file/new', 'CmdOrCtrl+N'),
      cmd('New from Example', 'file/newExample'),
      cmd('Open…', 'file/open', 'CmdOrCtrl+O'),
      { label: 'Open Recent', submenu: recent },
      { type: 'separator' },
      cmd('Save', 'file/save', 'CmdOrCtrl+S'),
      cmd('Save As…', 'file/saveAs', 'Shift+CmdOrCtrl+S'),
      { type: 'separator' },
      cmd('Import Actuals…', 'file/importActuals'),
      cmd('Export Board Report as PDF…', 'file/exportPdf', 'CmdOrCtrl+P'),
      { type: 'separator' },
      { label: 'Close', accelerator: 'CmdOrCtrl+W', click: () => actions.closeWindow() },
      ...(mac ? [] : [{ type: 'separator' } as const, { label: 'Exit', role: 'quit' } as const]),
    ],
  };

  const edit: MenuItemConstructorOptions = {
    label: 'Edit',
    submenu: [
      cmd('Undo', 'edit/undo', 'CmdOrCtrl+Z'),
      cmd('Redo', 'edit/redo', mac ? 'Shift+Cmd+Z' : 'Ctrl+Y'),
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
      ...(ctx.isPackaged ? [] : [{ type: 'separator' } as const, { role: 'toggleDevTools' } as const]),
    ],
  };

  const help: MenuItemConstructorOptions = {
    role: 'help',
    submenu: [{ label: `About ${ctx.appName}`, click: () => actions.showAbout() }],
  };

  if (!mac) return [file, edit, view, help];

  const appMenu: MenuItemConstructorOptions = {
    label: ctx.appName,
    submenu: [
      { label: `About ${ctx.appName}`, click: () => actions.showAbout() },
      { type: 'separator' },
      { role: 'services' },
      { type: 'separator' },
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      { type: 'separator' },
      { role: 'quit' },
    ],
  };
  return [appMenu, file, edit, view, { role: 'windowMenu' }, help];
}

/** The About box's text: name, version, and what it runs on. */
export function aboutText(appName: string, version: string, versions: { electron?: string; chrome?: string }) {
  return {
    title: `About ${appName}`,
    message: `${appName} ${version}`,
    detail: `Offline planner for the post-sale side of the revenue bowtie.\nElectron ${versions.electron ?? '?'} · Chromium ${versions.chrome ?? '?'}`,
  };
}
