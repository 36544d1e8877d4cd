// Desktop when the Electron preload exposed `window.bowtie`, the browser otherwise.
import type { DesktopApi } from '@shared/desktop-api';
import { createBrowserPlatform } from './browser-platform';
import { createDesktopPlatform } from './desktop-platform';
import type { Platform } from './platform';
import { documentStore } from '../store/document-store';
import { suggestedFileName } from './save-name';

export function choosePlatform(win: Window = window): Platform {
  const api = (win as Window & { bowtie?: DesktopApi }).bowtie;
  const host = api ? createDesktopPlatform(api) : createBrowserPlatform();
  // Save As suggests the model's name for a document never saved (save-name.ts).
  return { ...host, saveFileAs: (name, bytes) => host.saveFileAs(suggestedFileName(name, documentStore.getState().inputs.general.name), bytes) };
}

let current: Platform | null = null;
export function platform(): Platform {
  return (current ??= choosePlatform());
}
