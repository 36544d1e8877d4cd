// Settings (for now: the recent files) persisted as JSON in userData. A
// malformed file is logged and replaced with defaults, never fatal (Signal's
// `base_config`): a bad settings file must not stop anyone opening a workbook.
import nodeFs from 'node:fs/promises';
import path from 'node:path';
import { isCode, writeFileAtomic, type AtomicFs } from '../node/atomic-write';

export const MAX_RECENT = 10;

export interface Settings {
  recentFiles: string[];
}

export const DEFAULT_SETTINGS: Settings = { recentFiles: [] };

/** The settings a JSON value describes, or null if it is not a settings object. */
export function parseSettings(value: unknown): Settings | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const recent = (value as Record<string, unknown>).recentFiles;
  if (!Array.isArray(recent) || !recent.every((p): p is string => typeof p === 'string' && p.length > 0)) return null;
  return { recentFiles: recent.slice(0, MAX_RECENT) };
}

/** Most recent first, no duplicates, at most MAX_RECENT. */
export function addRecent(list: readonly string[], file: string): string[] {
  return [file, ...list.filter((p) => p !== file)].slice(0, MAX_RECENT);
}

export interface SettingsDeps {
  file: string;
  fs?: AtomicFs;
  log?: (message: string, error?: unknown) => void;
}

export function createSettingsStore(deps: SettingsDeps) {
  const log = deps.log ?? (() => undefined);
  let current: Settings = DEFAULT_SETTINGS;

  async function load(): Promise<Settings> {
    let text: string;
    try {
      text = await nodeFs.readFile(deps.file, 'utf8');
    } catch (error) {
      if (!isCode(error, 'ENOENT')) log(`settings unreadable, using defaults: ${deps.file}`, error);
      current = DEFAULT_SETTINGS;
      return current;
    }
    let parsed: Settings | null = null;
    try {
      parsed = parseSettings(JSON.parse(text));
    } catch {
      parsed = null;
    }
    if (parsed === null) {
      log(`settings malformed, replaced with defaults: ${deps.file}`);
      current = DEFAULT_SETTINGS;
      await save(current);
    } else {
      current = parsed;
    }
    return current;
  }

  async function save(next: Settings): Promise<void> {
    current = next;
    try {
      await nodeFs.mkdir(path.dirname(deps.file), { recursive: true });
      await writeFileAtomic(deps.file, new TextEncoder().encode(`${JSON.stringify(next, null, 2)}\n`), { ...(deps.fs ? { fs: deps.fs } : {}), newFileMode: 0o600 });
    } catch (error) {
      // Losing the recent list is an inconvenience, not a reason to interrupt the user.
      log('settings could not be saved', error);
    }
  }

  return {
    load,
    get: (): Settings => current,
    addRecentFile: (file: string) => save({ ...current, recentFiles: addRecent(current.recentFiles, file) }),
    clearRecentFiles: () => save({ ...current, recentFiles: [] }),
    /** The list after the launch-time check (recent-files.ts). */
    setRecentFiles: (files: string[]) => save({ ...current, recentFiles: files.slice(0, MAX_RECENT) }),
  };
}

export type SettingsStore = ReturnType<typeof createSettingsStore>;
