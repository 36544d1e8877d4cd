// What the app loads before its first figure: the static (value) imports reachable
// from renderer/src/main.tsx. ECharts (~1 MB) and ExcelJS (~1 MB) belong to the
// workers; one stray import through a barrel file puts them back on every cold
// start, as happened with shared/report/index → render-svg. Nor may a lazily
// loaded sheet reach them: the sheets' code is fetched and evaluated on the main
// thread when the app is idle, and ExcelJS there (through shared/actuals/index)
// held the page for 130 ms as the Board Report opened (issue 23).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');

/** Specifiers a module imports for their values: no `import type`; `import()` too when `dynamic`. */
function valueImports(file: string, dynamic = false): string[] {
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
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) out.push(node.arguments[0].text);
    ts.forEachChild(node, visit);
  };
  if (dynamic) visit(src);
  return out;
}

function resolveLocal(from: string, spec: string): string | null {
  // '@shared/…' is shared/ (tsconfig.base.json paths)
  const base = spec.startsWith('@shared/') ? join(ROOT, 'shared', spec.slice('@shared/'.length).replace(/\.js$/, '')) : resolve(dirname(from), spec.replace(/\.js$/, ''));
  for (const c of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) if (/\.tsx?$/.test(c) && existsSync(c)) return c;
  return null; // a stylesheet or an asset
}

/** Packages reached from `entry`, each with the chain of modules that reaches it, and the modules (through `import()` too when `dynamic`). */
export function reachedFrom(entry: string, dynamic = false): { packages: Map<string, string[]>; modules: Set<string> } {
  const packages = new Map<string, string[]>();
  const seen = new Set<string>();
  const walk = (file: string, chain: string[]) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const spec of valueImports(file, dynamic)) {
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
  return { packages, modules: new Set([...seen].map((f) => relative(ROOT, f))) };
}

export const packagesReached = (entry: string): Map<string, string[]> => reachedFrom(entry).packages;

describe('the start-up bundle', () => {
  const reached = packagesReached(join(ROOT, 'renderer/src/main.tsx'));

  it('loads React and AG Grid (the check sees the start-up graph at all)', () => {
    expect([...reached.keys()]).toEqual(expect.arrayContaining(['react', 'ag-grid-community', 'decimal.js']));
  });

  it.each(['echarts', 'exceljs', 'papaparse'])('does not load %s (a lazily loaded sheet or a worker does)', (pkg) => {
    expect(reached.get(pkg), `reached through ${reached.get(pkg)?.join(' → ')}`).toBeUndefined();
  });
});

describe('everything the page loads, the lazily loaded sheets too', () => {
  const { packages: reached, modules } = reachedFrom(join(ROOT, 'renderer/src/main.tsx'), true);

  it('reaches the lazily loaded sheets (the check follows import())', () => {
    for (const sheet of ['sensitivity/SensitivitySheet.tsx', 'actuals/Calibrate.tsx', 'board-report/BoardPage.tsx', 'board-report/export-pdf.ts']) {
      expect(modules).toContain(`renderer/src/sheets/${sheet}`);
    }
  });

  it.each(['echarts', 'exceljs', 'papaparse'])('never loads %s on the main thread (the workers draw, read and write)', (pkg) => {
    expect(reached.get(pkg), `reached through ${reached.get(pkg)?.join(' → ')}`).toBeUndefined();
  });
});
