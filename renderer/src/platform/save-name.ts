// The name a Save As (or PDF) dialog suggests: the file's own name once it has
// one, else the model's name ("Example SaaS.xlsx"), never "Untitled.xlsx" while
// the model has a name (issue 23.8).
import { UNTITLED } from '../store/document-store';

// Characters Windows, macOS or Linux refuse in a file name, and control characters.
const NOT_IN_FILE_NAMES = /[\\/:*?"<>|\u0000-\u001f]+/g;

/** `Untitled.xlsx` and model "Q3 plan: base" → `Q3 plan - base.xlsx`; a saved file keeps its name. */
export function suggestedFileName(fileName: string, modelName: string, extension = '.xlsx'): string {
  const stem = fileName === UNTITLED
    ? modelName.replace(NOT_IN_FILE_NAMES, ' - ').replace(/\s+/g, ' ').replace(/^[\s.-]+|[\s.-]+$/g, '').slice(0, 100)
    : fileName.replace(/\.xlsx$/i, '');
  return `${stem || UNTITLED.replace(/\.xlsx$/i, '')}${extension}`;
}
