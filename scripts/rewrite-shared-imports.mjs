// Outside shared/, shared/ is imported through the `@shared/…` alias
// (tsconfig.base.json paths), never by a relative path such as
// '../../../../shared/index'. This rewrites every relative import that reaches
// into shared/ to the alias, in place; run again, it changes nothing.
//
//   node scripts/rewrite-shared-imports.mjs [--check] [--root DIR] [folder …]
//
// Folders default to every one outside shared/ (renderer, electron, cli,
// scripts, tests). --check rewrites nothing: it prints `file:line: import` for
// each relative import of shared/ and exits 1 if there is any
// (tests/architecture/shared-imports.test.ts runs it so).
// Module specifiers only: `from '…'`, `import '…'`, `import('…')`, vi.mock('…')
// and vi.importActual('…'). A `new URL('…', import.meta.url)` is a file's
// address, not a module, and stays as it is.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const DEFAULT_FOLDERS = ['renderer', 'electron', 'cli', 'scripts', 'tests'];
const SOURCE = /\.(ts|tsx|mts|cts|mjs|js)$/;
const SKIP = new Set(['node_modules', 'dist', 'dist-electron', '.tsbuild', 'test-results']);
// group 1: what comes before the quote; 2: the quote; 3: the relative specifier
const SPECIFIER = /(\bfrom\s+|\bimport\s*\(\s*|\bimport\s+|\bvi\.mock\(\s*|\bvi\.importActual(?:<[^>]*>)?\(\s*)(['"])(\.\.?\/[^'"\n]*)\2/g;

function sourceFiles(dir) {
  let names;
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    if (SKIP.has(name)) return [];
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sourceFiles(file);
    return SOURCE.test(name) && !/\.d\.[mc]?ts$/.test(name) ? [file] : [];
  });
}

/** `text` of `file` with its relative imports of `<root>/shared/…` as `@shared/…`, and what changed. */
export function rewriteSharedImports(text, file, root) {
  const shared = path.join(root, 'shared');
  const changes = [];
  const out = text.replace(SPECIFIER, (match, before, quote, spec, offset) => {
    const target = path.resolve(path.dirname(file), spec);
    if (!target.startsWith(shared + path.sep)) return match;
    const alias = `@shared/${path.relative(shared, target).split(path.sep).join('/')}`;
    changes.push({ line: text.slice(0, offset).split('\n').length, from: spec, to: alias });
    return `${before}${quote}${alias}${quote}`;
  });
  return { text: out, changes };
}

function main(argv) {
  const check = argv.includes('--check');
  const rootAt = argv.indexOf('--root');
  const root = path.resolve(rootAt >= 0 ? argv[rootAt + 1] : path.join(path.dirname(fileURLToPath(import.meta.url)), '..'));
  const folders = argv.filter((a, i) => !a.startsWith('--') && (rootAt < 0 || i !== rootAt + 1));
  let found = 0;
  let files = 0;
  for (const folder of folders.length > 0 ? folders : DEFAULT_FOLDERS) {
    if (folder === 'shared' || folder.startsWith('shared/')) continue; // shared/'s own imports stay relative
    for (const file of sourceFiles(path.join(root, folder))) {
      const before = readFileSync(file, 'utf8');
      const { text, changes } = rewriteSharedImports(before, file, root);
      if (changes.length === 0) continue;
      found += changes.length;
      files += 1;
      const shown = path.relative(root, file);
      for (const c of changes) console.log(`${shown}:${c.line}: '${c.from}' ${check ? 'should be' : '→'} '${c.to}'`);
      if (!check) writeFileSync(file, text);
    }
  }
  if (check && found > 0) {
    console.error(`${found} relative import${found === 1 ? '' : 's'} of shared/ in ${files} file${files === 1 ? '' : 's'}: run node scripts/rewrite-shared-imports.mjs`);
    process.exit(1);
  }
  if (!check) console.error(`rewrote ${found} import${found === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main(process.argv.slice(2));
