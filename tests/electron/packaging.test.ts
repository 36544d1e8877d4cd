// What `npm run dist` will build, checked without building it (the Electron
// binary cannot be downloaded here): the config passes electron-builder's own
// schema, the fuses are off, .xlsx is associated, and the icons are real images.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load(text: string): unknown };
const config = yaml.load(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as Record<string, any>;
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own configuration schema', async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config');
    const { DebugLogger } = require('builder-util');
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('turns off run-as-node, NODE_OPTIONS and --inspect in the packaged binary', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('builds a dmg, an nsis installer and an AppImage, and associates .xlsx', () => {
    expect([config.mac.target, config.win.target, config.linux.target]).toEqual(['dmg', 'nsis', 'AppImage']);
    expect(config.fileAssociations).toEqual([expect.objectContaining({ ext: 'xlsx', role: 'Editor' })]);
  });

  it('ships the bundles package.json points at', () => {
    expect(config.files).toContain(pkg.main);
    expect(config.files).toContain('dist-electron/preload.cjs');
    expect(config.files).toContain('dist/renderer/**');
  });

  it('ships every bundle build-electron.mjs makes (the workbook reader\'s preload too), and the reader page', () => {
    const script = readFileSync(path.join(root, 'scripts', 'build-electron.mjs'), 'utf8');
    const outputs = [...script.matchAll(/'(dist-electron\/[\w-]+\.cjs)'/g)].map((m) => m[1]);
    expect(outputs).toEqual(expect.arrayContaining(['dist-electron/main.cjs', 'dist-electron/preload.cjs', 'dist-electron/reader-preload.cjs']));
    for (const bundle of outputs) expect(config.files).toContain(bundle);
    expect(readFileSync(path.join(root, 'renderer', 'vite.config.ts'), 'utf8')).toMatch(/reader: fileURLToPath\(new URL\('\.\/reader\.html'/);
  });
});

describe('icons', () => {
  const read = (file: string) => readFileSync(path.join(root, file));
  const pngSize = (buf: Buffer) => [buf.readUInt32BE(16), buf.readUInt32BE(20)];

  it.each([['assets/icons/512x512.png', 512], ['assets/icons/256x256.png', 256], ['assets/icon.png', 1024]])('%s is a %i px PNG', (file, size) => {
    const buf = read(file);
    expect(buf.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(pngSize(buf)).toEqual([size, size]);
  });

  it('the .ico holds sizes up to 256 px and the .icns up to 1024 px', () => {
    const ico = read(config.win.icon);
    expect(ico.readUInt16LE(2)).toBe(1);
    const count = ico.readUInt16LE(4);
    expect(Array.from({ length: count }, (_, i) => ico[6 + 16 * i] || 256)).toContain(256);
    const icns = read(config.mac.icon);
    expect(icns.subarray(0, 4).toString('latin1')).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    expect(icns.includes(Buffer.from('ic10'))).toBe(true);
  });
});
