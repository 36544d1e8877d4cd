// Turns file-system errors into sentences a finance lead can act on. The
// document stays open and dirty whatever happens; the messages say so.
import path from 'node:path';
import { NotAFileError } from '../node/atomic-write';

export type FileAction = 'save' | 'open' | 'export';

export function errorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') return error.code;
  return undefined;
}

/** Where the file system looked: a save through a link writes beside the file it points at, and its errors say so. */
function whereItFailed(error: unknown, file: string): string {
  const at = typeof error === 'object' && error !== null && 'path' in error && typeof error.path === 'string' ? error.path : null;
  return at && path.isAbsolute(at) ? at : file;
}

export function describeFileError(error: unknown, action: FileAction, file: string): string {
  const name = `“${path.basename(file)}”`;
  const folder = `“${path.dirname(whereItFailed(error, file))}”`;
  const code = errorCode(error);
  const kept = action === 'save' ? ' Your changes are still open and not saved.' : '';
  const verb = action === 'open' ? 'open' : action === 'export' ? 'export' : 'save';
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return `The disk is full, so Bowtie could not ${verb} ${name}. Free some space or save to another drive.${kept}`;
    case 'EREADONLY':
      // Ours (atomic-write.ts): the file's own permissions say it must not change.
      return action === 'export'
        ? `${name} is read-only, so Bowtie did not replace it. Export again and choose another name.`
        : `${name} is read-only, so Bowtie did not change it. Choose Save As… to save your model under another name or in another folder.${kept}`;
    case 'EROFS':
      return `The folder ${folder} is on a read-only drive, so Bowtie could not ${verb} ${name}. Choose Save As… and another folder.${kept}`;
    case 'EACCES':
      return action === 'open'
        ? `Bowtie is not allowed to read ${name}. Check the file’s permissions.`
        : `Bowtie is not allowed to ${verb} ${name} in ${folder} (the folder may be read-only). Choose Save As… and another folder.${kept}`;
    case 'EBUSY':
    case 'EPERM':
    case 'ETXTBSY':
      // On Windows a workbook open in Excel is locked: EBUSY or EPERM.
      return `${name} is locked, perhaps because it is open in another program such as Excel. Close it there and try again, or choose Save As….${kept}`;
    case 'ENOENT':
      return action === 'open'
        ? `${name} no longer exists in ${folder}.`
        : `The folder ${folder} no longer exists, so Bowtie could not ${verb} ${name}. Choose Save As….${kept}`;
    case 'EISDIR':
    case 'ENOTFILE': {
      // Ours (atomic-write.ts' NotAFileError): what the path really is, and where a link led.
      const kind = error instanceof NotAFileError ? error.kind : 'folder';
      const real = error instanceof NotAFileError && path.resolve(error.file) !== path.resolve(file) ? ` (it leads to “${error.file}”)` : '';
      const what = { folder: 'a folder', device: 'a device', pipe: 'a pipe (FIFO)', socket: 'a socket', other: 'not a regular file' }[kind];
      return `${name} is ${kind === 'other' ? what : `${what}, not a file`}${real}, so Bowtie did not ${verb} it.${action === 'save' ? ' Choose Save As….' : ''}`;
    }
    case 'ENAMETOOLONG':
      return `The path of ${name} is too long for this system. Choose a shorter name or folder.${kept}`;
    case 'EMFILE':
    case 'ENFILE':
      return `Too many files are open, so Bowtie could not ${verb} ${name}. Close other programs and try again.${kept}`;
    case 'EIO':
      return `The drive reported a read/write error, so Bowtie could not ${verb} ${name}. If it is a network or USB drive, check it is still connected.${kept}`;
    default:
      return `Bowtie could not ${verb} ${name}${code ? ` (${code})` : ''}.${kept}`;
  }
}
