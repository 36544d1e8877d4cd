// Everything that keeps the window a closed box lives here (as in Actual's
// `desktop-electron/security.ts`): no navigation, no new windows, no
// <webview>, no permissions, no network. The only page is our own app://
// origin; `isAppUrl` is the one check every other decision leans on.

export const APP_SCHEME = 'app';
export const APP_HOST = 'bowtie';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** True only for URLs of our own packaged pages: app://bowtie/… and nothing that merely looks like it. */
export function isAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/**
 * Requests the page may make: its own files, plus data:/blob: URLs it created
 * itself (chart images, worker code, the exported workbook). Everything else,
 * http(s) and file:// included, is cancelled.
 */
export function isAllowedRequest(url: string): boolean {
  if (isAppUrl(url)) return true;
  return /^(data|blob):/i.test(url) || /^devtools:\/\//i.test(url);
}

/**
 * Strict CSP, sent as a response header by the app:// protocol.
 * - style-src 'unsafe-inline': AG Grid injects <style> elements and it and
 *   ECharts set inline styles (without it the desktop-bridge e2e test sees
 *   dozens of style-src-elem violations); scripts stay 'self' only (no eval,
 *   no inline script).
 * - worker-src blob:: Vite may inline small workers as blob: URLs.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self' data: blob:",
  "worker-src 'self' blob:",
  "manifest-src 'none'",
  "media-src 'none'",
  "object-src 'none'",
  "frame-src 'none'",
  "child-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

// Structural slices of Electron's WebContents and Session, so the tests can
// drive this module with plain fakes.
export interface PreventableEvent {
  preventDefault(): void;
}
export interface WebContentsLike {
  on(event: 'will-navigate' | 'will-redirect' | 'will-frame-navigate', listener: (event: PreventableEvent, url?: unknown) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}
export interface SessionLike {
  setPermissionRequestHandler(handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string) => boolean): void;
  setDevicePermissionHandler?(handler: () => boolean): void;
  webRequest: {
    onBeforeRequest(listener: (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void): void;
  };
}

export type SecurityLog = (message: string) => void;

/** Applied to every WebContents the app creates (app 'web-contents-created'). */
export function hardenWebContents(contents: WebContentsLike, log: SecurityLog): void {
  // The app is a single page: any navigation, even to app://, is a bug or an
  // attack. (In-page hash changes and our own loadURL do not fire these.)
  const deny = (kind: string) => (event: PreventableEvent, url?: unknown) => {
    event.preventDefault();
    log(`denied ${kind} to ${describe(url ?? event)}`);
  };
  contents.on('will-navigate', deny('navigation'));
  contents.on('will-redirect', deny('redirect'));
  // Sub-frames too (the CSP already forbids frames; this is the second lock).
  contents.on('will-frame-navigate', deny('frame navigation'));
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log('denied <webview>');
  });
  contents.setWindowOpenHandler(({ url }) => {
    log(`denied window.open to ${describe(url)}`);
    return { action: 'deny' };
  });
}

/** Applied to the default session before the window loads. */
export function hardenSession(session: SessionLike, log: SecurityLog): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    log(`denied permission request: ${permission}`);
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler?.(() => false);
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequest(details.url);
    if (!allowed) log(`blocked request to ${describe(details.url)}`);
    callback({ cancel: !allowed });
  });
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.slice(0, 200));
  if (value && typeof value === 'object' && 'url' in value && typeof value.url === 'string') return describe(value.url);
  return '(unknown)';
}
