import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { tempDirEachTest } from '../support/temp-dir';
import { createFileService, PathGrants } from '../../electron/file-service';
import { createHandlers, withExtension, type NativeDialogs } from '../../electron/ipc-handlers';
import { createRecoveryStore } from '../../electron/recovery';

const tempDir = tempDirEachTest('bowtie-handlers-');
const bytes = (text: string) => new TextEncoder().encode(text);

function setup(dialogs: Partial<NativeDialogs> = {}, printToPdf = async () => bytes('%PDF-1.7')) {
  const grants = new PathGrants();
  const used: string[] = [];
  const files = createFileService({ grants, onUsed: (f) => used.push(f) });
  const recovery = createRecoveryStore({ folder: path.join(tempDir(), 'userData', 'recovery') });
  const handlers = createHandlers({
    dialogs: { chooseOpen: async () => null, chooseSave: async () => null, ...dialogs },
    files,
    grants,
    recovery,
    document: () => null,
    printToPdf,
    version: '0.1.0',
  });
  return { handlers, grants, used, recovery };
}

describe('file calls', () => {
  it('cancelled dialogs give null, not an error', async () => {
    const { handlers } = setup();
    expect(await handlers.openFile()).toEqual({ ok: true, value: null });
    expect(await handlers.saveFileAs('Q3', bytes('x'))).toEqual({ ok: true, value: null });
    expect(await handlers.exportPdf('Q3')).toEqual({ ok: true, value: null });
  });

  it('Open… reads the chosen file and lets later saves go to it', async () => {
    const file = path.join(tempDir(), 'Q3.xlsx');
    await writeFile(file, 'v1');
    const { handlers, used } = setup({ chooseOpen: async () => file });
    const opened = await handlers.openFile();
    expect(opened.ok && opened.value?.name).toBe('Q3.xlsx');
    expect(await handlers.saveFile(file, bytes('v2'))).toEqual({ ok: true, value: { path: file } });
    expect(await readFile(file, 'utf8')).toBe('v2');
    expect(await readFile(`${file}.bak`, 'utf8')).toBe('v1');
    expect(used).toEqual([file, file]);
  });

  it('Save As… suggests an .xlsx name and writes where the user chose', async () => {
    const target = path.join(tempDir(), 'Board pack.xlsx');
    const chooseSave = vi.fn(async () => target);
    const { handlers } = setup({ chooseSave });
    expect(await handlers.saveFileAs('Board pack', bytes('wb'))).toEqual({ ok: true, value: { path: target } });
    expect(chooseSave).toHaveBeenCalledWith('Board pack.xlsx', 'xlsx');
    expect(await readFile(target, 'utf8')).toBe('wb');
  });

  it('Export PDF writes what printToPDF produced to the chosen file', async () => {
    const target = path.join(tempDir(), 'Board report.pdf');
    const chooseSave = vi.fn(async () => target);
    const { handlers } = setup({ chooseSave });
    expect(await handlers.exportPdf('Board report')).toEqual({ ok: true, value: { path: target } });
    expect(chooseSave).toHaveBeenCalledWith('Board report.pdf', 'pdf');
    expect(await readFile(target, 'utf8')).toBe('%PDF-1.7');
  });

  it('a failing printToPDF is a message, and nothing is written', async () => {
    const target = path.join(tempDir(), 'Board report.pdf');
    const { handlers } = setup({ chooseSave: async () => target }, async () => { throw new Error('renderer gone'); });
    const result = await handlers.exportPdf('Board report');
    expect(result.ok).toBe(false);
    await expect(readFile(target)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('a recovered document may be saved back to where it came from', async () => {
    const original = path.join(tempDir(), 'Q3.xlsx');
    await writeFile(original, 'last saved');
    const first = setup();
    await first.recovery.write({ path: original, bytes: bytes('recovered') });
    const { handlers } = setup(); // the next start: nothing granted yet
    expect((await handlers.saveFile(original, bytes('x'))).ok).toBe(false);
    const taken = await handlers.takeRecovery();
    expect(taken.ok && taken.value?.path).toBe(original);
    expect((await handlers.saveFile(original, bytes('recovered'))).ok).toBe(true);
  });

  it('confirmClose without a pending close is refused', async () => {
    const { handlers } = setup();
    expect((await handlers.confirmClose()).ok).toBe(false);
  });
});

describe('withExtension', () => {
  it('adds or keeps the extension', () => {
    expect(withExtension('Q3', '.xlsx')).toBe('Q3.xlsx');
    expect(withExtension('Q3.xlsx', '.xlsx')).toBe('Q3.xlsx');
    expect(withExtension('Q3.xlsx', '.pdf')).toBe('Q3.pdf');
  });
});
