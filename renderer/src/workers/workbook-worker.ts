// Reads and writes .xlsx off the main thread. The client starts one of these per
// call and terminates it if it overruns: a hostile or huge file must not hang the
// workspace. (In the desktop app reads go to the hidden reader renderer instead,
// which the host can kill: see read-transport.ts.)
import { writeWorkbook } from '@shared/workbook/index';
import type { WorkbookCalls } from './core-calls';
import { serveCalls } from './core-client';
import { readOutcome } from './read-outcome';

serveCalls<WorkbookCalls>({
  read: (bytes) => readOutcome(bytes),
  write: (doc) => writeWorkbook(doc),
});
