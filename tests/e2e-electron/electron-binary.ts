// Where the Electron binary is, or why there is none. `require('electron')`
// from Node returns the executable's path, or throws when the postinstall
// download never happened (ELECTRON_SKIP_BINARY_DOWNLOAD, no network).
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

export function electronBinary(): { path: string } | { missing: string } {
  let executable: unknown;
  try {
    executable = createRequire(import.meta.url)('electron');
  } catch (error) {
    return { missing: error instanceof Error ? error.message.split('\n')[0]! : String(error) };
  }
  if (typeof executable !== 'string') return { missing: 'require("electron") did not return a path' };
  if (!existsSync(executable)) return { missing: `${executable} does not exist` };
  return { path: executable };
}
