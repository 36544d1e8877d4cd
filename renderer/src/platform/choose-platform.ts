// Desktop when the Electron preload exposed `window.bowtie`, the browser otherwise.
import type { DesktopApi } from '@shared/desktop-api';
import { createBrowserPlatform } from './browser-platform';
import { createDesktopPlatform } from './desktop-platform';
import type { Platform } from './platform';

export function choosePlatform(win: Window = window): Platform {
  const api = (win as Window & { bowtie?: DesktopApi }).bowtie;
  return api ? createDesktopPlatform(api) : createBrowserPlatform();
}

let current: Platform | null = null;
export function platform(): Platform {
  return (current ??= choosePlatform());
}
