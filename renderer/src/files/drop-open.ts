// A workbook dropped on the window opens like any other (Save / Don't Save /
// Cancel first when there are unsaved changes). The page gets the file's bytes,
// never its path: the host grants paths only from its own dialogs, the OS and
// the recent list, so a dropped workbook opens without a place to save to, and
// Save asks where (Save As…, with its name suggested).
//
// A billing export dropped is imported as actuals (issue 14): a .csv anywhere
// (switching to the Actuals sheet), an .xlsx only while the Actuals sheet is
// shown; elsewhere an .xlsx opens as a model, as it always has. The CSV is
// handed to the import worker as the File itself, which streams it.
import { importActuals } from '../actuals/import-actuals';
import { showDialog, showSheet, uiStore } from '../store/ui-store';
import { openBytes } from './file-actions';

/** As the host's own limit (electron/ipc-schemas.ts MAX_FILE_BYTES): far above any real model. */
const MAX_DROP_BYTES = 200 * 1024 * 1024;

const carriesFiles = (e: DragEvent) => e.dataTransfer?.types.includes('Files') ?? false;

export async function openDropped(files: readonly File[]): Promise<boolean> {
  const onActuals = uiStore.getState().activeSheet === 'actuals';
  const csv = files.find((f) => /\.csv$/i.test(f.name));
  const actuals = csv ?? (onActuals ? files.find((f) => /\.xlsx$/i.test(f.name)) : undefined);
  if (actuals) {
    showSheet('actuals');
    return importActuals(actuals.name, actuals);
  }
  const workbook = files.find((f) => /\.xlsx$/i.test(f.name));
  if (!workbook) {
    const names = files.map((f) => `“${f.name}”`).join(', ');
    showDialog({ title: 'Not a workbook', intro: `Bowtie opens Excel workbooks (.xlsx) and imports billing exports (.csv); ${names || 'what was dropped'} is neither. The current model is unchanged.`, lines: [] });
    return false;
  }
  if (workbook.size > MAX_DROP_BYTES) {
    showDialog({ title: `${workbook.name} could not be opened`, intro: `It is ${Math.round(workbook.size / 1e6)} MB, too large to be a Bowtie workbook. The current model is unchanged.`, lines: [] });
    return false;
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await workbook.arrayBuffer());
  } catch (error) {
    showDialog({ title: `${workbook.name} could not be opened`, intro: 'The dropped file could not be read. The current model is unchanged.', lines: [{ text: String(error) }] });
    return false;
  }
  const others = files.length > 1 ? '; Bowtie opens one workbook at a time' : '';
  return openBytes(workbook.name, null, bytes, { note: `dropped, so Save will ask where to save it${others}` });
}

/** Listens on the whole window; returns the cleanup. */
export function startDropOpen(win: Window = window): () => void {
  const root = win.document.documentElement;
  const onDragOver = (e: DragEvent) => {
    if (!carriesFiles(e)) return;
    e.preventDefault(); // without this the drop is refused
    if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    root.classList.add('drop-target-active');
  };
  const onDragLeave = (e: DragEvent) => {
    if (e.relatedTarget === null) root.classList.remove('drop-target-active');
  };
  const onDrop = (e: DragEvent) => {
    root.classList.remove('drop-target-active');
    if (!carriesFiles(e)) return;
    e.preventDefault();
    void openDropped([...(e.dataTransfer?.files ?? [])]);
  };
  win.addEventListener('dragover', onDragOver);
  win.addEventListener('dragleave', onDragLeave);
  win.addEventListener('drop', onDrop);
  return () => {
    win.removeEventListener('dragover', onDragOver);
    win.removeEventListener('dragleave', onDragLeave);
    win.removeEventListener('drop', onDrop);
  };
}
