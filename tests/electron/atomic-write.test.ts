import { execFileSync, spawn } from 'node:child_process';
import { chmod, chown, lstat, mkdir, readdir, readFile, readlink, stat, symlink, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDirEachTest } from '../support/temp-dir';
import { FOREIGN_TEMP_STALE_MS, realFs, removeStaleTemps, tempPathFor, writeFileAtomic, type AtomicFs } from '../../node/atomic-write';

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

const isRoot = process.getuid?.() === 0;
const temps = async (dir: string) => (await readdir(dir)).filter((n) => n.endsWith('.tmp'));

/** The pid of a process that has exited: what a killed save leaves in its temp file's name. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
  const pid = child.pid!;
  await new Promise((resolve) => { child.once('exit', resolve); child.kill('SIGKILL'); });
  return pid;
}

describe('a save keeps what the file is', () => {
  it.each([0o600, 0o640, 0o664])('keeps permission bits %o, whatever the umask', async (mode) => {
    const target = path.join(tempDir(), 'plan.xlsx');
    await writeFile(target, 'v1');
    await chmod(target, mode);
    await writeFileAtomic(target, bytes('v2'), { keepBackup: true });
    expect((await stat(target)).mode & 0o777).toBe(mode);
    expect(await readFile(target, 'utf8')).toBe('v2');
  });

  it.skipIf(!isRoot)('keeps the owner and group where the process may set them (needs root here)', async () => {
    const target = path.join(tempDir(), 'plan.xlsx');
    await writeFile(target, 'v1');
    await chown(target, 1234, 5678);
    await writeFileAtomic(target, bytes('v2'), { keepBackup: true });
    const info = await stat(target);
    expect([info.uid, info.gid]).toEqual([1234, 5678]);
  });

  it('writes through a symlink to its target; the link stays a link', async () => {
    const real = path.join(tempDir(), 'shared', 'plan.xlsx');
    await mkdir(path.dirname(real));
    await writeFile(real, 'v1');
    const link = path.join(tempDir(), 'plan link.xlsx');
    await symlink(path.join('shared', 'plan.xlsx'), link); // relative, as `ln -s` makes them
    const outcome = await writeFileAtomic(link, bytes('v2'), { keepBackup: true });
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(await readlink(link)).toBe(path.join('shared', 'plan.xlsx'));
    expect(await readFile(real, 'utf8')).toBe('v2');
    expect(await readFile(`${real}.bak`, 'utf8')).toBe('v1'); // beside the real file
    expect(outcome).toEqual({ written: real, backup: 'kept' });
    expect(await temps(tempDir())).toEqual([]);
    expect(await temps(path.dirname(real))).toEqual([]);
  });

  it('follows a chain of links, and a dangling link gets its target created', async () => {
    const real = path.join(tempDir(), 'real.xlsx');
    const first = path.join(tempDir(), 'first.xlsx');
    const second = path.join(tempDir(), 'second.xlsx');
    await symlink(real, first);
    await symlink(first, second);
    await writeFileAtomic(second, bytes('new'));
    expect(await readFile(real, 'utf8')).toBe('new');
    expect((await lstat(first)).isSymbolicLink() && (await lstat(second)).isSymbolicLink()).toBe(true);
  });

  it('a link loop is an error, not a hang', async () => {
    const a = path.join(tempDir(), 'a.xlsx');
    const b = path.join(tempDir(), 'b.xlsx');
    await symlink(b, a);
    await symlink(a, b);
    await expect(writeFileAtomic(a, bytes('x'))).rejects.toMatchObject({ code: 'ELOOP' });
  });

  it.each([0o444, 0o400])('refuses a read-only file (mode %o) in a writable folder and leaves it as it was', async (mode) => {
    const target = path.join(tempDir(), 'plan.xlsx');
    await writeFile(target, 'signed off');
    await chmod(target, mode);
    await expect(writeFileAtomic(target, bytes('edited'), { keepBackup: true })).rejects.toMatchObject({ code: 'EREADONLY' });
    expect(await readFile(target, 'utf8')).toBe('signed off');
    expect((await readdir(tempDir())).sort()).toEqual(['plan.xlsx']);
  });

  it('a new file gets the mode asked for, less the umask (the app’s own files: 0600)', async () => {
    const target = path.join(tempDir(), 'recovery.xlsx');
    await writeFileAtomic(target, bytes('copy'), { newFileMode: 0o600 });
    expect((await stat(target)).mode & 0o777).toBe(0o600);
  });
});

describe('temp files left by a killed save', () => {
  it('a save killed half-way leaves its temp file; the next save into the folder removes it', async () => {
    const target = path.join(tempDir(), 'plan.xlsx');
    await writeFile(target, 'v1');
    // A real kill: a child process opens the temp file the way a save does and is killed mid-write.
    const script = `const fs=require('fs');const p=process.argv[1].replace('PID',String(process.pid));` +
      `const fd=fs.openSync(p,'wx',0o644);fs.writeSync(fd,Buffer.alloc(1<<20));process.stdout.write('written\\n');setTimeout(()=>{},60000);`;
    const pattern = tempPathFor(target, 0).replace('-0-', '-PID-');
    const child = spawn(process.execPath, ['-e', script, pattern], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise((resolve) => child.stdout.once('data', resolve));
    await new Promise((resolve) => { child.once('exit', resolve); child.kill('SIGKILL'); });
    expect(await temps(tempDir())).toHaveLength(1);

    await writeFileAtomic(target, bytes('v2'), { keepBackup: true });
    expect(await temps(tempDir())).toEqual([]);
    expect((await readdir(tempDir())).sort()).toEqual(['plan.xlsx', 'plan.xlsx.bak']);
  });

  it('removes its own stale temp files and no others', async () => {
    const dir = tempDir();
    const target = path.join(dir, 'plan.xlsx');
    await writeFile(target, 'v1');
    const dead = await deadPid();
    const name = (file: string) => path.basename(file);
    const twoDaysAgo = (Date.now() - 2 * FOREIGN_TEMP_STALE_MS) / 1000;
    const put = async (file: string, old = false) => {
      await writeFile(file, 'x');
      if (old) await utimes(file, twoDaysAgo, twoDaysAgo);
      return name(file);
    };
    const removed = [
      await put(tempPathFor(target, dead)),                          // this machine, process gone
      await put(tempPathFor(`${target}.bak`, dead)),                 // a half-made backup
      await put(tempPathFor(target, 4242, 'abcdef01'), true),        // another machine, a day old
      await put(path.join(dir, '.plan.xlsx.0123456789ab.tmp'), true), // the old naming, beside its file, old
    ];
    const kept = [
      await put(tempPathFor(target, process.ppid)),                    // a live process: a save in progress
      await put(tempPathFor(target, 4242, 'abcdef01')),                // another machine, recent: may be saving now
      await put(path.join(dir, '.plan.xlsx.ba9876543210.tmp')),        // old naming but recent
      await put(path.join(dir, '.other.xlsx.0123456789ab.tmp'), true), // old naming, no such file here: not ours to judge
      await put(path.join(dir, '~$plan.xlsx')),                        // Excel's lock file
      await put(path.join(dir, 'plan.xlsx.tmp'), true),                // someone else's
      await put(path.join(dir, '.plan.xlsx.~bowtie-zz-1-0.tmp'), true), // almost our pattern
    ];
    const linkName = name(tempPathFor(target, dead));
    await symlink(target, path.join(dir, linkName)); // our name, but a link: never followed or removed
    kept.push(linkName, 'plan.xlsx');

    await writeFileAtomic(target, bytes('v2'));
    const left = await readdir(dir);
    expect(left.sort()).toEqual(kept.sort());
    for (const gone of removed) expect(left).not.toContain(gone);
  });

  it('removeStaleTemps leaves files owned by someone else', async () => {
    const dir = tempDir();
    const file = tempPathFor(path.join(dir, 'plan.xlsx'), await deadPid());
    await writeFile(file, 'x');
    expect(await removeStaleTemps(dir, { uid: 99999 })).toEqual([]);
    expect(await removeStaleTemps(dir)).toEqual([path.basename(file)]);
  });
});

describe('a nearly full disk', () => {
  it('hard-links the .bak, so keeping it costs no space', async () => {
    const target = path.join(tempDir(), 'plan.xlsx');
    await writeFile(target, 'v1');
    await writeFileAtomic(target, bytes('v2'), { keepBackup: true });
    const [bak, now] = [await stat(`${target}.bak`), await stat(target)];
    expect(bak.ino).not.toBe(now.ino);
    expect(bak.nlink).toBe(1); // the old file itself, renamed by a link: no second copy was written
  });

  it('where links are not supported and the copy does not fit, the save wins and says the backup was skipped', async () => {
    const target = path.join(tempDir(), 'plan.xlsx');
    await writeFile(target, 'v1');
    await writeFile(`${target}.bak`, 'v0');
    const fs: AtomicFs = {
      ...realFs,
      link: async () => { throw errno('EPERM'); }, // FAT, exFAT, some shares
      copyFile: async (_from, to) => { await writeFile(to, 'v'); throw errno('ENOSPC'); }, // a partial copy, then full
    };
    const outcome = await writeFileAtomic(target, bytes('v2'), { fs, keepBackup: true });
    expect(outcome.backup).toBe('skipped');
    expect(await readFile(target, 'utf8')).toBe('v2');
    expect(await readFile(`${target}.bak`, 'utf8')).toBe('v0'); // the older backup is left alone
    expect(await temps(tempDir())).toEqual([]);
  });

  // A real small disk: a 1 MiB tmpfs (needs root to mount; skipped elsewhere, the test above stands in).
  const canMount = isRoot && process.platform === 'linux';
  it.skipIf(!canMount)('on a real 1 MiB disk holding the file, its .bak and not much more, the save goes through', async () => {
    const mnt = path.join(tempDir(), 'small-disk');
    await mkdir(mnt);
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', mnt]);
    } catch (error) {
      console.log(`skipped: tmpfs mount refused (${String(error).split('\n')[0]})`);
      return;
    }
    try {
      const target = path.join(mnt, 'plan.xlsx');
      const size = 300 * 1024;
      await writeFile(target, Buffer.alloc(size, 1));
      await writeFile(`${target}.bak`, Buffer.alloc(size, 0));
      // Free: ~400 KiB. A copy-based backup needs the new file plus a copy (600 KiB); the link needs none.
      const linked = await writeFileAtomic(target, new Uint8Array(size).fill(2), { keepBackup: true });
      expect(linked.backup).toBe('kept');
      expect((await readFile(`${target}.bak`))[0]).toBe(1);
      // Without links (as on a FAT stick), the copy cannot fit: the save still wins.
      const noLinks: AtomicFs = { ...realFs, link: async () => { throw errno('EPERM'); } };
      const copied = await writeFileAtomic(target, new Uint8Array(size).fill(3), { fs: noLinks, keepBackup: true });
      expect(copied.backup).toBe('skipped');
      expect((await readFile(target))[0]).toBe(3);
      expect(await temps(mnt)).toEqual([]);
    } finally {
      execFileSync('umount', [mnt]);
    }
  });
});
