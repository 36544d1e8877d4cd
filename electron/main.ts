// Wires the small modules of electron/ to Electron itself. Logic lives in
// the modules (each with tests under tests/electron); this file only connects
// them, so it stays short.
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session } from 'electron';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { MenuCommand } from '../shared/desktop-api';
import { createAppProtocolHandler } from './app-protocol';
import { CHANNELS } from './channels';
import { DeliveryQueue } from './delivery-queue';
import { createFileService, PathGrants } from './file-service';
import { registerIpcHandlers } from './ipc';
import { createHandlers } from './ipc-handlers';
import { aboutText, buildMenuTemplate } from './menu';
import { workbooksFromArgv } from './open-from-os';
import { createRecoveryStore } from './recovery';
import { APP_ENTRY_URL, APP_SCHEME, hardenSession, hardenWebContents, isAppUrl } from './security';
import { createSettingsStore } from './settings';
import { createDocumentController, createMainWindow, type DocumentController } from './window';

const log = (message: string, error?: unknown) => {
  if (error === undefined) console.error(`[bowtie] ${message}`);
  else console.error(`[bowtie] ${message}`, error);
};

// Must run before 'ready': app:// behaves like https (a real origin, fetch, secure context).
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
]);

// Tests give each run its own data folder (as Actual's e2e fixture does). Only
// unpackaged: a shipped app always uses the OS's own place.
if (process.env.BOWTIE_USER_DATA_DIR && !app.isPackaged) app.setPath('userData', process.env.BOWTIE_USER_DATA_DIR);

// One running Bowtie: a second launch (double-clicking another .xlsx) hands its
// files to this one and exits.
if (!app.requestSingleInstanceLock()) app.quit();
else start();

function start(): void {
  const appRoot = app.getAppPath();
  const rendererRoot = path.join(appRoot, 'dist', 'renderer');
  const preload = path.join(appRoot, 'dist-electron', 'preload.cjs');
  const iconFile = path.join(appRoot, 'assets', 'icons', '512x512.png'); // Linux window icon
  const userData = app.getPath('userData');

  const grants = new PathGrants();
  const settings = createSettingsStore({ file: path.join(userData, 'settings.json'), log });
  const recovery = createRecoveryStore({ folder: path.join(userData, 'recovery'), log });
  const files = createFileService({
    grants,
    onUsed: (file) => {
      app.addRecentDocument(file);
      void settings.addRecentFile(file).then(rebuildMenu);
    },
  });
  const openPaths = new DeliveryQueue<string>();
  const menuCommands = new DeliveryQueue<MenuCommand>();

  let win: BrowserWindow | null = null;
  let doc: DocumentController | null = null;
  let quitting = false;

  function openFromOs(file: string): void {
    grants.grant(file);
    openPaths.push(file);
    if (app.isReady()) showWindow();
  }

  function showWindow(): BrowserWindow {
    if (win && !win.isDestroyed()) {
      if (win.isMinimized()) win.restore();
      win.focus();
      return win;
    }
    const created = createMainWindow(BrowserWindow, {
      preload,
      isPackaged: app.isPackaged,
      ...(existsSync(iconFile) ? { icon: iconFile } : {}),
    });
    win = created;
    doc = createDocumentController({
      win: created,
      platform: process.platform,
      ask: async (options) => (await dialog.showMessageBox(created, options)).response,
      requestSave: () => created.webContents.send(CHANNELS.closeRequest),
      onDiscard: async () => {
        await recovery.clear();
      },
      onCancelled: () => {
        quitting = false;
      },
    });
    created.once('ready-to-show', () => created.show());
    created.webContents.on('did-finish-load', () => {
      openPaths.attach((file) => created.webContents.send(CHANNELS.openPath, file));
      menuCommands.attach((command) => created.webContents.send(CHANNELS.menuCommand, command));
    });
    created.webContents.on('render-process-gone', (_event, details) => log(`renderer gone: ${details.reason}`));
    created.on('closed', () => {
      openPaths.attach(null);
      menuCommands.attach(null);
      win = null;
      doc = null;
    });
    void created.loadURL(APP_ENTRY_URL);
    return created;
  }

  function rebuildMenu(): void {
    const template = buildMenuTemplate(
      { platform: process.platform, appName: app.name, recentFiles: settings.get().recentFiles, isPackaged: app.isPackaged },
      {
        send: (command) => {
          menuCommands.push(command);
          showWindow();
        },
        openRecent: (file) => openFromOs(file),
        clearRecent: () => {
          app.clearRecentDocuments();
          void settings.clearRecentFiles().then(rebuildMenu);
        },
        closeWindow: () => BrowserWindow.getFocusedWindow()?.close(),
        showAbout: () => {
          const about = aboutText(app.name, app.getVersion(), process.versions);
          void (win ? dialog.showMessageBox(win, { ...about, buttons: ['OK'] }) : dialog.showMessageBox({ ...about, buttons: ['OK'] }));
        },
      },
    );
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  }

  for (const file of workbooksFromArgv(process.argv, process.cwd())) openFromOs(file);

  app.on('second-instance', (_event, argv, workingDirectory) => {
    for (const file of workbooksFromArgv(argv, workingDirectory)) openFromOs(file);
    showWindow();
  });
  // macOS: double-click in Finder or a drop on the Dock icon; may come before 'ready'.
  app.on('open-file', (event, file) => {
    event.preventDefault();
    if (/\.xlsx$/i.test(file)) openFromOs(file);
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, log));
  app.on('before-quit', () => {
    quitting = true;
  });
  // macOS keeps a document app running with no window, unless the user is quitting.
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin' || quitting) app.quit();
  });
  app.on('activate', () => {
    if (app.isReady()) showWindow();
  });

  void app.whenReady().then(async () => {
    hardenSession(session.defaultSession, log);
    protocol.handle(APP_SCHEME, createAppProtocolHandler({ root: rendererRoot, readFile: (file) => fs.readFile(file) }));
    for (const file of (await settings.load()).recentFiles) grants.grant(file);
    registerIpcHandlers(
      ipcMain,
      createHandlers({
        dialogs: {
          async chooseOpen() {
            const options = {
              properties: ['openFile' as const],
              filters: [{ name: 'Excel workbook', extensions: ['xlsx'] }],
            };
            const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
            return result.canceled ? null : (result.filePaths[0] ?? null);
          },
          async chooseSave(defaultName, kind) {
            const options = {
              defaultPath: path.join(app.getPath('documents'), defaultName),
              filters: [kind === 'pdf' ? { name: 'PDF', extensions: ['pdf'] } : { name: 'Excel workbook', extensions: ['xlsx'] }],
            };
            const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
            return result.canceled || !result.filePath ? null : result.filePath;
          },
        },
        files,
        grants,
        recovery,
        document: () => doc,
        printToPdf: async () => {
          if (!win) throw new Error('no window');
          // The page's print CSS (@page) sets size and margins; the renderer has switched to the Board Report.
          return win.webContents.printToPDF({ printBackground: true, preferCSSPageSize: true });
        },
        version: app.getVersion(),
      }),
      { isTrustedUrl: isAppUrl, log },
    );
    rebuildMenu();
    showWindow();
  });
}
