// The recent list is re-checked at every launch before it grants anything
// (issue 9 §4): an entry planted by an older build's hole, or one that stopped
// being a workbook, must not become a grant.
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { tempDirEachTest } from '../support/temp-dir';
import { checkRecentFiles, isNetworkPath } from '../../electron/recent-files';

const tempDir = tempDirEachTest('bowtie-recent-');

describe('checkRecentFiles', () => {
  it('keeps workbooks that are still there and drops everything else, saying why', async () => {
    const dir = tempDir();
    const appFolder = path.join(dir, 'userData');
    await mkdir(path.join(appFolder, 'recovery'), { recursive: true });
    const plan = path.join(dir, 'Q3 plan.xlsx');
    const viaLink = path.join(dir, 'link.xlsx');
    const folder = path.join(dir, 'folder.xlsx');
    const recoveryCopy = path.join(appFolder, 'recovery', 'recovery-1.xlsx');
    await writeFile(plan, 'PK');
    await symlink(plan, viaLink);
    await mkdir(folder);
    await writeFile(recoveryCopy, 'PK');
    const list = [plan, viaLink, path.join(dir, 'gone.xlsx'), folder, recoveryCopy, '/etc/passwd', 'relative.xlsx', '\\\\?\\C:\\x.xlsx', plan];
    const { kept, dropped } = await checkRecentFiles(list, { appFolder });
    expect(kept).toEqual([plan, viaLink]);
    expect(Object.fromEntries(dropped.map((d) => [d.file, d.reason]))).toEqual({
      [path.join(dir, 'gone.xlsx')]: 'cannot be reached (ENOENT)',
      [folder]: 'not a regular file',
      [recoveryCopy]: 'inside Bowtie’s own data folder',
      '/etc/passwd': 'must be an .xlsx workbook',
      'relative.xlsx': 'must be an absolute path',
      '\\\\?\\C:\\x.xlsx': expect.stringMatching(/device path/),
      [plan]: 'listed twice',
    });
  });

  it('keeps a network share’s entry without touching the network', async () => {
    const stat = vi.fn(async () => ({ isFile: () => true }));
    const share = '\\\\fileserver\\finance\\Q3 plan.xlsx';
    expect(await checkRecentFiles([share], { appFolder: '/app', stat })).toEqual({ kept: [share], dropped: [] });
    expect(stat).not.toHaveBeenCalled();
  });

  it('tells network paths from device paths', () => {
    expect(['\\\\server\\share\\a.xlsx', '//server/share/a.xlsx'].map(isNetworkPath)).toEqual([true, true]);
    expect(['\\\\?\\C:\\a.xlsx', '\\\\.\\PIPE\\a.xlsx', 'C:\\a.xlsx', '/home/a.xlsx'].map(isNetworkPath)).toEqual([false, false, false, false]);
  });
});
