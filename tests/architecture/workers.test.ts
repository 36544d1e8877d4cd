// One owner of the workers (issue 18.3): every worker is started in
// renderer/src/workers/worker-clients.ts, and workers/ is a layer below the
// stores and sheets: it imports only its own folder and shared/, and holds no store.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const RENDERER = join(ROOT, 'renderer/src');
const WORKERS = join(RENDERER, 'workers');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

const rel = (path: string) => relative(ROOT, path);

/** Where a module imports from outside workers/ and shared/ (the layer's only way up would be these). */
export function importsAbove(code: string): string[] {
  return ts.preProcessFile(code, true, true).importedFiles.map((f) => f.fileName)
    .filter((spec) => spec.startsWith('.') && !spec.startsWith('./') && !/^(\.\.\/)+shared\//.test(spec));
}

describe('the workers layer', () => {
  it('sees an import that runs back up (the check itself works)', () => {
    expect(importsAbove("import { documentStore } from '../store/document-store';\nimport { x } from './core-client';\nimport { D } from '../../../shared/index';")).toEqual(['../store/document-store']);
  });

  it('starts every worker in worker-clients.ts', () => {
    const starting = sourceFiles(RENDERER).filter((f) => /new (Shared)?Worker\(/.test(readFileSync(f, 'utf8'))).map(rel);
    expect(starting).toEqual(['renderer/src/workers/worker-clients.ts']);
  });

  it('has no analysis client per use: one analysis worker', () => {
    const code = readFileSync(join(WORKERS, 'worker-clients.ts'), 'utf8');
    expect(code.match(/analysis-worker\.ts/g)).toHaveLength(1);
  });

  it('imports nothing above it and holds no store', () => {
    const found = sourceFiles(WORKERS).flatMap((f) => {
      const code = readFileSync(f, 'utf8');
      return [...importsAbove(code).map((spec) => `${rel(f)} imports ${spec}`), ...(/from 'zustand/.test(code) ? [`${rel(f)} uses zustand`] : [])];
    });
    expect(found).toEqual([]);
  });
});
