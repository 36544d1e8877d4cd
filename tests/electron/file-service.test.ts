import { execFileSync } from 'node:child_process';
import { chmod, lstat, mkdir, readdir, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDirEachTest } from '../support/temp-dir';
import { realFs, type AtomicFs } from '../../node/atomic-write';
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
    expect(result).toEqual({ ok: true, value: { path: file, notice: expect.stringMatching(/no backup .*disk is nearly full .*“plan\.xlsx\.bak”/) } });
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

describe('saves at the edges (issue 19)', () => {
  const serviceFor = (...files: string[]) => {
    const grants = new PathGrants();
    for (const f of files) grants.grant(f);
    return createFileService({ grants });
  };

  it('a pipe, or a link to /dev/null, is called what it is and left alone, not "a folder"', async () => {
    const fifo = path.join(tempDir(), 'pipe.xlsx');
    execFileSync('mkfifo', [fifo]);
    const toNull = path.join(tempDir(), 'null.xlsx');
    await symlink('/dev/null', toNull);
    const folder = path.join(tempDir(), 'folder.xlsx');
    await mkdir(folder);
    const files = serviceFor(fifo, toNull, folder);
    expect(await files.save(fifo, bytes('x'))).toEqual({ ok: false, error: '“pipe.xlsx” is a pipe (FIFO), not a file, so Bowtie did not save it. Choose Save As….' });
    expect(await files.save(toNull, bytes('x'))).toEqual({ ok: false, error: '“null.xlsx” is a device, not a file (it leads to “/dev/null”), so Bowtie did not save it. Choose Save As….' });
    expect(await files.save(folder, bytes('x'))).toEqual({ ok: false, error: '“folder.xlsx” is a folder, not a file, so Bowtie did not save it. Choose Save As….' });
    expect((await lstat(toNull)).isSymbolicLink()).toBe(true);
  });

  it('a dangling link names the missing folder it points into', async () => {
    const link = path.join(tempDir(), 'plan.xlsx');
    const gone = path.join(tempDir(), 'gone', 'deeper');
    await symlink(path.join(gone, 'real.xlsx'), link);
    const r = await serviceFor(link).save(link, bytes('x'));
    expect(r).toEqual({ ok: false, error: `The folder “${gone}” no longer exists, so Bowtie could not save “plan.xlsx”. Choose Save As…. Your changes are still open and not saved.` });
  });

  it('a folder named plan.xlsx.bak costs the backup, not the save, and says so', async () => {
    const file = path.join(tempDir(), 'plan.xlsx');
    await writeFile(file, 'old');
    await mkdir(`${file}.bak`);
    const r = await serviceFor(file).save(file, bytes('new'));
    expect(r).toEqual({ ok: true, value: { path: file, notice: 'Saved, but no backup of the previous version was kept: “plan.xlsx.bak” is the name of a folder or other item there.' } });
    expect(await readFile(file, 'utf8')).toBe('new');
    expect((await stat(`${file}.bak`)).isDirectory()).toBe(true);
    expect((await readdir(tempDir())).sort()).toEqual(['plan.xlsx', 'plan.xlsx.bak']);
  });

  it.each([252, 253, 254, 255])('a %i-character file name saves; its too-long .bak is skipped with a note', async (length) => {
    const name = `${'p'.repeat(length - 5)}.xlsx`;
    const file = path.join(tempDir(), name);
    await writeFile(file, 'old');
    const r = await serviceFor(file).save(file, bytes('new'));
    expect(r.ok && r.value.notice).toMatch(/^Saved, but no backup of the previous version was kept: the name “p+\.xlsx\.bak” would be too long for this system\.$/);
    expect(await readFile(file, 'utf8')).toBe('new');
    expect(await readdir(tempDir())).toEqual([name]);
  });

  it('twenty concurrent saves to one path run one after another: all succeed, the last wins, no temp file is left', async () => {
    const file = path.join(tempDir(), 'plan.xlsx');
    await writeFile(file, 'save -1');
    const files = serviceFor(file);
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => files.save(file, bytes(`save ${i}`))));
    expect(results.every((r) => r.ok && r.value.notice === undefined)).toBe(true);
    expect(await readFile(file, 'utf8')).toBe('save 19');
    expect(await readFile(`${file}.bak`, 'utf8')).toBe('save 18');
    expect((await readdir(tempDir())).sort()).toEqual(['plan.xlsx', 'plan.xlsx.bak']);
  });
});
