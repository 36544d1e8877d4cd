import { chmod, lstat, readdir, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDirEachTest } from '../support/temp-dir';
import { realFs, type AtomicFs } from '../../electron/atomic-write';
import { createFileService, PathGrants } from '../../electron/file-service';

const tempDir = tempDirEachTest('bowtie-files-');
const bytes = (text: string) => new TextEncoder().encode(text);
const errno = (code: string) => Object.assign(new Error(code), { code });

describe('file service', () => {
  it('refuses to read or write a path the user never chose', async () => {
    const secret = path.join(tempDir(), 'other.xlsx');
    await writeFile(secret, 'private');
    const files = createFileService({ grants: new PathGrants() });
    const read = await files.read(secret);
    expect(read).toEqual({ ok: false, error: expect.stringMatching(/only open or save files you chose/) });
    expect((await files.save(secret, bytes('overwritten'))).ok).toBe(false);
    expect(await readFile(secret, 'utf8')).toBe('private');
  });

  it('reads a granted file as bytes and reports it as used', async () => {
    const file = path.join(tempDir(), 'plan.xlsx');
    await writeFile(file, 'PK...');
    const grants = new PathGrants();
    grants.grant(file);
    const used: string[] = [];
    const files = createFileService({ grants, onUsed: (f) => used.push(f) });
    const read = await files.read(file);
    expect(read.ok && new TextDecoder().decode(read.value.bytes)).toBe('PK...');
    expect(read.ok && read.value.name).toBe('plan.xlsx');
    expect(used).toEqual([file]);
  });

  it.each([
    ['ENOSPC', /disk is full/],
    ['EACCES', /not allowed to save/],
    ['EBUSY', /locked/],
  ])('a save failing with %s gives a clear message and leaves the saved file as it was', async (code, pattern) => {
    const file = path.join(tempDir(), 'plan.xlsx');
    await writeFile(file, 'last saved');
    const grants = new PathGrants();
    grants.grant(file);
    const fs: AtomicFs = { ...realFs, rename: async () => { throw errno(code); } };
    const used: string[] = [];
    const result = await createFileService({ grants, fs, onUsed: (f) => used.push(f) }).save(file, bytes('edited'));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(pattern);
    expect(await readFile(file, 'utf8')).toBe('last saved');
    expect((await readdir(tempDir())).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    expect(used).toEqual([]);
  });

  it('a file that disappeared gives a message naming it', async () => {
    const file = path.join(tempDir(), 'gone.xlsx');
    const grants = new PathGrants();
    grants.grant(file);
    const result = await createFileService({ grants }).read(file);
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/“gone\.xlsx” no longer exists/) });
  });
});

describe('file service saves (issue 9 §2)', () => {
  const granted = (file: string) => {
    const grants = new PathGrants();
    grants.grant(file);
    return createFileService({ grants });
  };

  it('a read-only workbook is refused with a message that offers Save As, and is left as it was', async () => {
    const file = path.join(tempDir(), 'signed off.xlsx');
    await writeFile(file, 'board version');
    await chmod(file, 0o444);
    const result = await granted(file).save(file, bytes('edited'));
    expect(result).toEqual({
      ok: false,
      offer: 'saveAs',
      error: expect.stringMatching(/“signed off\.xlsx” is read-only, so Bowtie did not change it\. Choose Save As….*still open and not saved/),
    });
    expect(await readFile(file, 'utf8')).toBe('board version');
  });

  it('a save whose backup did not fit says so, and the save itself went through', async () => {
    const file = path.join(tempDir(), 'plan.xlsx');
    await writeFile(file, 'v1');
    const grants = new PathGrants();
    grants.grant(file);
    const fs: AtomicFs = { ...realFs, link: async () => { throw errno('EXDEV'); }, copyFile: async () => { throw errno('ENOSPC'); } };
    const result = await createFileService({ grants, fs }).save(file, bytes('v2'));
    expect(result).toEqual({ ok: true, value: { path: file, notice: expect.stringMatching(/disk is nearly full, so no backup .*“plan\.xlsx\.bak”/) } });
    expect(await readFile(file, 'utf8')).toBe('v2');
  });

  it('a save through a symlink keeps the link and its 0600 target, and reports the path the user chose', async () => {
    const real = path.join(tempDir(), 'real.xlsx');
    const link = path.join(tempDir(), 'plan.xlsx');
    await writeFile(real, 'v1', { mode: 0o600 });
    await symlink(real, link);
    const result = await granted(link).save(link, bytes('v2'));
    expect(result).toEqual({ ok: true, value: { path: link } });
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(await readFile(real, 'utf8')).toBe('v2');
    expect((await stat(real)).mode & 0o777).toBe(0o600);
  });
});
