// Files the OS hands us: on the command line at first launch (Windows, Linux,
// the .xlsx association), in a second launch's argv (forwarded by the
// single-instance lock), or as macOS 'open-file' events.
import path from 'node:path';

/** The workbook paths in an argv: .xlsx arguments that are not switches, resolved against the launch folder. */
export function workbooksFromArgv(argv: readonly string[], cwd: string): string[] {
  // argv[0] is the executable; in development argv[1] is the app folder ('.').
  return argv
    .slice(1)
    .filter((arg) => !arg.startsWith('-') && /\.xlsx$/i.test(arg))
    .map((arg) => path.resolve(cwd, arg));
}
