// Every IPC argument arrives as `unknown` and is parsed here before main uses
// it (Signal's `schemas.std.ts`; Actual's `external-links.ts` accepts only the
// shapes it expects). Parsers are tiny on purpose: the main process has a
// dozen calls, and a schema library would be more code to trust than this.
import type { DesktopApi, Result } from '@shared/desktop-api';
import type { InvokeMethod } from './channels';

export type Parser<T> = (input: unknown, at: string) => Result<T>;

const ok = <T>(value: T): Result<T> => ({ ok: true, value });
const fail = (at: string, message: string): Result<never> => ({ ok: false, error: `${at}: ${message}` });

/** Largest workbook or recovery copy we accept over IPC: far above any real model. */
export const MAX_FILE_BYTES = 200 * 1024 * 1024;
// Control characters never belong in a path or a window title.
const CONTROL = /[\u0000-\u001f\u007f]/;

export const bytes: Parser<Uint8Array> = (input, at) => {
  if (!(input instanceof Uint8Array)) return fail(at, 'expected bytes (Uint8Array)');
  if (input.byteLength > MAX_FILE_BYTES) return fail(at, `more than ${MAX_FILE_BYTES} bytes`);
  return ok(input);
};

export const boolean: Parser<boolean> = (input, at) =>
  typeof input === 'boolean' ? ok(input) : fail(at, 'expected true or false');

/** A name for display or as a dialog's suggested file name: no folders, no control characters. */
export const displayName: Parser<string> = (input, at) => {
  if (typeof input !== 'string') return fail(at, 'expected a string');
  if (input.length < 1 || input.length > 255) return fail(at, 'expected 1 to 255 characters');
  if (CONTROL.test(input)) return fail(at, 'must not contain control characters');
  if (/[\\/]/.test(input)) return fail(at, 'must be a name, not a path');
  return ok(input);
};

/**
 * Why a path may not name a workbook, or null if it may. Checked by hand so
 * the answer is the same on every platform the tests run on.
 * - POSIX (`/…`) and Windows drive paths (`C:\…`) are fine.
 * - UNC paths (`\\server\share\…`) are fine: workbooks live on shares. They
 *   are reached only once the user granted them (file-service.ts), so a page
 *   cannot make the host connect to a server of its choosing.
 * - Device and verbatim paths (`\\?\`, `\\.\`, `\??\`, also with `/`) are
 *   refused: they skip Windows' path rules and can name raw disks, pipes and
 *   devices; no dialog hands them out and no user types them.
 * - An NTFS stream (`plan.xlsx:hidden.xlsx`) or a DOS device name (`NUL.xlsx`,
 *   `COM1.xlsx`) is refused for the same reason.
 */
export function workbookPathProblem(p: string): string | null {
  if (p.length < 1 || p.length > 4096) return 'expected a path of 1 to 4096 characters';
  if (CONTROL.test(p)) return 'must not contain control characters';
  if (/^[\\/][\\/][?.][\\/]/.test(p) || /^[\\/]\?\?[\\/]/.test(p)) return 'must not be a device path (\\\\?\\ or \\\\.\\)';
  if (!isAbsolutePath(p)) return 'must be an absolute path';
  if (!/\.xlsx$/i.test(p)) return 'must be an .xlsx workbook';
  const windowsShaped = /^[A-Za-z]:/.test(p) || p.startsWith('\\\\');
  if (windowsShaped && p.slice(2).includes(':')) return 'must not name an alternate data stream';
  const stem = (p.split(/[\\/]/).pop() ?? '').replace(/\..*$/, '');
  if (windowsShaped && /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i.test(stem)) return 'must not be a device name';
  return null;
}

/** An absolute path to a workbook. Relative paths, devices and other file types are refused. */
export const workbookPath: Parser<string> = (input, at) => {
  if (typeof input !== 'string') return fail(at, 'expected a path');
  const problem = workbookPathProblem(input);
  return problem === null ? ok(input) : fail(at, problem);
};

function isAbsolutePath(p: string): boolean {
  // POSIX, Windows drive (C:\ or C:/) or UNC (\\server\share).
  return p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) || /^\\\\[^\\]+\\[^\\]+/.test(p);
}

export function nullable<T>(inner: Parser<T>): Parser<T | null> {
  return (input, at) => (input === null ? ok(null) : inner(input, at));
}

/** A plain object with exactly these keys: an unexpected key is a bug on the other side, not data to ignore. */
export function object<T extends Record<string, unknown>>(shape: { [K in keyof T]: Parser<T[K]> }): Parser<T> {
  return (input, at) => {
    if (typeof input !== 'object' || input === null || Array.isArray(input)) return fail(at, 'expected an object');
    if (Object.getPrototypeOf(input) !== Object.prototype && Object.getPrototypeOf(input) !== null) {
      return fail(at, 'expected a plain object');
    }
    const record = input as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      if (!Object.hasOwn(shape, key)) return fail(at, `unexpected key "${key}"`);
    }
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(shape) as (keyof T & string)[]) {
      const parsed = shape[key](record[key], `${at}.${key}`);
      if (!parsed.ok) return parsed;
      out[key] = parsed.value;
    }
    return ok(out as T);
  };
}

/** The whole argument list of a call: exactly these arguments, no more. */
export function args<T extends unknown[]>(...parsers: { [K in keyof T]: Parser<T[K]> }): Parser<T> {
  return (input, at) => {
    if (!Array.isArray(input)) return fail(at, 'expected an argument list');
    if (input.length !== parsers.length) {
      return fail(at, `expected ${parsers.length} argument${parsers.length === 1 ? '' : 's'}, got ${input.length}`);
    }
    const out: unknown[] = [];
    for (let i = 0; i < parsers.length; i++) {
      const parsed = (parsers[i] as Parser<unknown>)(input[i], `${at} argument ${i + 1}`);
      if (!parsed.ok) return parsed;
      out.push(parsed.value);
    }
    return ok(out as T);
  };
}

type ArgsOf<K extends InvokeMethod> = Parameters<DesktopApi[K]>;

/** One schema per call; the type makes each produce exactly the method's parameters. */
export const SCHEMAS: { [K in InvokeMethod]: Parser<ArgsOf<K>> } = {
  openFile: args(),
  openActualsFile: args(),
  readFile: args(workbookPath),
  saveFile: args(workbookPath, bytes),
  saveFileAs: args(displayName, bytes),
  exportPdf: args(displayName),
  writeRecovery: args(object({ path: nullable(workbookPath), bytes })),
  clearRecovery: args(),
  takeRecovery: args(),
  setDocumentState: args(object({ name: displayName, dirty: boolean })),
  confirmClose: args(),
  cancelClose: args(),
  appVersion: args(),
};
