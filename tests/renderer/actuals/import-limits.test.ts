// A dropped or picked billing export gets the command's size limit (issue 19):
// a CSV over MAX_CSV_BYTES is refused with one sentence before a byte is read
// or a worker started.
import { describe, expect, it } from 'vitest';
import { MAX_CSV_BYTES } from '@shared/actuals/limits';
import { importActuals } from '../../../renderer/src/actuals/import-actuals';
import { actualsStore } from '../../../renderer/src/actuals/actuals-store';

/** A Blob that only says how big it is: reading it (or starting a worker for it) would fail the test. */
const sized = (size: number) => ({ size, stream: () => { throw new Error('read'); }, arrayBuffer: () => { throw new Error('read'); } }) as unknown as Blob;

describe('the size limit of an imported CSV', () => {
  it('refuses a CSV one byte over the limit, saying the limit', async () => {
    expect(await importActuals('billing.csv', sized(MAX_CSV_BYTES + 1))).toBe(false);
    expect(actualsStore.getState().import).toEqual({ phase: 'unreadable', name: 'billing.csv', error: 'It is 200 MB; Bowtie imports CSV exports of up to 200 MB and 5,000,000 rows.' });
  });
});
