import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { aboutText, buildMenuTemplate, type MenuActions } from '../../electron/menu';

function build(platform: NodeJS.Platform, recentFiles: string[] = [], isPackaged = true) {
  const actions: MenuActions = {
    send: vi.fn(), openRecent: vi.fn(), clearRecent: vi.fn(), closeWindow: vi.fn(), showAbout: vi.fn(),
  };
  const template = buildMenuTemplate({ platform, appName: 'Bowtie', recentFiles, isPackaged }, actions);
  const menu = (label: string) => template.find((m) => m.label === label || (label === 'Help' && m.role === 'help'));
  const items = (label: string) => (menu(label)?.submenu as MenuItemConstructorOptions[]).filter((i) => i.type !== 'separator');
  const item = (menuLabel: string, label: string) => items(menuLabel).find((i) => i.label === label || i.role === label);
  const click = (i: MenuItemConstructorOptions | undefined) => (i?.click as () => void)();
  return { template, actions, items, item, click };
}

describe('the application menu', () => {
  it('Windows and Linux: File, Edit, View, Help with the conventional items', () => {
    const { template, items } = build('win32');
    expect(template.map((m) => m.label ?? m.role)).toEqual(['File', 'Edit', 'View', 'help']);
    expect(items('File').map((i) => i.label ?? i.role)).toEqual([
      'New Blank Model', 'New from Example', 'Open…', 'Open Recent', 'Save', 'Save As…', 'Import Actuals…', 'Export Board Report as PDF…', 'Close', 'Exit',
    ]);
    expect(items('Edit').map((i) => i.label ?? i.role)).toEqual(['Undo', 'Redo', 'cut', 'copy', 'paste', 'selectAll']);
    expect(items('View').map((i) => i.role)).toEqual(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
  });

  it('macOS: an app menu with About and Quit, a Window menu, and no Exit in File', () => {
    const { template, items } = build('darwin');
    expect(template.map((m) => m.label ?? m.role)).toEqual(['Bowtie', 'File', 'Edit', 'View', 'windowMenu', 'help']);
    expect(items('Bowtie').map((i) => i.label ?? i.role)).toContain('quit');
    expect(items('File').map((i) => i.label)).not.toContain('Exit');
  });

  it('document commands go to the renderer, with the platform’s shortcuts', () => {
    const { item, click, actions } = build('win32');
    expect(item('File', 'Save')?.accelerator).toBe('CmdOrCtrl+S');
    expect(item('File', 'Save As…')?.accelerator).toBe('Shift+CmdOrCtrl+S');
    expect(item('Edit', 'Redo')?.accelerator).toBe('Ctrl+Y');
    expect(build('darwin').item('Edit', 'Redo')?.accelerator).toBe('Shift+Cmd+Z');
    for (const [menu, label, command] of [
      ['File', 'New Blank Model', 'file/new'], ['File', 'New from Example', 'file/newExample'], ['File', 'Open…', 'file/open'], ['File', 'Save', 'file/save'], ['File', 'Save As…', 'file/saveAs'],
      ['File', 'Export Board Report as PDF…', 'file/exportPdf'], ['Edit', 'Undo', 'edit/undo'], ['Edit', 'Redo', 'edit/redo'],
    ] as const) {
      click(item(menu, label));
      expect(actions.send).toHaveBeenLastCalledWith(command);
    }
    click(item('File', 'Close'));
    expect(actions.closeWindow).toHaveBeenCalled();
  });

  it('Open Recent lists the files, newest first, and opens the one chosen', () => {
    const { item, actions } = build('linux', ['/home/ana/Q3.xlsx', '/home/ana/old/Q2.xlsx']);
    const recent = (item('File', 'Open Recent')?.submenu as MenuItemConstructorOptions[]);
    expect(recent.map((i) => i.label ?? i.type)).toEqual(['Q3.xlsx', 'Q2.xlsx', 'separator', 'Clear Menu']);
    (recent[1]!.click as () => void)();
    expect(actions.openRecent).toHaveBeenCalledWith('/home/ana/old/Q2.xlsx');
    (recent[3]!.click as () => void)();
    expect(actions.clearRecent).toHaveBeenCalled();
  });

  it('an empty recent list says so', () => {
    const recent = build('linux').item('File', 'Open Recent')?.submenu as MenuItemConstructorOptions[];
    expect(recent).toEqual([{ label: 'No Recent Files', enabled: false }]);
  });

  it('developer tools appear only in unpackaged builds', () => {
    expect(build('linux', [], true).items('View').map((i) => i.role)).not.toContain('toggleDevTools');
    expect(build('linux', [], false).items('View').map((i) => i.role)).toContain('toggleDevTools');
  });

  it('Help › About shows the version', () => {
    const { item, click, actions } = build('win32');
    click(item('Help', 'About Bowtie'));
    expect(actions.showAbout).toHaveBeenCalled();
    expect(aboutText('Bowtie', '0.1.0', { electron: '41.7.1' }).message).toBe('Bowtie 0.1.0');
  });
});
