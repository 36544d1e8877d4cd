// What the workspace needs from its host: the desktop bridge's API
// (shared/desktop-api.ts) and which host it is. desktop-platform.ts forwards to
// `window.bowtie` one to one; browser-platform.ts stands in with the File System
// Access API, downloads and localStorage.
import type { DesktopApi, MenuCommand, OpenedFile, RecoveryCopy, Result } from '@shared/desktop-api';

export type { MenuCommand, OpenedFile, RecoveryCopy, Result };

export interface Platform extends DesktopApi {
  kind: 'desktop' | 'browser';
  /** In the browser the picked File comes along (empty `bytes`), so the import streams it. */
  openActualsFile(): Promise<Result<(OpenedFile & { file?: Blob }) | null>>;
}
