// What the app loads before its first figure: the static (value) imports reachable
// from renderer/src/main.tsx. ECharts (~1 MB) and ExcelJS (~1 MB) belong to the
// lazily loaded sheets and the workers; one stray import through a barrel file puts
// them back on every cold start, as happened with shared/report/index → render-svg.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');

/** Specifiers a module imports for their values: no `import type`, no `import()`. */
function valueImports(file: string): string[] {
  const src = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const out: string[] = [];
  for (const st of src.statements) {
    if (ts.isImportDeclaration(st) && !st.importClause?.isTypeOnly) {
      const named = st.importClause?.namedBindings;
      const onlyTypes = !st.importClause?.name && named && ts.isNamedImports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly);
      if (!onlyTypes) out.push((st.moduleSpecifier as ts.StringLiteral).text);
    }
    if (ts.isExportDeclaration(st) && !st.isTypeOnly && st.moduleSpecifier) out.push((st.moduleSpecifier as ts.StringLiteral).text);
  }
  return out;
}

function resolveLocal(from: string, spec: string): string | null {
  // '@shared/…' is shared/ (tsconfig.base.json paths)
  const base = spec.startsWith('@shared/') ? join(ROOT, 'shared', spec.slice('@shared/'.length).replace(/\.js$/, '')) : resolve(dirname(from), spec.replace(/\.js$/, ''));
  for (const c of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) if (/\.tsx?$/.test(c) && existsSync(c)) return c;
  return null; // a stylesheet or an asset
}

/** Packages reached from `entry`, each with the chain of modules that reaches it. */
export function packagesReached(entry: string): Map<string, string[]> {
  const packages = new Map<string, string[]>();
  const seen = new Set<string>();
  const walk = (file: string, chain: string[]) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const spec of valueImports(file)) {
      if (spec.startsWith('.') || spec.startsWith('@shared/')) {
        const next = resolveLocal(file, spec);
        if (next) walk(next, [...chain, relative(ROOT, next)]);
      } else {
        const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!;
        if (!packages.has(name)) packages.set(name, chain);
      }
    }
  };
  walk(entry, [relative(ROOT, entry)]);
  return packages;
}

describe('the start-up bundle', () => {
  const reached = packagesReached(join(ROOT, 'renderer/src/main.tsx'));

  it('loads React and AG Grid (the check sees the start-up graph at all)', () => {
    expect([...reached.keys()]).toEqual(expect.arrayContaining(['react', 'ag-grid-community', 'decimal.js']));
  });

  it.each(['echarts', 'exceljs', 'papaparse'])('does not load %s (a lazily loaded sheet or a worker does)', (pkg) => {
    expect(reached.get(pkg), `reached through ${reached.get(pkg)?.join(' → ')}`).toBeUndefined();
  });
});
