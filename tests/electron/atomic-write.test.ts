import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDirEachTest } from '../support/temp-dir';
import { realFs, writeFileAtomic, type AtomicFs } from '../../electron/atomic-write';

const tempDir = tempDirEachTest('bowtie-atomic-');

const bytes = (text: string) => new TextEncoder().encode(text);
const errno = (code: string) => Object.assign(new Error(code), { code });

/** The real file system, with one call replaced. */
function failing(overrides: Partial<AtomicFs> & { syncFails?: string; writeFails?: string }): AtomicFs {
  return {
    ...realFs,
    ...overrides,
    async open(file, flags, mode) {
      const handle = await realFs.open(file, flags, mode);
      if (flags !== 'wx') return handle;
      return {
        writeFile: async (data) => {
          if (overrides.writeFails) {
            await handle.writeFile(data.subarray(0, 3)); // a torn, partial write
            throw errno(overrides.writeFails);
          }
          await handle.writeFile(data);
        },
        sync: async () => {
          if (overrides.syncFails) throw errno(overrides.syncFails);
          await handle.sync();
        },
        close: () => handle.close(),
      };
    },
  };
}

describe('writeFileAtomic', () => {
  it('creates the file and leaves no temp file behind', async () => {
    const target = path.join(tempDir(), 'plan.xlsx');
    await writeFileAtomic(target, bytes('new'), { keepBackup: true });
    expect(await readFile(target, 'utf8')).toBe('new');
    expect(await readdir(tempDir())).toEqual(['plan.xlsx']); // no .bak on a first save
  });

  it('replaces the file and keeps exactly one previous version as .bak', async () => {
    const target = path.join(tempDir(), 'plan.xlsx');
    await writeFile(target, 'v1');
    await writeFileAtomic(target, bytes('v2'), { keepBackup: true });
    await writeFileAtomic(target, bytes('v3'), { keepBackup: true });
    expect(await readFile(target, 'utf8')).toBe('v3');
    expect(await readFile(`${target}.bak`, 'utf8')).toBe('v2');
    expect((await readdir(tempDir())).sort()).toEqual(['plan.xlsx', 'plan.xlsx.bak']);
  });

  it('interrupted between write and rename: the old file is intact and the temp file is gone', async () => {
    const target = path.join(tempDir(), 'plan.xlsx');
    await writeFile(target, 'old figures');
    const fs = failing({
      rename: async (from, to) => {
        if (to === target) throw errno('EIO'); // the crash point: data written and synced, not yet renamed
        await realFs.rename(from, to);
      },
    });
    await expect(writeFileAtomic(target, bytes('new figures'), { fs, keepBackup: true })).rejects.toMatchObject({ code: 'EIO' });
    expect(await readFile(target, 'utf8')).toBe('old figures');
    expect((await readdir(tempDir())).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('a failing fsync leaves the old file intact', async () => {
    const target = path.join(tempDir(), 'plan.xlsx');
    await writeFile(target, 'old figures');
    await expect(writeFileAtomic(target, bytes('new figures'), { fs: failing({ syncFails: 'EIO' }) })).rejects.toThrow();
    expect(await readFile(target, 'utf8')).toBe('old figures');
    expect(await readdir(tempDir())).toEqual(['plan.xlsx']);
  });

  it('a full disk part-way through the write leaves the old file intact', async () => {
    const target = path.join(tempDir(), 'plan.xlsx');
    await writeFile(target, 'old figures');
    await expect(writeFileAtomic(target, bytes('new figures'), { fs: failing({ writeFails: 'ENOSPC' }), keepBackup: true }))
      .rejects.toMatchObject({ code: 'ENOSPC' });
    expect(await readFile(target, 'utf8')).toBe('old figures');
    expect(await readdir(tempDir())).toEqual(['plan.xlsx']);
  });

  it('a folder that refuses new files leaves the old file intact', async () => {
    const target = path.join(tempDir(), 'plan.xlsx');
    await writeFile(target, 'old figures');
    const fs: AtomicFs = { ...realFs, open: async () => { throw errno('EACCES'); } };
    await expect(writeFileAtomic(target, bytes('new'), { fs })).rejects.toMatchObject({ code: 'EACCES' });
    expect(await readFile(target, 'utf8')).toBe('old figures');
  });
});
