// Bundles the Electron main process and preload with esbuild:
//   electron/main.ts    → dist-electron/main.cjs    (Node, CommonJS)
//   electron/preload.ts → dist-electron/preload.cjs (sandboxed: only 'electron' may be required)
//   electron/reader-preload.ts → dist-electron/reader-preload.cjs (the hidden workbook reader's, likewise)
// The preload is built for the browser platform so that an accidental Node
// import fails the build instead of failing at run time in the sandbox.
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const watch = process.argv.includes('--watch');
// Targets at or below what Electron 41–45 ship, so esbuild never emits syntax they lack.
const common = {
  bundle: true,
  format: 'cjs',
  external: ['electron'],
  sourcemap: 'linked',
  logLevel: 'info',
  legalComments: 'none',
  // `@shared/…` is shared/ (tsconfig.base.json paths).
  alias: { '@shared': path.join(root, 'shared') },
};

const targets = [
  { ...common, entryPoints: [path.join(root, 'electron/main.ts')], outfile: path.join(root, 'dist-electron/main.cjs'), platform: 'node', target: 'node22' },
  { ...common, entryPoints: [path.join(root, 'electron/preload.ts')], outfile: path.join(root, 'dist-electron/preload.cjs'), platform: 'browser', target: 'chrome130' },
  { ...common, entryPoints: [path.join(root, 'electron/reader-preload.ts')], outfile: path.join(root, 'dist-electron/reader-preload.cjs'), platform: 'browser', target: 'chrome130' },
];

try {
  if (watch) {
    const { context } = await import('esbuild');
    for (const options of targets) await (await context(options)).watch();
  } else {
    await Promise.all(targets.map((options) => build(options)));
  }
} catch {
  // esbuild has already printed the errors.
  process.exit(1);
}
