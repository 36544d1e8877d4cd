// The recent list is the one grant that outlives a run: every path on it may
// be opened again without a dialog. So at each launch it is checked again
// before anything on it is granted (issue 9 §4): an entry stays only if it is
// still a workbook path the schemas accept, outside the app's own folder (a
// recovery copy or the settings are never documents), and still a regular file.
// Entries on a network share are kept without touching them: an offline laptop
// would wait on each at every start, and a share is reached only when the user
// picks it from the menu.
import nodeFs from 'node:fs/promises';
import path from 'node:path';
import { workbookPathProblem } from './ipc-schemas';

export interface RecentCheckDeps {
  /** The app's own data folder (userData). */
  appFolder: string;
  stat?: (file: string) => Promise<{ isFile(): boolean }>;
}

export interface RecentCheck {
  kept: string[];
  dropped: { file: string; reason: string }[];
}

export const isNetworkPath = (file: string): boolean => /^[\\/]{2}[^\\/?.]/.test(file);

function inside(folder: string, file: string): boolean {
  const relative = path.relative(path.resolve(folder), path.resolve(file));
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

export async function checkRecentFiles(list: readonly string[], deps: RecentCheckDeps): Promise<RecentCheck> {
  const stat = deps.stat ?? ((file: string) => nodeFs.stat(file));
  const kept: string[] = [];
  const dropped: RecentCheck['dropped'] = [];
  const seen = new Set<string>();
  for (const file of list) {
    const problem = workbookPathProblem(file);
    const reason = problem
      ? problem
      : inside(deps.appFolder, file)
        ? 'inside Bowtie’s own data folder'
        : seen.has(path.resolve(file))
          ? 'listed twice'
          : isNetworkPath(file)
            ? null
            : await stat(file).then(
                (info) => (info.isFile() ? null : 'not a regular file'),
                (error: unknown) => `cannot be reached (${(error as { code?: string }).code ?? String(error)})`,
              );
    if (reason === null) {
      kept.push(file);
      seen.add(path.resolve(file));
    } else {
      dropped.push({ file, reason });
    }
  }
  return { kept, dropped };
}
