// A page that has been taken over (a parser bug in a client's workbook, say)
// plays against every IPC channel with the real main-process modules behind
// them: the sender check, the schemas, the handlers, the grants, the file
// service and the recovery store, on a real temp folder. Whatever it sends,
// it must not read, write or be granted a file the user never gave, must not
// get anything into the app's folder but recovery copies named by main, and
// must always get a Result back (issue 9 §4).
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { tempDirEachTest } from '../support/temp-dir';
import { CHANNELS, type InvokeMethod } from '../../electron/channels';
import { createFileService, PathGrants } from '../../electron/file-service';
import { registerIpcHandlers, type Handlers, type InvokeEventLike } from '../../electron/ipc';
import { createHandlers } from '../../electron/ipc-handlers';
import { MAX_FILE_BYTES } from '../../electron/ipc-schemas';
import { createRecoveryStore } from '../../electron/recovery';
import { isAppUrl } from '../../electron/security';
import { createDocumentController } from '../../electron/window';

const tempDir = tempDirEachTest('bowtie-hostile-');
const SECRET = 'the other client’s numbers';
const bytes = (text: string) => new TextEncoder().encode(text);
const fromApp: InvokeEventLike = { senderFrame: { url: 'app://bowtie/index.html' } };

type Listener = (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>;

async function snapshot(root: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  async function walk(dir: string): Promise<void> {
    for (const name of await readdir(dir)) {
      const file = path.join(dir, name);
      const info = await stat(file);
      if (info.isDirectory()) await walk(file);
      else out[path.relative(root, file)] = `${info.mode.toString(8)} ${createHash('sha256').update(await readFile(file)).digest('hex')}`;
    }
  }
  await walk(root);
  return out;
}

function world() {
  const root = tempDir();
  const home = path.join(root, 'home');
  const userData = path.join(root, 'userData');
  const given = path.join(home, 'Given by the user.xlsx');
  const secret = path.join(home, 'Never given.xlsx');
  const grants = new PathGrants();
  const log = vi.fn();
  const win = { on: () => undefined, setTitle: () => undefined, close: () => undefined, isDestroyed: () => false };
  const doc = createDocumentController({ win, platform: 'linux', ask: async () => 2, requestSave: () => undefined, onDiscard: async () => undefined, onCancelled: () => undefined, log });
  const real = createHandlers({
    // The user opened one file with the dialog; every later dialog is cancelled.
    dialogs: { chooseOpen: vi.fn(async (): Promise<string | null> => null).mockResolvedValueOnce(given), chooseSave: async () => null, chooseActuals: async () => null },
    files: createFileService({ grants }),
    grants,
    recovery: createRecoveryStore({ folder: path.join(userData, 'recovery') }),
    document: () => doc,
    printToPdf: async () => bytes('%PDF-'),
    version: '0.1.0',
    log,
  });
  // Every handler behind a spy, to prove refused calls never reach one.
  const spies = Object.fromEntries(Object.entries(real).map(([k, f]) => [k, vi.fn(f as (...a: unknown[]) => unknown)])) as unknown as Handlers;
  const channels = new Map<string, Listener>();
  registerIpcHandlers({ handle: (channel, listener) => channels.set(channel, listener) }, spies, { isTrustedUrl: isAppUrl, log });
  const invoke = (method: InvokeMethod, args: unknown[], event: InvokeEventLike = fromApp) => channels.get(CHANNELS[method])!(event, ...args);
  return { root, home, userData, given, secret, grants, spies, invoke };
}

let w: ReturnType<typeof world>;
beforeEach(async () => {
  w = world();
  await mkdir(w.home, { recursive: true });
  await writeFile(w.given, 'PK given');
  await writeFile(w.secret, SECRET);
  await writeFile(path.join(w.home, 'notes.txt'), SECRET);
  // The user opens one file, as a real session would start.
  expect(await w.invoke('openFile', [])).toMatchObject({ ok: true, value: { path: w.given } });
});

/** Paths a hostile page would try: the secret by every spelling, shares, devices, the app's own files. */
const hostilePaths = () => [
  w.secret,
  `${w.home}/sub/../Never given.xlsx`,
  `${w.home}//Never given.xlsx`,
  `${w.secret}/`,
  w.secret.toUpperCase(),
  path.join(w.home, 'notes.txt'),
  path.join(w.userData, 'settings.json'),
  path.join(w.userData, 'recovery', 'recovery-1.xlsx'),
  '\\\\attacker.example\\share\\payload.xlsx',
  '//attacker.example/share/payload.xlsx',
  '\\\\?\\C:\\Windows\\System32\\config\\SAM.xlsx',
  '\\\\.\\PhysicalDrive0.xlsx',
  'C:\\Users\\ana\\Q3.xlsx:secret.xlsx',
  'file:///etc/passwd.xlsx',
  'Never given.xlsx',
  '../Never given.xlsx',
  `${w.secret}\u0000.txt`,
  `/${'a/'.repeat(3000)}x.xlsx`,
];

/** Non-path junk for any argument. */
const junk = (): unknown[] => [
  undefined, null, 0, -1, NaN, true, '', 'x'.repeat(10_000), [], {}, [w.secret], { toString: () => w.secret },
  JSON.parse(`{"__proto__": {"path": ${JSON.stringify(w.secret)}}}`), Object.create(null), new Uint8Array(0),
  Object.defineProperty(new Uint8Array(1), 'byteLength', { value: MAX_FILE_BYTES + 1 }), new Date(), /x/,
];

/** Each channel's attacks; the Record type makes a new channel fail to compile until it is listed here. */
const attacks: Record<InvokeMethod, () => unknown[][]> = {
  openFile: () => [[w.secret], [{ path: w.secret }], ...junk().map((j) => [j])],
  openActualsFile: () => [[w.secret], [{ path: w.secret }], ...junk().map((j) => [j])],
  readFile: () => [...hostilePaths().map((p) => [p]), ...junk().map((j) => [j]), [w.given, 'extra']],
  saveFile: () => [...hostilePaths().map((p) => [p, bytes('pwned')]), ...junk().map((j) => [j, bytes('pwned')]), [w.given, 'not bytes']],
  saveFileAs: () => [['../../Never given', bytes('pwned')], [w.secret, bytes('pwned')], ['a/b', bytes('x')], ['\u0007', bytes('x')], ...junk().map((j) => [j, bytes('x')])],
  exportPdf: () => [[w.secret], ['../../Never given'], ...junk().map((j) => [j])],
  writeRecovery: () => [
    ...hostilePaths().map((p) => [{ path: p, bytes: bytes('pwned') }]),
    [{ path: null, bytes: bytes('x'), file: '../../home/Never given.xlsx' }],
    [{ path: null, bytes: bytes('x'), folder: w.home }],
    ...junk().map((j) => [{ path: j, bytes: bytes('x') }]),
    ...junk().map((j) => [j]),
  ],
  clearRecovery: () => [[w.secret], ...junk().map((j) => [j])],
  takeRecovery: () => [[w.secret], ...junk().map((j) => [j])],
  setDocumentState: () => [[{ name: w.secret, dirty: false }], [{ name: 'x', dirty: false, path: w.secret }], ...junk().map((j) => [{ name: j, dirty: true }])],
  confirmClose: () => [[], [true], ...junk().map((j) => [j])],
  cancelClose: () => [[], [true], ...junk().map((j) => [j])],
  appVersion: () => [[w.secret], ...junk().map((j) => [j])],
};

/** The world is as the user left it: nothing granted, read, written or leaked beyond what they gave. */
async function expectNothingReached(before: Record<string, string>, results: unknown[]): Promise<void> {
  for (const result of results) {
    expect(result).toEqual(expect.objectContaining({ ok: expect.any(Boolean) }));
    const text = JSON.stringify(result, (_k, v) => (v instanceof Uint8Array ? new TextDecoder().decode(v) : v));
    expect(text).not.toContain(SECRET);
  }
  for (const p of hostilePaths()) expect(w.grants.has(p), p).toBe(false);
  const after = await snapshot(w.root);
  // The user's folder is untouched; the app's folder holds at most recovery copies named by main.
  const mine = (snap: Record<string, string>) => Object.fromEntries(Object.entries(snap).filter(([k]) => k.startsWith('home')));
  expect(mine(after)).toEqual(mine(before));
  for (const file of Object.keys(after).filter((k) => k.startsWith('userData'))) {
    expect(file).toMatch(/^userData\/recovery\/(recovery\.json|recovery-\d+\.xlsx)$/);
  }
}

describe('a hostile renderer against every channel', () => {
  it('every attack on every channel gets a Result and reaches nothing the user did not give', async () => {
    const before = await snapshot(w.root);
    const results: unknown[] = [];
    for (const method of Object.keys(attacks) as InvokeMethod[]) {
      for (const args of attacks[method]()) results.push(await w.invoke(method, args));
    }
    // And what a recovery copy might have smuggled in is not offered or granted at the next take.
    results.push(await w.invoke('takeRecovery', []));
    for (const p of hostilePaths()) results.push(await w.invoke('readFile', [p]));
    expect(results.length).toBeGreaterThan(200);
    await expectNothingReached(before, results);
  });

  it('a recovery copy cannot launder a path into a grant: write, take, then read or save the secret', async () => {
    const before = await snapshot(w.root);
    const results = [
      await w.invoke('writeRecovery', [{ path: w.secret, bytes: bytes('pwned') }]),
      await w.invoke('takeRecovery', []),
      await w.invoke('readFile', [w.secret]),
      await w.invoke('saveFile', [w.secret, bytes('pwned')]),
    ];
    expect(results[0]).toMatchObject({ ok: false });
    expect(results[1]).toEqual({ ok: true, value: null });
    expect(results[2]).toMatchObject({ ok: false });
    expect(results[3]).toMatchObject({ ok: false });
    await expectNothingReached(before, results);
  });

  it('the same page, legitimately, may keep a recovery copy of the file the user gave', async () => {
    expect(await w.invoke('writeRecovery', [{ path: w.given, bytes: bytes('edits') }])).toEqual({ ok: true, value: null });
    const taken = (await w.invoke('takeRecovery', [])) as { ok: true; value: { path: string } };
    expect(taken.value.path).toBe(w.given);
  });

  it.each([
    ['another site', 'https://evil.example/'],
    ['a local file', 'file:///home/ana/evil.html'],
    ['a look-alike host', 'app://bowtie.evil/index.html'],
    ['credentials in the URL', 'app://user@bowtie/index.html'],
    ['a destroyed frame', null],
  ])('calls from %s are refused on every channel before any handler runs', async (_what, url) => {
    const event: InvokeEventLike = { senderFrame: url === null ? null : { url } };
    const calls = (method: InvokeMethod) => vi.mocked(w.spies[method]).mock.calls.length;
    for (const method of Object.keys(attacks) as InvokeMethod[]) {
      const args = method === 'readFile' ? [w.given] : method === 'saveFile' ? [w.given, bytes('x')] : [];
      const before = calls(method);
      expect(await w.invoke(method, args, event), method).toEqual({ ok: false, error: expect.stringMatching(/Refused/) });
      expect(calls(method), method).toBe(before);
    }
    expect(await readFile(w.given, 'utf8')).toBe('PK given');
  });

  it('random argument lists on random channels never throw, grant or touch the user’s files (property)', async () => {
    const before = await snapshot(w.root);
    const methods = Object.keys(attacks) as InvokeMethod[];
    const results: unknown[] = [];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...methods),
        fc.array(fc.oneof(fc.anything(), fc.constantFrom(...hostilePaths()), fc.record({ path: fc.constantFrom(...hostilePaths()), bytes: fc.uint8Array({ maxLength: 16 }) })), { maxLength: 3 }),
        async (method, args) => {
          const result = await w.invoke(method, args);
          results.push(result);
          return typeof result === 'object' && result !== null && 'ok' in result;
        },
      ),
      { numRuns: 300 },
    );
    await expectNothingReached(before, results);
  });
});
