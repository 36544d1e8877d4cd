// The smoke test's look-up of the Electron binary must never start a download
// (Electron ≥ 42 fetches it on first `require('electron')`), and must say why
// it is missing. A fake package folder stands for node_modules/electron.
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDirEachTest } from '../support/temp-dir';
import { electronBinary } from '../e2e-electron/electron-binary';

const tempDir = tempDirEachTest('bowtie-electron-pkg-');

async function fakePackage(files: Record<string, string>): Promise<string> {
  const dir = tempDir();
  // index.js would download; if electronBinary ever required it, this throws.
  await writeFile(path.join(dir, 'index.js'), "throw new Error('index.js was loaded: that starts a download');");
  await writeFile(path.join(dir, 'package.json'), JSON.stringify({ name: 'electron', version: '45.5.0', main: 'index.js' }));
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), text);
  }
  return dir;
}

describe('electronBinary', () => {
  it('a package whose binary was never downloaded is reported missing, with the reason and the remedy', async () => {
    const found = electronBinary(await fakePackage({}), {});
    expect(found).toEqual({ missing: expect.stringMatching(/Electron 45\.5\.0's binary was never downloaded.*first use.*npx install-electron/) });
  });

  it('a download that left path.txt but no executable is reported missing', async () => {
    const dir = await fakePackage({ 'path.txt': 'electron' });
    expect(electronBinary(dir, {})).toEqual({ missing: expect.stringContaining(path.join(dir, 'dist', 'electron')) });
  });

  it('a downloaded binary is found where path.txt says', async () => {
    const dir = await fakePackage({ 'path.txt': 'electron', 'dist/electron': '#!/bin/sh\n' });
    await chmod(path.join(dir, 'dist', 'electron'), 0o755);
    expect(electronBinary(dir, {})).toEqual({ path: path.join(dir, 'dist', 'electron') });
  });

  it('ELECTRON_OVERRIDE_DIST_PATH is honoured, as Electron’s own index.js does', async () => {
    const dir = await fakePackage({ 'own/electron': 'binary' });
    expect(electronBinary(dir, { ELECTRON_OVERRIDE_DIST_PATH: path.join(dir, 'own') })).toEqual({ path: path.join(dir, 'own', 'electron') });
    expect(electronBinary(dir, { ELECTRON_OVERRIDE_DIST_PATH: path.join(dir, 'none') })).toEqual({ missing: expect.stringContaining('does not exist') });
  });

});
