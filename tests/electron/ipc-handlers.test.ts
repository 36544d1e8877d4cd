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
  const log = vi.fn();
  const handlers = createHandlers({
    dialogs: { chooseOpen: async () => null, chooseSave: async () => null, chooseActuals: async () => null, ...dialogs },
    files,
    grants,
    recovery,
    document: () => null,
    printToPdf,
    version: '0.1.0',
    log,
  });
  return { handlers, grants, used, recovery, log };
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

  it('Open… on a billing export (.csv) reads it for import without letting saves go to it', async () => {
    const file = path.join(tempDir(), 'billing.csv');
    await writeFile(file, 'customer,month,mrr\nA,2024-01,100\n');
    const { handlers, grants, used } = setup({ chooseOpen: async () => file });
    const opened = await handlers.openFile();
    expect(opened.ok && opened.value?.name).toBe('billing.csv');
    expect(opened.ok && new TextDecoder().decode(opened.value!.bytes)).toContain('A,2024-01,100');
    expect(grants.has(file)).toBe(false);
    expect((await handlers.saveFile(file, bytes('wb'))).ok).toBe(false);
    expect(await readFile(file, 'utf8')).toContain('A,2024-01,100');
    expect(used).toEqual([]); // not a recent document
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
    const { handlers, log } = setup({ chooseSave: async () => target }, async () => { throw new Error('renderer gone'); });
    const result = await handlers.exportPdf('Board report');
    expect(result).toEqual({ ok: false, error: 'The Board Report could not be turned into a PDF. Try again.' });
    expect(log).toHaveBeenCalledWith('printToPDF failed', expect.objectContaining({ message: 'renderer gone' }));
    await expect(readFile(target)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('a recovered document may be saved back to where it came from', async () => {
    const original = path.join(tempDir(), 'Q3.xlsx');
    await writeFile(original, 'last saved');
    const first = setup({ chooseOpen: async () => original });
    await first.handlers.openFile();
    expect(await first.handlers.writeRecovery({ path: original, bytes: bytes('recovered') })).toEqual({ ok: true, value: null });
    const { handlers } = setup(); // the next start: nothing granted yet
    expect((await handlers.saveFile(original, bytes('x'))).ok).toBe(false);
    const taken = await handlers.takeRecovery();
    expect(taken.ok && taken.value?.path).toBe(original);
    expect((await handlers.saveFile(original, bytes('recovered'))).ok).toBe(true);
  });

  it('a recovery copy naming a file the user never gave is refused, and nothing is granted by it', async () => {
    const secret = path.join(tempDir(), 'secret.xlsx');
    await writeFile(secret, 'private');
    const { handlers } = setup();
    const written = await handlers.writeRecovery({ path: secret, bytes: bytes('x') });
    expect(written).toEqual({ ok: false, error: expect.stringMatching(/never given/) });
    expect(await handlers.takeRecovery()).toEqual({ ok: true, value: null });
    expect((await handlers.readFile(secret)).ok).toBe(false);
  });

  it.each([
    ['not a workbook', '/home/ana/notes.txt'],
    ['a device path', '\\\\.\\PhysicalDrive0.xlsx'],
  ])('a dialog answer that is %s is refused with a message, not granted', async (_what, chosen) => {
    const { handlers, grants } = setup({ chooseOpen: async () => chosen, chooseSave: async () => chosen });
    expect(await handlers.openFile()).toEqual({ ok: false, error: expect.stringMatching(/choose an Excel workbook whose name ends in \.xlsx/) });
    expect((await handlers.saveFileAs('Q3', bytes('x'))).ok).toBe(false);
    expect(grants.has(chosen)).toBe(false);
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

describe('Import Actuals… (issue 14)', () => {
  it('reads the chosen .csv as bytes without granting it: the page cannot read or save it later', async () => {
    const file = path.join(tempDir(), 'billing.csv');
    await writeFile(file, 'customer,month,mrr\nA,2024-01,100\n');
    const { handlers, grants, used } = setup({ chooseActuals: async () => file });
    const r = await handlers.openActualsFile();
    if (!r.ok || !r.value) throw new Error('expected the file');
    expect(r.value.name).toBe('billing.csv');
    expect(new TextDecoder().decode(r.value.bytes)).toBe('customer,month,mrr\nA,2024-01,100\n');
    expect(grants.has(file)).toBe(false);
    expect(used).toEqual([]);
    expect((await handlers.readFile(file)).ok).toBe(false);
  });

  it('a cancelled dialog is null; a file of another kind is refused with its name', async () => {
    expect(await setup().handlers.openActualsFile()).toEqual({ ok: true, value: null });
    const other = path.join(tempDir(), 'notes.txt');
    await writeFile(other, 'x');
    const r = await setup({ chooseActuals: async () => other }).handlers.openActualsFile();
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain('“notes.txt”');
  });
});
