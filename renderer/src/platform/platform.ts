// What the workspace needs from its host, mirroring shared/desktop-api.ts so the
// desktop implementation (desktop-platform.ts, owned by the Electron work) can
// forward to `window.bowtie` one to one, and the browser one (browser-platform.ts)
// can stand in with the File System Access API, downloads and localStorage.
import type { DesktopApi, MenuCommand, OpenedFile, RecoveryCopy, Result } from '../../../shared/desktop-api';

export type { MenuCommand, OpenedFile, RecoveryCopy, Result };

export interface Platform extends DesktopApi {
  kind: 'desktop' | 'browser';
}

/**
 * How desktop-platform.ts plugs in: it exports `createDesktopPlatform(api)`.
 * choose-platform.ts picks it when `window.bowtie` exists.
 */
export type CreateDesktopPlatform = (api: DesktopApi) => Platform;
