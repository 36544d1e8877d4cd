// Undo and redo over actions: each step keeps the action, its name for the
// Undo/Redo buttons, and the patch it made (the changed paths of the snapshot,
// each with its value before and after), not a copy of the document. Snapshots
// share structure (every edit copies only the path it changes), so the diff
// stops wherever the two are the same object.
import type { Action } from './actions';
import type { Snapshot } from './document';

type Path = readonly (string | number)[];
/** A value at a path; null when the path was absent (an error mark added, a lever removed). */
type Slot = { value: unknown } | null;
export interface Change { path: Path; before: Slot; after: Slot }

export interface Step {
  action: Action;
  /** "renewal rate of adopters 85% → 80%": what Undo (or Redo) would do, in the user's words */
  label: string;
  changes: readonly Change[];
}

export const HISTORY_LIMIT = 200;

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** The paths where `b` differs from `a`, descending while both are objects or same-length lists. */
export function diff(a: unknown, b: unknown, path: Path = [], out: Change[] = []): Change[] {
  if (Object.is(a, b)) return out;
  if (isRecord(a) && isRecord(b)) {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const inA = Object.prototype.hasOwnProperty.call(a, k);
      const inB = Object.prototype.hasOwnProperty.call(b, k);
      if (inA && inB) diff(a[k], b[k], [...path, k], out);
      else out.push({ path: [...path, k], before: inA ? { value: a[k] } : null, after: inB ? { value: b[k] } : null });
    }
    return out;
  }
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
    a.forEach((x, i) => diff(x, b[i], [...path, i], out));
    return out;
  }
  out.push({ path, before: { value: a }, after: { value: b } });
  return out;
}

/** `root` with the value at `path` replaced (or removed), copying only along the path. */
function setAt(root: unknown, path: Path, slot: Slot): unknown {
  if (path.length === 0) return slot?.value;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  const node = root as Record<string | number, unknown>;
  const copy: Record<string | number, unknown> = Array.isArray(root) ? ([...root] as never) : { ...node };
  if (rest.length === 0 && slot === null) delete copy[head];
  else copy[head] = setAt(node[head], rest, slot);
  return copy;
}

/** The snapshot before the step (undo). */
export function revert(snap: Snapshot, step: Step): Snapshot {
  let s: unknown = snap;
  for (let i = step.changes.length - 1; i >= 0; i--) s = setAt(s, step.changes[i]!.path, step.changes[i]!.before);
  return s as Snapshot;
}

/** The snapshot after the step (redo). */
export function replay(snap: Snapshot, step: Step): Snapshot {
  let s: unknown = snap;
  for (const c of step.changes) s = setAt(s, c.path, c.after);
  return s as Snapshot;
}

/** Deep equality of plain JSON-like values, quick where the two share structure. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  if (isRecord(a) && isRecord(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && sameValue(a[k], b[k]));
  }
  return false;
}
