// The compiler keeps the seams too, not only lint: each folder is a composite
// TypeScript project (tsconfig.json lists them, `npm run typecheck` is tsc -b)
// that compiles only its own files, so an import reaching into a folder it does
// not reference fails tsc with TS6307 ("not listed within the file list of
// project"). What may import what is the references below.
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');

function project(file: string) {
  const parsed = ts.getParsedCommandLineOfConfigFile(path.join(ROOT, file), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => { throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n')); } })!;
  return {
    options: parsed.options,
    files: parsed.fileNames.map((f) => path.relative(ROOT, f)),
    references: (parsed.projectReferences ?? []).map((r) => path.relative(ROOT, r.path)),
  };
}

/** Each project and the projects it may import: shared/ and node/ none, the app's parts shared/ (and main and the CLI node/'s writer). */
const PROJECTS = {
  'shared/tsconfig.json': [],
  'renderer/tsconfig.json': ['shared'],
  'electron/tsconfig.json': ['shared', 'node'],
  'cli/tsconfig.json': ['shared', 'node'],
  'node/tsconfig.json': [],
  'tsconfig.tools.json': ['shared', 'renderer', 'electron', 'cli', 'node'],
} as const;

describe('TypeScript project references', () => {
  it('tsconfig.json builds every project and compiles nothing itself', () => {
    const root = project('tsconfig.json');
    expect(root.files).toEqual([]);
    expect(root.references.sort()).toEqual(['cli', 'electron', 'node', 'renderer', 'shared', 'tsconfig.tools.json']);
  });

  it.each(Object.entries(PROJECTS))('%s is composite, compiles only its own folder and references %j', (file, allowed) => {
    const p = project(file);
    expect(p.options.composite).toBe(true);
    expect(p.references.sort()).toEqual([...allowed].sort());
    const own = path.dirname(file);
    if (own !== '.') expect(p.files.filter((f) => !f.startsWith(`${own}/`))).toEqual([]);
    expect(p.files.length).toBeGreaterThan(0);
  });

  it('shared/ sees neither the DOM nor Node, the renderer not Node', () => {
    const shared = project('shared/tsconfig.json').options;
    expect(shared.types).toEqual([]);
    expect(shared.lib?.some((l) => /dom/i.test(l))).toBe(false);
    expect(project('renderer/tsconfig.json').options.types).toEqual([]);
  });

  it('every source file outside node_modules belongs to exactly one project', () => {
    const owners = new Map<string, string[]>();
    for (const file of Object.keys(PROJECTS)) for (const f of project(file).files) owners.set(f, [...(owners.get(f) ?? []), file]);
    expect([...owners].filter(([, o]) => o.length > 1)).toEqual([]);
    for (const f of ['shared/index.ts', 'renderer/src/main.tsx', 'renderer/vite.config.ts', 'electron/main.ts', 'cli/bowtie.ts', 'scripts/bench.ts', 'tests/architecture/project-references.test.ts', 'playwright.config.ts']) {
      expect(owners.get(f), f).toHaveLength(1);
    }
  });
});
