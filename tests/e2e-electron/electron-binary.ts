// Where the Electron binary is, or why there is none, WITHOUT downloading it.
// Since Electron 42 the npm package has no install step: `require('electron')`
// runs `install.js` synchronously to fetch the binary on first use, which on
// a machine that cannot reach the download host fails (or, behind a firewall
// that drops packets, waits for the network's timeout). So this reads the
// package's own marker instead, as its index.js does: `path.txt` names the
// executable inside `dist/`, and exists only once a download succeeded.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export type ElectronBinary = { path: string } | { missing: string };

function packageDir(): string | null {
  try {
    return path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return null;
  }
}

export function electronBinary(dir: string | null = packageDir(), env: NodeJS.ProcessEnv = process.env): ElectronBinary {
  if (dir === null) return { missing: 'the electron package is not installed (npm install)' };
  const version = (JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version;
  const pathFile = path.join(dir, 'path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const overridden = path.join(env.ELECTRON_OVERRIDE_DIST_PATH, executable ?? 'electron');
    return existsSync(overridden) ? { path: overridden } : { missing: `ELECTRON_OVERRIDE_DIST_PATH names ${overridden}, which does not exist` };
  }
  if (executable === null) {
    return {
      missing: `Electron ${version}'s binary was never downloaded (it is fetched on first use since Electron 42; ` +
        'run `npx install-electron` where its download host is reachable, or set ELECTRON_OVERRIDE_DIST_PATH)',
    };
  }
  const full = path.join(dir, 'dist', executable);
  if (!existsSync(full)) return { missing: `${full} does not exist (an interrupted download?)` };
  return { path: full };
}
