// The window title follows the document: its file name and an unsaved marker.
// macOS convention is "Name — Edited" (plus the dot in the close button via
// setDocumentEdited); Windows and Linux put a marker first and the app name last.
export function windowTitle(state: { name: string; dirty: boolean }, platform: NodeJS.Platform): string {
  if (platform === 'darwin') return state.dirty ? `${state.name} — Edited` : state.name;
  return `${state.dirty ? '● ' : ''}${state.name} — Bowtie`;
}
