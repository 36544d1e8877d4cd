// The CSV reader against mutated real exports (issue 19): long digit runs,
// encodings, quotes, line ends, huge fields. Whatever comes in, the read ends
// as the command's exit 0 (figures), 1 (rows named by line and column) or 2
// (one sentence), never by an exception, and every message is short.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { figuresOf, problemLine, readActualsCsvBytes } from '@shared/actuals/index';
import { mutatedExport } from '../../support/csv-mutations';

/** The exit code `bowtie actuals` gives a read (cli/bowtie.ts). */
const exitOf = (bytes: Uint8Array, chunk: number): { code: 0 | 1 | 2; messages: string[] } => {
  const r = figuresOf(readActualsCsvBytes(bytes, chunk));
  if (r.ok) return { code: 0, messages: [] };
  if (r.kind === 'invalid') return { code: 1, messages: r.problems.map(problemLine) };
  return { code: 2, messages: [r.error] };
};

describe('the CSV reader on mutated real exports', () => {
  it('ends in exit 0, 1 or 2 with short messages that name the place, however the bytes arrive', () => {
    fc.assert(fc.property(mutatedExport(), fc.integer({ min: 1, max: 1 << 16 }), ({ bytes }, chunk) => {
      const { code, messages } = exitOf(bytes, chunk);
      expect([0, 1, 2]).toContain(code);
      for (const m of messages) expect(m.length, m).toBeLessThan(200);
      if (code === 1) for (const m of messages) expect(m).toMatch(/^line \d+, column [^:]+: /);
      // the same bytes in one piece read the same
      expect(exitOf(bytes, bytes.length + 1)).toEqual({ code, messages });
    }), { numRuns: 120 });
  });

  it('a huge field or a long digit run ends too, at the same limits', () => {
    fc.assert(fc.property(mutatedExport(5_000_000), ({ bytes }) => {
      expect([0, 1, 2]).toContain(exitOf(bytes, 1 << 16).code);
    }), { numRuns: 8 });
  });
});
