// Desktop when the Electron preload exposed `window.bowtie`, the browser otherwise.
// desktop-platform.ts is written by the Electron work; it is looked up with a
// glob so the workspace builds before it exists.
import type { DesktopApi } from '../../../shared/desktop-api';
import { createBrowserPlatform } from './browser-platform';
import type { CreateDesktopPlatform, Platform } from './platform';

const desktopModules = import.meta.glob<{ createDesktopPlatform?: CreateDesktopPlatform }>('./desktop-platform.ts', { eager: true });

export function choosePlatform(win: Window = window): Platform {
  const api = (win as Window & { bowtie?: DesktopApi }).bowtie;
  if (api) {
    const create = Object.values(desktopModules)[0]?.createDesktopPlatform;
    return create ? create(api) : { ...api, kind: 'desktop' };
  }
  return createBrowserPlatform();
}

let current: Platform | null = null;
export function platform(): Platform {
  return (current ??= choosePlatform());
}
