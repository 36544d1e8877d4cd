// Reading and writing one input by its canonical key. Lanes are addressed by id
// (`lanes.modules.attachRate`, or spec §6's `lanes[modules].attachRate`) or by
// position (`lanes[0].acv`); lists by index (`acquisition.newCustomersByYear[1]`).
import type { ModelInputs } from './inputs';

type Part = string | number;

/** Split a key into path segments; lane ids are resolved against `m`. */
export function keyPath(m: ModelInputs, key: string): Part[] | null {
  const raw: string[] = [];
  for (const part of key.split('.')) {
    const match = /^([A-Za-z_][A-Za-z0-9_]*)((?:\[[^\]]+\])*)$/.exec(part);
    if (!match) return null;
    raw.push(match[1]!);
    for (const idx of match[2]!.matchAll(/\[([^\]]+)\]/g)) raw.push(idx[1]!);
  }
  const path: Part[] = [];
  for (let i = 0; i < raw.length; i++) {
    const s = raw[i]!;
    if (/^\d+$/.test(s)) path.push(Number(s));
    else if (i === 1 && raw[0] === 'lanes') {
      const at = m.lanes.findIndex((l) => l.id === s);
      if (at < 0) return null;
      path.push(at);
    } else path.push(s);
  }
  return path;
}

export function getInput(m: ModelInputs, key: string): unknown {
  const path = keyPath(m, key);
  if (!path) return undefined;
  let cur: unknown = m;
  for (const s of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    if (!Object.prototype.hasOwnProperty.call(cur, s)) return undefined;
    cur = (cur as Record<string | number, unknown>)[s];
  }
  return cur;
}

/** A copy of `m` with one input replaced (structural sharing along the path). */
export function setInput(m: ModelInputs, key: string, value: unknown): ModelInputs {
  const path = keyPath(m, key);
  if (!path || getInput(m, key) === undefined) throw new Error(`unknown input ${key}`);
  const write = (node: unknown, i: number): unknown => {
    const s = path[i]!;
    const copy: Record<string | number, unknown> = Array.isArray(node) ? [...node] as never : { ...(node as object) };
    copy[s] = i === path.length - 1 ? value : write((node as Record<string | number, unknown>)[s], i + 1);
    return copy;
  };
  return write(m, 0) as ModelInputs;
}

/** The canonical key of a lane field: by id when ids are usable, else by position. */
export function laneFieldKey(m: ModelInputs, index: number, field: string): string {
  const id = m.lanes[index]?.id;
  const unique = id !== undefined && /^[A-Za-z][A-Za-z0-9_]{0,23}$/.test(id) && m.lanes.filter((l) => l?.id === id).length === 1;
  return unique ? `lanes.${id}.${field}` : `lanes[${index}].${field}`;
}
