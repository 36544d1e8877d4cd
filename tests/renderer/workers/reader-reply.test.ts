// The reader renderer parsed a hostile file and may be compromised: its answer
// is checked before the workspace uses it (reader-reply.ts), and the desktop
// transport turns every failure into the "could not be opened" sentence.
import { describe, expect, it } from 'vitest';
import { defaultInputs } from '@shared/index';
import { readWorkbook, writeWorkbook } from '@shared/workbook/index';
import { parseReaderReply } from '../../../renderer/src/workers/reader-reply';
import { hostReaderTransport } from '../../../renderer/src/workers/read-transport';
import { readOutcome } from '../../../renderer/src/workers/read-outcome';

const good = { ok: true, inputs: defaultInputs(), extras: {}, notes: ['a note'] };

describe("the reader's answer", () => {
  it('a real read of a real workbook passes as it is', async () => {
    const outcome = await readOutcome(await writeWorkbook({ inputs: defaultInputs(), appVersion: 'test' }));
    expect(parseReaderReply(structuredClone(outcome))).toEqual({ ok: true, outcome });
    const invalid = { ok: false, kind: 'invalid', problems: [{ where: 'Assumptions!B21', path: 'acquisition.acv', message: 'must be a number, got "lots"' }] };
    expect(parseReaderReply(invalid)).toEqual({ ok: true, outcome: invalid });
    expect(parseReaderReply({ ok: false, kind: 'unreadable', error: 'the file is damaged or truncated' })).toMatchObject({ ok: true });
  });

  it.each([
    ['not an object', 'a string'],
    ['null', null],
    ['an unknown kind', { ok: false, kind: 'pwned', error: 'x' }],
    ['an extra field', { ...good, script: 'alert(1)' }],
    ['a missing field', { ok: true, inputs: defaultInputs(), notes: [] }],
    ['notes that are not strings', { ...good, notes: [{ toString: 'x' }] }],
    ['a note of a megabyte', { ...good, notes: ['x'.repeat(1_000_000)] }],
    ['inputs that are not a model', { ...good, inputs: { lanes: [[]] } }],
    ['a rate of 150%', { ...good, inputs: { ...defaultInputs(), journey: { ...defaultInputs().journey, renewal: { ...defaultInputs().journey.renewal, rate: 1.5 } } } }],
    ['inputs that are not plain data', { ...good, inputs: new Map() }],
    ['inputs with a number that is not finite', { ...good, inputs: { ...defaultInputs(), general: { ...defaultInputs().general, months: Infinity } } }],
    ['extras with a function', { ...good, extras: { run: () => 1 } }],
    ['an invalid outcome without problems', { ok: false, kind: 'invalid', problems: [] }],
    ['a problem with a non-text field', { ok: false, kind: 'invalid', problems: [{ where: 1, path: 'x', message: 'y' }] }],
    ['an empty error', { ok: false, kind: 'unreadable', error: '' }],
    ['an error that is not text', { ok: false, kind: 'unreadable', error: ['x'] }],
    ['a class instance', Object.assign(Object.create({ ok: true }), good)],
  ])('is refused when it is %s', (_what, value) => {
    expect(parseReaderReply(value)).toMatchObject({ ok: false, error: expect.stringMatching(/^the reader's answer was refused \(/) });
  });

  it('through the desktop transport, a refused answer or a stopped reader is an unreadable file with its sentence', async () => {
    const answering = (value: unknown) => hostReaderTransport({ read: async () => ({ ok: true, value }) });
    expect(await answering({ ok: true })(new Uint8Array())).toMatchObject({ ok: false, kind: 'unreadable', error: expect.stringMatching(/refused/) });
    const stopped = hostReaderTransport({ read: async () => ({ ok: false, error: 'Reading took longer than 15 s and was stopped.' }) });
    expect(await stopped(new Uint8Array())).toEqual({ ok: false, kind: 'unreadable', error: 'Reading took longer than 15 s and was stopped.' });
    const throwing = hostReaderTransport({ read: async () => { throw new Error('bridge gone'); } });
    expect(await throwing(new Uint8Array())).toMatchObject({ ok: false, kind: 'unreadable', error: expect.stringMatching(/bridge gone/) });
    const bytes = await writeWorkbook({ inputs: defaultInputs(), appVersion: 'test' });
    const real = hostReaderTransport({ read: async (b) => ({ ok: true, value: await readOutcome(b) }) });
    expect(await real(bytes)).toMatchObject({ ok: true, inputs: (await readWorkbook(bytes) as { inputs: unknown }).inputs });
  });
});

describe("the reader's answer with imported actuals (issue 14)", () => {
  const actuals = {
    source: { fileName: 'billing.csv', rows: 3, sha256: 'ab'.repeat(32) },
    months: ['2024-01', '2024-02'],
    opening: [1200, 1200], new: [0, 600], reactivation: [0, 0], expansion: [0, 240], contraction: [0, 0], churn: [0, 0], closing: [1200, 2040],
    customers: [1, 2], nrr12: [null, null], grr12: [null, null], logoRetention12: [null, null],
    cohorts: [{ start: '2024-01', customers: 1, arr: [1200, 1440] }, { start: '2024-02', customers: 1, arr: [600] }],
  };

  it('a real read of a workbook with an Actuals sheet passes with its figures', async () => {
    const outcome = await readOutcome(await writeWorkbook({ inputs: defaultInputs(), appVersion: 'test', actuals }));
    expect(outcome.ok && outcome.actuals?.closing).toEqual([1200, 2040]);
    expect(parseReaderReply(structuredClone(outcome))).toEqual({ ok: true, outcome });
  });

  it.each([
    ['lists out of step with the months', { ...actuals, closing: [1200] }],
    ['a month that is not YYYY-MM', { ...actuals, months: ['2024-01', '2024-13'] }],
    ['a figure that is text', { ...actuals, new: [0, '600'] }],
    ['a source without its SHA-256', { ...actuals, source: { fileName: 'x.csv', rows: 1 } }],
    ['a cohort longer than the months', { ...actuals, cohorts: [{ start: '2024-01', customers: 1, arr: [1, 2, 3] }] }],
  ])('is refused when the actuals have %s', (_what, bad) => {
    expect(parseReaderReply({ ...good, actuals: bad })).toMatchObject({ ok: false });
  });
});
