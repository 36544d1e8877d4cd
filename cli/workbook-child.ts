// Runs in a child process (cli/load-workbook.ts): reads one untrusted workbook
// from stdin, parses it and sends the result back over IPC. The parent kills
// this process at its deadline or memory cap; a child process, unlike a worker
// thread, can be stopped even while V8 is stuck inside a builtin.
import { readWorkbook } from '@shared/workbook/index';

// Loaded and compiled: the parent's deadline for the read starts now.
process.send?.({ ready: true });
const chunks: Buffer[] = [];
process.stdin.on('data', (c: Buffer) => chunks.push(c));
process.stdin.on('end', () => {
  const bytes = Buffer.concat(chunks);
  void readWorkbook(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength))
    .catch((e: unknown) => ({ ok: false, kind: 'unreadable', error: `the workbook could not be read (${(e as Error).message})` }))
    .then((read) => {
      const send = process.send?.bind(process);
      if (send) send(read, undefined, undefined, () => process.disconnect?.());
    });
});
