// Bowtie's main process: the start-up story, one named step after another,
// and the few pieces of state they share (the window, the document it shows,
// whether the user is quitting). What each step does is decided in the small
// modules of electron/, each tested on its own under tests/electron; this file
// owns the order and the wiring, and tests/electron/main.test.ts drives it
// against a fake `electron`.
import { app, BrowserWindow, dialog, ipcMain, Menu, MessageChannelMain, protocol, session } from 'electron';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { MenuCommand } from '@shared/desktop-api';
import { createAppProtocolHandler } from './app-protocol';
import { CHANNELS } from './channels';
import { DeliveryQueue } from './delivery-queue';
import { createFileService, PathGrants, type FileService } from './file-service';
import { registerIpcHandlers } from './ipc';
import { createHandlers, type NativeDialogs } from './ipc-handlers';
import { aboutText, buildMenuTemplate } from './menu';
import { workbooksFromArgv } from './open-from-os';
import { checkRecentFiles } from './recent-files';
import { createRecoveryStore, type RecoveryStore } from './recovery';
import { READER_PAGE, READER_PARTITION, createReaderWindow } from './reader-window';
import { APP_ENTRY_URL, APP_ORIGIN, APP_SCHEME, hardenSession, hardenWebContents, isAppUrl } from './security';
import { createSettingsStore, type SettingsStore } from './settings';
import { createDocumentController, createMainWindow, type DocumentController } from './window';
import { createWorkbookReaders, READER_LIMITS, readerLimitsFromEnv, registerReaderChannels } from './workbook-reader';

const log = (message: string, error?: unknown) => {
  if (error === undefined) console.error(`[bowtie] ${message}`);
  else console.error(`[bowtie] ${message}`, error);
};

// Before 'ready', as Electron requires; then one Bowtie per user.
registerAppScheme();
capRendererHeaps();
useTestDataFolderWhenAsked();
if (!app.requestSingleInstanceLock()) app.quit();
else start();

function start(): void {
  const where = appFolders();
  const services = createServices(where);
  const shell = createShell(where, services);
  acceptFilesFromTheOs(shell);
  followTheAppLifecycle(shell);
  void app.whenReady().then(async () => {
    hardenSession(session.defaultSession, log);
    serveTheApp(where);
    await grantTheCheckedRecentList(where, services);
    answerThePage(services, shell);
    readWorkbooksInAHiddenRenderer(where, shell);
    shell.rebuildMenu();
    shell.showWindow();
  });
}

// ---- before ready ----

/** app:// behaves like https (a real origin, fetch, a secure context); it must be declared before 'ready'. */
function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

/**
 * Every renderer's V8 heap is capped (the workbook reader's limit, docs/workbook.md);
 * the reader's whole process is also watched (workbook-reader.ts).
 */
function capRendererHeaps(): void {
  app.commandLine.appendSwitch('js-flags', `--max-old-space-size=${READER_LIMITS.heapMb}`);
}

/**
 * Tests give each run its own data folder (as Actual's e2e fixture does). Only
 * unpackaged: a shipped app always uses the OS's own place.
 */
function useTestDataFolderWhenAsked(): void {
  if (process.env.BOWTIE_USER_DATA_DIR && !app.isPackaged) app.setPath('userData', process.env.BOWTIE_USER_DATA_DIR);
}

// ---- the parts ----

interface Folders {
  rendererRoot: string;
  preload: string;
  /** the hidden workbook reader's preload: it only passes the read's port to its page */
  readerPreload: string;
  /** Linux window icon; absent in some development layouts. */
  icon: string | undefined;
  /** The app's own folder: settings and recovery copies, nothing of the user's choosing. */
  userData: string;
}

function appFolders(): Folders {
  const appRoot = app.getAppPath();
  const icon = path.join(appRoot, 'assets', 'icons', '512x512.png');
  return {
    rendererRoot: path.join(appRoot, 'dist', 'renderer'),
    preload: path.join(appRoot, 'dist-electron', 'preload.cjs'),
    readerPreload: path.join(appRoot, 'dist-electron', 'reader-preload.cjs'),
    icon: existsSync(icon) ? icon : undefined,
    userData: app.getPath('userData'),
  };
}

interface Services {
  grants: PathGrants;
  settings: SettingsStore;
  recovery: RecoveryStore;
  files: FileService;
  /** Files and menu commands for the page, held until it has loaded. */
  openPaths: DeliveryQueue<string>;
  menuCommands: DeliveryQueue<MenuCommand>;
  /** Set once the shell exists: a file opened or saved joins the recent list and the menu. */
  onFileUsed: (file: string) => void;
}

function createServices(where: Folders): Services {
  const grants = new PathGrants();
  const settings = createSettingsStore({ file: path.join(where.userData, 'settings.json'), log });
  const recovery = createRecoveryStore({ folder: path.join(where.userData, 'recovery'), log });
  const services: Services = {
    grants,
    settings,
    recovery,
    files: createFileService({ grants, onUsed: (file) => services.onFileUsed(file) }),
    openPaths: new DeliveryQueue<string>(),
    menuCommands: new DeliveryQueue<MenuCommand>(),
    onFileUsed: () => undefined,
  };
  return services;
}

/** The window, its document, the menu, and the files the OS hands over. */
interface Shell {
  showWindow(): BrowserWindow;
  rebuildMenu(): void;
  openFromOs(file: string): void;
  window(): BrowserWindow | null;
  document(): DocumentController | null;
  setQuitting(quitting: boolean): void;
  isQuitting(): boolean;
}

function createShell(where: Folders, services: Services): Shell {
  let win: BrowserWindow | null = null;
  let doc: DocumentController | null = null;
  let quitting = false;

  function showWindow(): BrowserWindow {
    if (win && !win.isDestroyed()) {
      if (win.isMinimized()) win.restore();
      win.focus();
      return win;
    }
    const created = createMainWindow(BrowserWindow, {
      preload: where.preload,
      isPackaged: app.isPackaged,
      ...(where.icon ? { icon: where.icon } : {}),
    });
    win = created;
    doc = createDocumentController({
      win: created,
      platform: process.platform,
      ask: async (options) => (await dialog.showMessageBox(created, options)).response,
      requestSave: () => created.webContents.send(CHANNELS.closeRequest),
      onDiscard: async () => {
        await services.recovery.clear();
      },
      onCancelled: () => {
        quitting = false;
      },
      log,
    });
    created.once('ready-to-show', () => created.show());
    created.webContents.on('did-finish-load', () => {
      services.openPaths.attach((file) => created.webContents.send(CHANNELS.openPath, file));
      services.menuCommands.attach((command) => created.webContents.send(CHANNELS.menuCommand, command));
    });
    created.webContents.on('render-process-gone', (_event, details) => log(`renderer gone: ${details.reason}`));
    created.on('closed', () => {
      services.openPaths.attach(null);
      services.menuCommands.attach(null);
      win = null;
      doc = null;
    });
    void created.loadURL(APP_ENTRY_URL);
    return created;
  }

  /** A file from the OS, the recent list or a second launch: the user chose it, so it is granted. */
  function openFromOs(file: string): void {
    if (!services.grants.grant(file)) {
      log(`not opening ${JSON.stringify(file)}: not a workbook path Bowtie accepts`);
      return;
    }
    services.openPaths.push(file);
    if (app.isReady()) showWindow();
  }

  function rebuildMenu(): void {
    const template = buildMenuTemplate(
      { platform: process.platform, appName: app.name, recentFiles: services.settings.get().recentFiles, isPackaged: app.isPackaged },
      {
        send: (command) => {
          services.menuCommands.push(command);
          showWindow();
        },
        openRecent: (file) => openFromOs(file),
        clearRecent: () => {
          app.clearRecentDocuments();
          void services.settings.clearRecentFiles().then(rebuildMenu);
        },
        closeWindow: () => BrowserWindow.getFocusedWindow()?.close(),
        showAbout: () => {
          const about = { ...aboutText(app.name, app.getVersion(), process.versions), buttons: ['OK'] };
          void (win ? dialog.showMessageBox(win, about) : dialog.showMessageBox(about));
        },
      },
    );
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  }

  services.onFileUsed = (file) => {
    app.addRecentDocument(file);
    void services.settings.addRecentFile(file).then(rebuildMenu);
  };

  return {
    showWindow,
    rebuildMenu,
    openFromOs,
    window: () => win,
    document: () => doc,
    setQuitting: (value) => {
      quitting = value;
    },
    isQuitting: () => quitting,
  };
}

// ---- the steps ----

/** Double-clicked workbooks: on the first launch's command line, from a second launch, and macOS's open-file. */
function acceptFilesFromTheOs(shell: Shell): void {
  for (const file of workbooksFromArgv(process.argv, process.cwd())) shell.openFromOs(file);
  app.on('second-instance', (_event, argv, workingDirectory) => {
    for (const file of workbooksFromArgv(argv, workingDirectory)) shell.openFromOs(file);
    shell.showWindow();
  });
  // macOS: a double-click in Finder or a drop on the Dock icon; may come before 'ready'.
  app.on('open-file', (event, file) => {
    event.preventDefault();
    if (/\.xlsx$/i.test(file)) shell.openFromOs(file);
  });
}

/** Every web contents hardened as it is made; quitting and the macOS no-window state. */
function followTheAppLifecycle(shell: Shell): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, log));
  app.on('before-quit', () => shell.setQuitting(true));
  // macOS keeps a document app running with no window, unless the user is quitting.
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin' || shell.isQuitting()) app.quit();
  });
  app.on('activate', () => {
    if (app.isReady()) shell.showWindow();
  });
}

/** Our own pages over app://, each with the CSP header (app-protocol.ts). */
function serveTheApp(where: Folders): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler({ root: where.rendererRoot, readFile: (file) => fs.readFile(file) }));
}

/** The recent list is the only grant that outlives a run: checked again before anything on it is granted (recent-files.ts). */
async function grantTheCheckedRecentList(where: Folders, services: Services): Promise<void> {
  const listed = (await services.settings.load()).recentFiles;
  const { kept, dropped } = await checkRecentFiles(listed, { appFolder: where.userData });
  for (const { file, reason } of dropped) log(`dropped from the recent list: ${JSON.stringify(file)} (${reason})`);
  for (const file of kept) services.grants.grant(file);
  if (dropped.length > 0) await services.settings.setRecentFiles(kept);
}

/** The DesktopApi calls, each checked for its sender and its arguments (ipc.ts, ipc-schemas.ts). */
function answerThePage(services: Services, shell: Shell): void {
  registerIpcHandlers(
    ipcMain,
    createHandlers({
      dialogs: nativeDialogs(shell),
      files: services.files,
      grants: services.grants,
      recovery: services.recovery,
      document: () => shell.document(),
      printToPdf: async () => {
        const win = shell.window();
        if (!win) throw new Error('no window');
        // The page's print CSS (@page) sets size and margins; the renderer has switched to the Board Report.
        return win.webContents.printToPDF({ printBackground: true, preferCSSPageSize: true });
      },
      version: app.getVersion(),
      log,
    }),
    { isTrustedUrl: isAppUrl, log },
  );
}

/**
 * Untrusted workbooks are parsed in a hidden reader renderer that main can kill
 * (workbook-reader.ts): its own partition, hardened and served like the default
 * session, and the two reader channels, from the workspace only.
 */
function readWorkbooksInAHiddenRenderer(where: Folders, shell: Shell): void {
  const readerSession = session.fromPartition(READER_PARTITION);
  hardenSession(readerSession, log);
  readerSession.protocol.handle(APP_SCHEME, createAppProtocolHandler({ root: where.rendererRoot, readFile: (file) => fs.readFile(file) }));
  const readers = createWorkbookReaders({
    createReader: () => createReaderWindow(BrowserWindow, { preload: where.readerPreload }),
    createChannel: () => new MessageChannelMain(),
    processMetrics: () => app.getAppMetrics(),
    url: `${APP_ORIGIN}/${READER_PAGE}`,
    log,
    limits: () => readerLimitsFromEnv(process.env, app.isPackaged),
  });
  registerReaderChannels(ipcMain, readers, {
    isWorkspace: (sender) => sender === shell.window()?.webContents,
    isTrustedUrl: isAppUrl,
    log,
  });
  app.on('before-quit', () => readers.stopAll());
}

/** Open and Save dialogs, attached to the window when there is one. */
function nativeDialogs(shell: Shell): NativeDialogs {
  return {
    async chooseOpen() {
      // A billing export chosen here is imported as actuals (ipc-handlers.ts: openFile).
      const options = {
        properties: ['openFile' as const],
        filters: [
          { name: 'Workbook or billing export', extensions: ['xlsx', 'csv'] },
          { name: 'Excel workbook', extensions: ['xlsx'] },
          { name: 'Billing export (CSV)', extensions: ['csv'] },
        ],
      };
      const win = shell.window();
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async chooseActuals() {
      const options = { properties: ['openFile' as const], filters: [{ name: 'Billing export', extensions: ['csv', 'xlsx'] }] };
      const win = shell.window();
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async chooseSave(defaultName, kind) {
      const options = {
        defaultPath: path.join(app.getPath('documents'), defaultName),
        filters: [kind === 'pdf' ? { name: 'PDF', extensions: ['pdf'] } : { name: 'Excel workbook', extensions: ['xlsx'] }],
      };
      const win = shell.window();
      const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
  };
}
