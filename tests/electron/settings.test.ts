import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { addRecent, createSettingsStore, MAX_RECENT } from '../../electron/settings';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'bowtie-settings-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('recent files', () => {
  it('newest first, no duplicates, at most ten', () => {
    expect(addRecent(['/a.xlsx', '/b.xlsx'], '/b.xlsx')).toEqual(['/b.xlsx', '/a.xlsx']);
    const many = Array.from({ length: 15 }, (_, i) => `/${i}.xlsx`).reduce<string[]>(addRecent, []);
    expect(many).toHaveLength(MAX_RECENT);
    expect(many[0]).toBe('/14.xlsx');
  });

  it('survive a restart', async () => {
    const file = path.join(dir, 'settings.json');
    const first = createSettingsStore({ file });
    await first.load();
    await first.addRecentFile('/Users/ana/Q3.xlsx');
    const second = createSettingsStore({ file });
    expect((await second.load()).recentFiles).toEqual(['/Users/ana/Q3.xlsx']);
  });
});

describe('a malformed settings file', () => {
  it.each(['{ "recentFiles": [', '"just a string"', '{"recentFiles": [1, 2]}', ''])('%j is logged and replaced, never fatal', async (content) => {
    const file = path.join(dir, 'settings.json');
    await writeFile(file, content);
    const log = vi.fn();
    const store = createSettingsStore({ file, log });
    expect(await store.load()).toEqual({ recentFiles: [] });
    expect(log).toHaveBeenCalledWith(expect.stringContaining('malformed'));
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ recentFiles: [] });
  });
});
