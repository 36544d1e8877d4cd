// The desktop app without Electron, shared by the bridge specs: the built
// renderer served exactly as the app:// protocol serves it (same handler, same
// CSP header), in Chromium, with a stand-in for the preload that forwards each
// call to the real main-process dispatch (sender check, schemas, handlers).
import type { Page } from '@playwright/test';
import { existsSync } from 'node:fs';
import { readFile as readBytes } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAppProtocolHandler } from '../../electron/app-protocol';
import type { InvokeMethod } from '../../electron/channels';
import { dispatch, type Handlers } from '../../electron/ipc';
import { createFileService, type PathGrants } from '../../electron/file-service';
import { createHandlers, type HandlerDeps } from '../../electron/ipc-handlers';
import { createRecoveryStore } from '../../electron/recovery';

export const rendererRoot = fileURLToPath(new URL('../../dist/renderer', import.meta.url));
export const chromium = process.env.PLAYWRIGHT_CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Why the bridge specs cannot run here, or null. */
export const bridgeMissing = !existsSync(chromium)
  ? `Chromium not found at ${chromium}`
  : !existsSync(path.join(rendererRoot, 'index.html'))
    ? 'dist/renderer not built (npm run build:renderer)'
    : null;

export const bridgeLaunchOptions = {
  executablePath: chromium,
  args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), '--disable-gpu', '--no-first-run'],
};

// Bytes cannot cross a Playwright binding as they are; both sides tag them.
type Wire = unknown;
export const toWire = (v: unknown): Wire =>
  v instanceof Uint8Array ? { __bytes: Buffer.from(v).toString('base64') }
  : Array.isArray(v) ? v.map(toWire)
  : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toWire(x)]))
  : v;
export const fromWire = (v: Wire): unknown =>
  v && typeof v === 'object' && '__bytes' in v ? new Uint8Array(Buffer.from(String((v as { __bytes: string }).__bytes), 'base64'))
  : Array.isArray(v) ? v.map(fromWire)
  : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, fromWire(x)]))
  : v;

/** What preload.ts exposes, rebuilt on top of the binding; runs before the page's scripts. */
export function fakePreload() {
  const w = window as unknown as Record<string, any>;
  const b64 = (u8: Uint8Array) => {
    let s = '';
    for (let i = 0; i < u8.length; i += 0x8000) s += String.fromCharCode(...u8.subarray(i, i + 0x8000));
    return btoa(s);
  };
  const enc = (v: any): any => v instanceof Uint8Array ? { __bytes: b64(v) }
    : Array.isArray(v) ? v.map(enc) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, enc(x)])) : v;
  const dec = (v: any): any => v && typeof v === 'object' && '__bytes' in v ? Uint8Array.from(atob(v.__bytes), (c) => c.charCodeAt(0))
    : Array.isArray(v) ? v.map(dec) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, dec(x)])) : v;
  const invoke = (method: string) => async (...args: unknown[]) => dec(await w.__bowtieInvoke(method, enc(args)));
  const set = <T,>() => new Set<(v: T) => void>();
  const menu = set<string>();
  const paths = set<string>();
  const early: string[] = [];
  const closes = set<void>();
  w.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => w.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  w.__menu = (c: string) => menu.forEach((l) => l(c));
  w.__openPath = (p: string) => (paths.size ? paths.forEach((l) => l(p)) : early.push(p));
  w.bowtie = Object.freeze({
    ...Object.fromEntries(['openFile', 'openActualsFile', 'readFile', 'saveFile', 'saveFileAs', 'writeRecovery', 'clearRecovery', 'takeRecovery',
      'setDocumentState', 'exportPdf', 'confirmClose', 'cancelClose', 'appVersion'].map((m) => [m, invoke(m)])),
    onMenuCommand: (l: (c: string) => void) => (menu.add(l), () => menu.delete(l)),
    onOpenPath: (l: (p: string) => void) => {
      paths.add(l);
      early.splice(0).forEach((p) => l(p));
      return () => paths.delete(l);
    },
    onCloseRequest: (l: () => void) => (closes.add(l), () => closes.delete(l)),
  });
}


/** Serves dist/renderer over http as app:// would; returns its origin and a stop. */
export async function serveRenderer(): Promise<{ origin: string; close: () => Promise<void> }> {
  const serve = createAppProtocolHandler({ root: rendererRoot, readFile: (f) => readBytes(f) });
  const server: Server = createServer((req, res) => {
    void (async () => {
      const response = await serve(new Request(`app://bowtie${req.url ?? '/'}`, { method: req.method ?? 'GET' }));
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
    })().catch((e: unknown) => { res.writeHead(500); res.end(String(e)); });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { origin, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** Puts the stand-in preload in the page, forwarding to `handlers` through the real dispatch. */
export async function installBridge(page: Page, origin: string, handlers: () => Handlers): Promise<void> {
  await page.exposeBinding('__bowtieInvoke', async (source, method: InvokeMethod, args: Wire) => {
    const result = await dispatch(method, handlers(), { isTrustedUrl: (u) => u.startsWith(`${origin}/`), log: () => undefined },
      { senderFrame: { url: source.frame.url() } }, fromWire(args) as unknown[]);
    return toWire(result);
  });
  await page.addInitScript(fakePreload);
}

/** The real main-process handlers on a temp folder, with the native dialogs (and printToPDF) stood in for. */
export function hostHandlers(dir: string, grants: PathGrants, given: Omit<HandlerDeps['dialogs'], 'chooseActuals'> & Partial<HandlerDeps['dialogs']>, printToPdf: HandlerDeps['printToPdf'] = async () => new Uint8Array()) {
  const dialogs: HandlerDeps['dialogs'] = { chooseActuals: async () => null, ...given };
  return createHandlers({
    dialogs,
    files: createFileService({ grants }),
    grants,
    recovery: createRecoveryStore({ folder: path.join(dir, 'userData', 'recovery') }),
    document: () => null,
    printToPdf,
    version: '0.0.0-test',
    log: () => undefined,
  });
}
