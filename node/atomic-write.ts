// Save so that a crash, a full disk or a pulled plug leaves either the old
// file or the new one, never a torn one (Actual's `atomic-write.ts`): write a
// temp file in the same folder (same file system, so rename is atomic), fsync
// it, keep the old version as `.bak`, rename over the target, fsync the folder.
//
// A save must not change what the file IS, only what it holds:
// - a symlink stays a link: the write goes to the file it points at;
// - the permission bits (and the owner and group, where we are allowed to set
//   them) of the file being replaced carry over to the new one;
// - a read-only file is refused (EREADONLY), never silently replaced;
// - the `.bak` is a hard link to the old file, made after the new data is
//   safely written, and costs no disk space; only where links are not
//   supported is it a copy, and a copy that does not fit is skipped: the save
//   wins, and the caller is told (`backup: 'skipped'`); so is a `.bak` that cannot
//   be made because its name is taken by a folder or too long (issue 19);
// - only a regular file is replaced: a folder, a device (a link to /dev/null), a
//   pipe or a socket is refused (NotAFileError), each called what it is;
// - saves to one file run one after another in this process (`queued`), so
//   concurrent saves neither race for the `.bak` nor leave temp files.
//
// Plain Node, no Electron: the desktop app's main process and the CLI's export
// both write through it (this folder is what they share).
// Temp files left by a save that was killed are ours to remove: each temp name
// carries this machine and process, and the next save into the folder removes
// those whose process is gone (see `removeStaleTemps`).
import { createHash, randomBytes } from 'node:crypto';
import nodeFs, { constants } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export interface StatLike {
  mode: number;
  uid: number;
  gid: number;
  mtimeMs: number;
  isFile(): boolean;
  isSymbolicLink(): boolean;
  isDirectory?(): boolean;
  isFIFO?(): boolean;
  isSocket?(): boolean;
  isCharacterDevice?(): boolean;
  isBlockDevice?(): boolean;
}

/** The file-system calls atomic writes need; tests inject failures here. */
export interface AtomicFs {
  open(file: string, flags: string, mode?: number): Promise<FileHandleLike>;
  rename(from: string, to: string): Promise<void>;
  copyFile(from: string, to: string): Promise<void>;
  link(existing: string, newPath: string): Promise<void>;
  rm(file: string, options: { force: boolean }): Promise<void>;
  stat(file: string): Promise<StatLike>;
  lstat(file: string): Promise<StatLike>;
  readlink(file: string): Promise<string>;
  access(file: string, mode: number): Promise<void>;
  readdir(folder: string): Promise<string[]>;
}
export interface FileHandleLike {
  writeFile(data: Uint8Array): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
  chmod?(mode: number): Promise<void>;
  chown?(uid: number, gid: number): Promise<void>;
}

export const realFs: AtomicFs = {
  open: (file, flags, mode) => nodeFs.open(file, flags, mode),
  rename: (from, to) => nodeFs.rename(from, to),
  copyFile: (from, to) => nodeFs.copyFile(from, to),
  link: (existing, newPath) => nodeFs.link(existing, newPath),
  rm: (file, options) => nodeFs.rm(file, options),
  stat: (file) => nodeFs.stat(file),
  lstat: (file) => nodeFs.lstat(file),
  readlink: (file) => nodeFs.readlink(file),
  access: (file, mode) => nodeFs.access(file, mode),
  readdir: (folder) => nodeFs.readdir(folder),
};

export interface AtomicWriteOptions {
  fs?: AtomicFs;
  /** Keep the file being replaced as `<target>.bak` (one generation). */
  keepBackup?: boolean;
  /** Mode of a file that does not exist yet, before the umask (default 0666; the app's private files use 0600). */
  newFileMode?: number;
}

export interface WriteOutcome {
  /** The file actually written: the target, or the file a symlink target points at. */
  written: string;
  /** 'kept': a .bak of the old version; 'none': nothing to keep or not asked; 'skipped': it could not be made (why: `backupSkipped`). */
  backup: 'kept' | 'none' | 'skipped';
  /** why the backup was skipped: no room, its name taken by something that is not a file, or too long */
  backupSkipped?: 'noSpace' | 'nameTaken' | 'nameTooLong';
}

/** What the thing at a save's path is, when it is not a regular file. */
export type NotAFileKind = 'folder' | 'device' | 'pipe' | 'socket' | 'other';

/** The error for a path that is not a regular file; file-errors.ts says what it is. */
export class NotAFileError extends Error {
  readonly code: string;
  constructor(readonly file: string, readonly kind: NotAFileKind) {
    super(`${file} is not a file but a ${kind}`);
    // a folder keeps Node's own code, the rest get ours
    this.code = kind === 'folder' ? 'EISDIR' : 'ENOTFILE';
  }
}

const kindOf = (info: StatLike): NotAFileKind =>
  info.isDirectory?.() ? 'folder' : info.isCharacterDevice?.() || info.isBlockDevice?.() ? 'device' : info.isFIFO?.() ? 'pipe' : info.isSocket?.() ? 'socket' : 'other';

/** The error for a file whose permissions forbid writing; file-errors.ts turns it into a sentence. */
export class ReadOnlyFileError extends Error {
  readonly code = 'EREADONLY';
  constructor(readonly file: string) {
    super(`${file} is read-only`);
  }
}

// ---- temp names: ours, and whose ----

const HOST = createHash('sha256').update(os.hostname()).digest('hex').slice(0, 8);
/** `.<name>.~bowtie-<host>-<pid>-<random>.tmp`; nothing else matches. */
const TEMP = /^\..*\.~bowtie-([0-9a-f]{8})-(\d{1,10})-[0-9a-f]{12}\.tmp$/;
/** Before this naming: `.<name>.<random>.tmp`; removed only beside the file it was for, once old. */
const LEGACY_TEMP = /^\.(.+)\.[0-9a-f]{12}\.tmp$/;
/** A temp file from another machine (a shared folder) is only stale after this long. */
export const FOREIGN_TEMP_STALE_MS = 24 * 60 * 60 * 1000;
/** Temp files being written by this process right now, never removed as stale. */
const inFlight = new Set<string>();

/** A temp name for `target` written by process `pid` on machine `host` (the defaults: this one). */
export function tempPathFor(target: string, pid = process.pid, host = HOST): string {
  // Dot-prefixed and unique; the stem is cut so the name stays within NAME_MAX (255).
  const stem = path.basename(target).slice(0, 120);
  return path.join(path.dirname(target), `.${stem}.~bowtie-${host}-${pid}-${randomBytes(6).toString('hex')}.tmp`);
}

export interface StaleTempDeps {
  fs?: AtomicFs;
  now?: () => number;
  isAlive?: (pid: number) => boolean;
  uid?: number;
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return isCode(error, 'EPERM'); // it exists, it is just not ours to signal
  }
}

/**
 * Removes temp files that earlier saves of Bowtie left in `folder` when they
 * were killed half-way, and nothing else: the name must be ours, the entry a
 * regular file (not a link) owned by us, and the process that wrote it gone
 * (same machine), or the file a day old (another machine on a shared folder).
 * Best effort: a temp that cannot be removed now is tried again next time.
 */
export async function removeStaleTemps(folder: string, deps: StaleTempDeps = {}): Promise<string[]> {
  const fs = deps.fs ?? realFs;
  const now = deps.now ?? Date.now;
  const isAlive = deps.isAlive ?? processIsAlive;
  const uid = deps.uid ?? process.getuid?.();
  let names: string[];
  try {
    names = await fs.readdir(folder);
  } catch {
    return []; // the save itself will report an unreadable folder
  }
  const present = new Set(names);
  const removed: string[] = [];
  for (const name of names) {
    const file = path.join(folder, name);
    if (inFlight.has(file)) continue;
    const ours = TEMP.exec(name);
    const legacy = ours ? null : LEGACY_TEMP.exec(name);
    if (!ours && !(legacy && present.has(legacy[1]!))) continue;
    let info: StatLike;
    try {
      info = await fs.lstat(file);
    } catch {
      continue;
    }
    if (!info.isFile() || (uid !== undefined && info.uid !== uid)) continue;
    const age = now() - info.mtimeMs;
    const stale = ours
      ? ours[1] === HOST
        ? Number(ours[2]) !== process.pid && !isAlive(Number(ours[2]))
        : age > FOREIGN_TEMP_STALE_MS
      : age > FOREIGN_TEMP_STALE_MS;
    if (!stale) continue;
    try {
      await fs.rm(file, { force: true });
      removed.push(name);
    } catch {
      // Left for the next save; a leftover costs space, not data.
    }
  }
  return removed;
}

// ---- the write ----

/** Where a save to `target` must write: the file at the end of any symlinks. */
export async function resolveTarget(fs: AtomicFs, target: string): Promise<string> {
  let current = path.resolve(target);
  for (let hops = 0; hops < 40; hops++) {
    let info: StatLike;
    try {
      info = await fs.lstat(current);
    } catch (error) {
      if (isCode(error, 'ENOENT')) return current; // a new file (or a dangling link's target)
      throw error;
    }
    if (!info.isSymbolicLink()) return current;
    current = path.resolve(path.dirname(current), await fs.readlink(current));
  }
  throw Object.assign(new Error(`too many symbolic links: ${target}`), { code: 'ELOOP' });
}

async function existing(fs: AtomicFs, file: string): Promise<StatLike | null> {
  try {
    return await fs.stat(file);
  } catch (error) {
    if (isCode(error, 'ENOENT')) return null;
    throw error;
  }
}

/** No write bit at all (a read-only file, also on Windows), or not writable by us. */
async function assertWritable(fs: AtomicFs, file: string, info: StatLike): Promise<void> {
  if ((info.mode & 0o222) === 0) throw new ReadOnlyFileError(file);
  try {
    await fs.access(file, constants.W_OK);
  } catch (error) {
    if (isCode(error, 'EACCES', 'EPERM')) throw new ReadOnlyFileError(file);
    throw error;
  }
}

/** The saves waiting per file (by its real path): each starts when the one before it has ended. */
const queues = new Map<string, Promise<unknown>>();

function queued<T>(file: string, write: () => Promise<T>): Promise<T> {
  const before = queues.get(file) ?? Promise.resolve();
  const mine = before.then(write, write);
  const settled = mine.catch(() => undefined);
  queues.set(file, settled);
  void settled.then(() => { if (queues.get(file) === settled) queues.delete(file); });
  return mine;
}

export async function writeFileAtomic(target: string, data: Uint8Array, options: AtomicWriteOptions = {}): Promise<WriteOutcome> {
  const fs = options.fs ?? realFs;
  // Queued by the path as given before anything is awaited, so saves to it run in the order they were
  // asked for (resolving the path first let a later save overtake an earlier one); then by the real
  // path, so two names of one file (a link and its target) never write at once either.
  return queued(`as given:${target}`, async () => {
    const real = await resolveTarget(fs, target);
    return queued(real, () => writeResolved(fs, real, data, options));
  });
}

async function writeResolved(fs: AtomicFs, real: string, data: Uint8Array, options: AtomicWriteOptions): Promise<WriteOutcome> {
  const old = await existing(fs, real);
  if (old && !old.isFile()) throw new NotAFileError(real, kindOf(old));
  if (old) await assertWritable(fs, real, old);
  await removeStaleTemps(path.dirname(real), { fs });

  const created: string[] = [];
  let backup: WriteOutcome['backup'] = 'none';
  let backupSkipped: WriteOutcome['backupSkipped'];
  try {
    // The new data first: a save that fails leaves the folder as it was. The
    // backup after it needs no room when it is a link, and is dropped when it
    // is a copy that does not fit.
    const temp = tempPathFor(real);
    await writeAndSync(fs, temp, data, old, options.newFileMode ?? 0o666, created);
    if (options.keepBackup && old) {
      const byLink = await backUpByLink(fs, real, created);
      const kept = byLink === 'unsupported' ? await backUpByCopy(fs, real, created) : byLink;
      backup = kept === 'kept' ? 'kept' : 'skipped';
      if (kept !== 'kept') backupSkipped = kept;
    }
    await fs.rename(temp, real);
    forget(created, temp);
  } catch (error) {
    // Whatever failed, the target was not touched yet (rename is the last
    // step); remove our temp files so a failed save leaves no litter.
    await Promise.all(created.map((file) => fs.rm(file, { force: true }).catch(() => undefined)));
    throw error;
  } finally {
    for (const file of created) inFlight.delete(file);
  }
  await syncFolder(fs, path.dirname(real));
  return backupSkipped ? { written: real, backup, backupSkipped } : { written: real, backup };
}

function track(created: string[], file: string): void {
  created.push(file);
  inFlight.add(file);
}
function forget(created: string[], file: string): void {
  created.splice(created.indexOf(file), 1);
  inFlight.delete(file);
}

async function writeAndSync(fs: AtomicFs, file: string, data: Uint8Array, old: StatLike | null, newMode: number, created: string[]): Promise<void> {
  // 'wx': fail rather than follow a symlink or overwrite something planted at
  // the temp name. A new file gets its mode less the umask, as any program's would.
  inFlight.add(file);
  let handle: FileHandleLike;
  try {
    handle = await fs.open(file, 'wx', old ? old.mode & 0o777 : newMode);
  } catch (error) {
    inFlight.delete(file);
    throw error;
  }
  track(created, file);
  try {
    if (old) await keepOwnership(handle, old);
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** The replaced file's mode exactly (open's mode is cut by the umask), and its owner where allowed. */
async function keepOwnership(handle: FileHandleLike, old: StatLike): Promise<void> {
  await handle.chmod?.(old.mode & 0o777);
  if (process.platform === 'win32' || !handle.chown) return;
  if (old.uid === process.getuid?.() && old.gid === process.getgid?.()) return;
  try {
    await handle.chown(old.uid, old.gid);
  } catch {
    // Only root may give a file away; a member of the group may still keep the group.
    await handle.chown(-1, old.gid).catch(() => undefined);
  }
}

type BackupResult = 'kept' | NonNullable<WriteOutcome['backupSkipped']>;

/** `.bak` as a second name for the old file: no copy, no space. 'unsupported' where links are not supported. */
async function backUpByLink(fs: AtomicFs, real: string, created: string[]): Promise<BackupResult | 'unsupported'> {
  const temp = tempPathFor(`${real}.bak`);
  try {
    await fs.link(real, temp);
  } catch (error) {
    // FAT/exFAT drives and some network shares have no hard links.
    if (isCode(error, 'EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK', 'EACCES')) return 'unsupported';
    throw error;
  }
  track(created, temp);
  return putBackup(fs, temp, real, created);
}

/** `.bak` as a copy, after the new data is safely written: if the copy does not fit, the save goes on without it. */
async function backUpByCopy(fs: AtomicFs, real: string, created: string[]): Promise<BackupResult> {
  const temp = tempPathFor(`${real}.bak`);
  inFlight.add(temp);
  try {
    await fs.copyFile(real, temp);
  } catch (error) {
    inFlight.delete(temp);
    await fs.rm(temp, { force: true }).catch(() => undefined);
    if (isCode(error, 'ENOSPC', 'EDQUOT', 'EFBIG')) return 'noSpace';
    throw error;
  }
  track(created, temp);
  return putBackup(fs, temp, real, created);
}

/**
 * The backup's temp file renamed to `<real>.bak`. A `.bak` name taken by a folder, or too
 * long for the file system (a 252-character name), costs the backup, never the save.
 */
async function putBackup(fs: AtomicFs, temp: string, real: string, created: string[]): Promise<BackupResult> {
  try {
    await fs.rename(temp, `${real}.bak`);
  } catch (error) {
    const why = isCode(error, 'ENAMETOOLONG') ? 'nameTooLong' : isCode(error, 'EISDIR', 'ENOTEMPTY', 'EEXIST', 'ENOTDIR') ? 'nameTaken' : null;
    if (!why) throw error;
    await fs.rm(temp, { force: true }).catch(() => undefined);
    forget(created, temp);
    return why;
  }
  forget(created, temp);
  return 'kept';
}

/** Make the rename itself durable. Best effort: Windows cannot open a folder for fsync. */
async function syncFolder(fs: AtomicFs, folder: string): Promise<void> {
  try {
    const handle = await fs.open(folder, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // The data itself is already synced; only the directory entry's durability is best effort.
  }
}

export function isCode(error: unknown, ...codes: string[]): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && codes.includes(String(error.code));
}
