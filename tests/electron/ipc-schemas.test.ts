import { describe, expect, it } from 'vitest';
import { CHANNELS, defineChannels } from '../../electron/channels';
import { MAX_FILE_BYTES, SCHEMAS } from '../../electron/ipc-schemas';

const xlsx = new Uint8Array([0x50, 0x4b, 3, 4]);
// Claims to be one byte over the limit without allocating 200 MB.
const tooBig = Object.defineProperty(new Uint8Array(1), 'byteLength', { value: MAX_FILE_BYTES + 1 });
const good = {
  openFile: [],
  openActualsFile: [],
  readFile: ['/Users/ana/Q3 plan.xlsx'],
  saveFile: ['C:\\Users\\ana\\Q3 plan.XLSX', xlsx],
  saveFileAs: ['Q3 plan', xlsx],
  exportPdf: ['Q3 board report'],
  writeRecovery: [{ path: null, bytes: xlsx }],
  clearRecovery: [],
  takeRecovery: [],
  setDocumentState: [{ name: 'Q3 plan.xlsx', dirty: true }],
  confirmClose: [],
  cancelClose: [],
  appVersion: [],
} satisfies Record<keyof typeof SCHEMAS, unknown[]>;

// Each call's bad arguments, as a compromised or buggy page might send them.
const bad: Record<keyof typeof SCHEMAS, unknown[][]> = {
  openFile: [['/etc/passwd']],
  openActualsFile: [['/etc/passwd'], [{ path: '/etc/passwd' }]],
  readFile: [[], [42], ['relative/plan.xlsx'], ['/etc/passwd'], ['/tmp/plan.xlsx\u0000.txt'], ['/a.xlsx', 'extra'], [{ toString: () => '/a.xlsx' }]],
  saveFile: [['/tmp/a.xlsx'], ['/tmp/a.xlsx', 'text'], ['/tmp/a.xlsx', [1, 2, 3]], ['/tmp/a.exe', xlsx], ['\\\\?\\', xlsx], ['/tmp/a.xlsx', tooBig]],
  saveFileAs: [['../../etc/cron.d/x', xlsx], ['', xlsx], ['Q3', null], ['Q3\n', xlsx]],
  exportPdf: [[], ['/abs/path.pdf'], [12], ['x'.repeat(300)]],
  writeRecovery: [[{ bytes: xlsx }], [{ path: 'relative.xlsx', bytes: xlsx }], [{ path: null, bytes: 'x' }], [{ path: null, bytes: xlsx, extra: 1 }], [null], [[null, xlsx]]],
  clearRecovery: [[true]],
  takeRecovery: [['now']],
  setDocumentState: [[{ name: 'Q3', dirty: 'yes' }], [{ name: '', dirty: true }], [{ name: 'Q3' }], [{ name: 'a/b', dirty: false }], ['Q3', true], [Object.assign(Object.create({ polluted: true }), { name: 'Q3', dirty: true })]],
  confirmClose: [[1]],
  cancelClose: [['because']],
  appVersion: [[null]],
};

describe('workbook paths: network and device paths (issue 9 §4)', () => {
  const accepts = (p: string) => SCHEMAS.readFile([p], 'file/read').ok;
  it.each([
    '/Users/ana/Q3 plan.xlsx',
    'C:\\Users\\ana\\Q3 plan.xlsx',
    'C:/Users/ana/Q3 plan.xlsx',
    '\\\\fileserver\\finance\\Q3 plan.xlsx', // a share: accepted here, reached only once the user granted it
    '/home/ana/CON.xlsx', // a DOS device name means nothing on POSIX
  ])('accepts %s', (p) => expect(accepts(p)).toBe(true));

  it.each([
    ['\\\\?\\C:\\Users\\ana\\Q3.xlsx', /device path/],
    ['\\\\.\\PhysicalDrive0\\x.xlsx', /device path/],
    ['//?/C:/Users/ana/Q3.xlsx', /device path/],
    ['//./pipe/x.xlsx', /device path/],
    ['\\??\\C:\\x.xlsx', /device path/],
    ['C:\\Users\\ana\\Q3.xlsx:hidden.xlsx', /alternate data stream/],
    ['C:\\Users\\ana\\NUL.xlsx', /device name/],
    ['\\\\server\\share\\com1.backup.xlsx', /device name/],
    ['\\\\server', /absolute path/],
  ])('refuses %s', (p, reason) => {
    const result = SCHEMAS.readFile([p], 'file/read');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(reason);
  });
});

describe('IPC schemas', () => {
  it.each(Object.keys(SCHEMAS) as (keyof typeof SCHEMAS)[])('%s accepts its well-formed arguments', (method) => {
    expect(SCHEMAS[method](good[method], method)).toEqual({ ok: true, value: good[method] });
  });

  for (const method of Object.keys(SCHEMAS) as (keyof typeof SCHEMAS)[]) {
    it.each(bad[method].map((a, i) => [i + 1, a] as const))(`${method} rejects bad argument list #%i`, (_n, args) => {
      const result = SCHEMAS[method](args, CHANNELS[method]);
      expect(result.ok).toBe(false);
      expect(!result.ok && result.error).toContain(CHANNELS[method]);
    });
  }

  it('the error says which argument and why', () => {
    expect(SCHEMAS.setDocumentState([{ name: 'Q3', dirty: 'yes' }], 'window/document-state')).toEqual({
      ok: false,
      error: 'window/document-state argument 1.dirty: expected true or false',
    });
  });
});

describe('the channel registry', () => {
  it('rejects a channel name registered twice', () => {
    expect(() => defineChannels({ save: 'file/save', saveAs: 'file/save' })).toThrow(/"file\/save" is registered twice/);
  });

  it('has one distinct name per call and event', () => {
    const names = Object.values(CHANNELS);
    expect(new Set(names).size).toBe(names.length);
    expect(Object.keys(SCHEMAS).every((m) => m in CHANNELS)).toBe(true);
  });
});
