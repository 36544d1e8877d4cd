// Outside shared/, shared/ is imported as `@shared/…` (tsconfig.base.json
// paths), never by a relative path such as '../../../../shared/index': the
// same check as `node scripts/rewrite-shared-imports.mjs --check`, which is
// also the tool that fixes it.
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const SCRIPT = path.join(ROOT, 'scripts/rewrite-shared-imports.mjs');
/** Every folder outside shared/ with code in it. */
const FOLDERS = ['renderer', 'electron', 'cli', 'scripts', 'tests'];
/**
 * Folders allowed to import shared/ by relative paths while a change is being
 * moved to the alias (`node scripts/rewrite-shared-imports.mjs` does it); none now.
 */
const NOT_YET_REWRITTEN: readonly string[] = [];

const run = (args: string[]) => spawnSync(process.execPath, [SCRIPT, ...args], { encoding: 'utf8' });

describe('outside shared/, shared/ is imported through @shared/…', () => {
  it.each(FOLDERS.filter((f) => !NOT_YET_REWRITTEN.includes(f)))('%s/ has no relative import of shared/', (folder) => {
    const check = run(['--check', folder]);
    expect(check.stdout, check.stderr).toBe('');
    expect(check.status).toBe(0);
  });

  it('the allow-list names only folders that exist and still need the rewrite', () => {
    for (const folder of NOT_YET_REWRITTEN) {
      expect(FOLDERS).toContain(folder);
      expect(run(['--check', folder]).status, `${folder}/ needs no rewrite any more: take it off NOT_YET_REWRITTEN`).toBe(1);
    }
  });
});

describe('scripts/rewrite-shared-imports.mjs', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'bowtie-alias-'));
    await mkdir(path.join(root, 'shared/core'), { recursive: true });
    await mkdir(path.join(root, 'renderer/src/sheets/bowtie'), { recursive: true });
    await writeFile(path.join(root, 'shared/index.ts'), "export * from './core/journey';\n");
  });
  afterEach(async () => { await rm(root, { recursive: true, force: true }); });

  const SOURCE = [
    "import { computeModel } from '../../../../shared/index';",
    "import type { DesktopApi } from \"../../../../shared/desktop-api\";",
    "export { writeWorkbook } from '../../../../shared/workbook/index';",
    "import './Bowtie.css';",
    "import { BowtieView } from './BowtieView';",
    "const lazy = () => import('../../../../shared/report/draw');",
    "vi.mock('../../../../shared/index', () => ({}));",
    "const worker = new URL('../../../../shared/worker.ts', import.meta.url);",
    '',
  ].join('\n');

  it('rewrites every relative import of shared/ to the alias, leaves the rest and shared/ itself, and the second run changes nothing', async () => {
    const file = path.join(root, 'renderer/src/sheets/bowtie/BowtieSheet.tsx');
    await writeFile(file, SOURCE);
    expect(run(['--check', '--root', root]).status).toBe(1);
    expect(run(['--root', root]).status).toBe(0);
    expect(await readFile(file, 'utf8')).toBe([
      "import { computeModel } from '@shared/index';",
      'import type { DesktopApi } from "@shared/desktop-api";',
      "export { writeWorkbook } from '@shared/workbook/index';",
      "import './Bowtie.css';",
      "import { BowtieView } from './BowtieView';",
      "const lazy = () => import('@shared/report/draw');",
      "vi.mock('@shared/index', () => ({}));",
      "const worker = new URL('../../../../shared/worker.ts', import.meta.url);",
      '',
    ].join('\n'));
    expect(await readFile(path.join(root, 'shared/index.ts'), 'utf8')).toBe("export * from './core/journey';\n");
    const again = run(['--root', root]);
    expect(again.stdout).toBe('');
    expect(run(['--check', '--root', root]).status).toBe(0);
  });

  it('--check names each import, by file and line, and changes nothing', async () => {
    const file = path.join(root, 'renderer/src/sheets/bowtie/BowtieSheet.tsx');
    await writeFile(file, SOURCE);
    const check = run(['--check', '--root', root, 'renderer']);
    expect(check.stdout.split('\n')[0]).toBe("renderer/src/sheets/bowtie/BowtieSheet.tsx:1: '../../../../shared/index' should be '@shared/index'");
    expect(check.stdout.trim().split('\n')).toHaveLength(5);
    expect(await readFile(file, 'utf8')).toBe(SOURCE);
  });
});
