// What a test expects of an actuals read (spec §9): its problem lines, or the
// one sentence of a file that cannot be read; anything else fails the test.
import { problemLine, type ActualsRead } from '@shared/actuals/index';

export const problems = (r: ActualsRead) => {
  if (r.ok || r.kind !== 'invalid') throw new Error(`expected unreadable rows, got ${JSON.stringify(r).slice(0, 200)}`);
  return r.problems.map(problemLine);
};
export const unreadable = (r: ActualsRead) => {
  if (r.ok || r.kind !== 'unreadable') throw new Error(`expected an unreadable file, got ${JSON.stringify(r).slice(0, 200)}`);
  return r.error;
};
