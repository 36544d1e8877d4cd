import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDirEachTest } from '../support/temp-dir';
import { realFs, type AtomicFs } from '../../node/atomic-write';
import { createRecoveryStore } from '../../electron/recovery';

const tempDir = tempDirEachTest('bowtie-recovery-');
const bytes = (text: string) => new TextEncoder().encode(text);
const text = (b: Uint8Array) => new TextDecoder().decode(b);
const folder = () => path.join(tempDir(), 'recovery');

describe('recovery copies', () => {
  it('a copy written before a crash is offered by the next start', async () => {
    const before = createRecoveryStore({ folder: folder(), now: () => new Date('2026-03-01T09:30:00Z') });
    expect(await before.write({ path: '/Users/ana/Q3.xlsx', bytes: bytes('first') })).toEqual({ ok: true, value: null });
    expect((await before.write({ path: '/Users/ana/Q3.xlsx', bytes: bytes('latest edits') })).ok).toBe(true);
    // The process dies here: nothing is cleared. A new process starts with a new store.
    const after = createRecoveryStore({ folder: folder() });
    const taken = await after.take();
    expect(taken.ok && taken.value && text(taken.value.bytes)).toBe('latest edits');
    expect(taken.ok && taken.value?.path).toBe('/Users/ana/Q3.xlsx');
    expect(taken.ok && taken.value?.savedAt).toBe('2026-03-01T09:30:00.000Z');
    // Only the latest copy is kept on disk.
    expect((await readdir(folder())).sort()).toHaveLength(2);
  });

  it('a copy from before the grant check (version 1) is offered without its path, so nothing is granted by it', async () => {
    const store = createRecoveryStore({ folder: folder() });
    await store.write({ path: null, bytes: bytes('work') });
    const metaFile = path.join(folder(), 'recovery.json');
    const meta = JSON.parse(await readFile(metaFile, 'utf8'));
    await writeFile(metaFile, JSON.stringify({ ...meta, version: 1, path: '/home/ana/.ssh/id.xlsx' }));
    const taken = await createRecoveryStore({ folder: folder() }).take();
    expect(taken.ok && taken.value && [taken.value.path, text(taken.value.bytes)]).toEqual([null, 'work']);
  });

  it('a copy and its metadata are the user’s alone (0600)', async () => {
    await createRecoveryStore({ folder: folder() }).write({ path: null, bytes: bytes('work') });
    for (const name of await readdir(folder())) expect((await stat(path.join(folder(), name))).mode & 0o777).toBe(0o600);
  });

  it('an unsaved new document is recovered with no path', async () => {
    await createRecoveryStore({ folder: folder() }).write({ path: null, bytes: bytes('untitled') });
    const taken = await createRecoveryStore({ folder: folder() }).take();
    expect(taken.ok && taken.value?.path).toBeNull();
  });

  it('taking does not delete: a second crash while the user decides loses nothing', async () => {
    const store = createRecoveryStore({ folder: folder() });
    await store.write({ path: null, bytes: bytes('work') });
    await store.take();
    const again = await createRecoveryStore({ folder: folder() }).take();
    expect(again.ok && again.value && text(again.value.bytes)).toBe('work');
  });

  it('after a clean save or Don’t Save the copy is cleared and nothing is offered', async () => {
    const store = createRecoveryStore({ folder: folder() });
    await store.write({ path: null, bytes: bytes('work') });
    expect(await store.clear()).toEqual({ ok: true, value: null });
    expect(await createRecoveryStore({ folder: folder() }).take()).toEqual({ ok: true, value: null });
    expect(await readdir(folder())).toEqual([]);
  });

  it('nothing to offer on a first start (no folder yet)', async () => {
    expect(await createRecoveryStore({ folder: folder() }).take()).toEqual({ ok: true, value: null });
  });

  it('a crash in the middle of writing a newer copy still offers the previous complete one', async () => {
    const store = createRecoveryStore({ folder: folder() });
    await store.write({ path: null, bytes: bytes('complete copy') });
    const metaFile = path.join(folder(), 'recovery.json');
    const dying: AtomicFs = {
      ...realFs,
      rename: async (from, to) => {
        if (to === metaFile) throw Object.assign(new Error('power loss'), { code: 'EIO' });
        await realFs.rename(from, to);
      },
    };
    const failed = await createRecoveryStore({ folder: folder(), fs: dying }).write({ path: null, bytes: bytes('half') });
    expect(failed.ok).toBe(false);
    const taken = await createRecoveryStore({ folder: folder() }).take();
    expect(taken.ok && taken.value && text(taken.value.bytes)).toBe('complete copy');
  });

  it('malformed or tampered metadata is discarded, never fatal, and never reads outside the folder', async () => {
    const store = createRecoveryStore({ folder: folder(), log: () => undefined });
    await store.write({ path: null, bytes: bytes('work') });
    const metaFile = path.join(folder(), 'recovery.json');
    for (const bad of ['{not json', '[]', JSON.stringify({ version: 1, file: '../../etc/passwd', path: null, savedAt: '2026-01-01T00:00:00Z', size: 4 })]) {
      await writeFile(metaFile, bad);
      expect(await store.take()).toEqual({ ok: true, value: null });
    }
  });

  it('a copy whose size does not match its metadata is not offered', async () => {
    const store = createRecoveryStore({ folder: folder(), log: () => undefined });
    await store.write({ path: null, bytes: bytes('work') });
    const copy = (await readdir(folder())).find((n) => n.endsWith('.xlsx'))!;
    await writeFile(path.join(folder(), copy), 'wo');
    expect(await store.take()).toEqual({ ok: true, value: null });
  });
});
