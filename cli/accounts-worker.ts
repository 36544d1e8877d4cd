// Runs inside a worker_threads Worker (cli/accounts.ts): reads one accounts or
// pipeline file under the Worker's memory limit and posts back the figures of
// spec §12 as JSON, never the rows.
import { readFile } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { computeExact } from '@shared/index';
import { accountsJson, pipelineCoverage, pipelineJson, readAccounts, readPipeline, scoreAccounts } from '@shared/accounts/index';
import { actualsOf, convertExport, figuresOf, longCsv, utf8TextOf } from '@shared/actuals/index';
import type { TableJob, TableReply } from './accounts';

const job = workerData as TableJob;

async function run(): Promise<TableReply> {
  const decoded = utf8TextOf(new Uint8Array(await readFile(job.path)));
  if ('error' in decoded) return { ok: false, code: 2, lines: [decoded.error] };
  if (job.kind === 'billing') {
    const converted = convertExport(decoded.text, job.mapping ?? undefined, job.preset ?? undefined, job.options);
    if (!converted.ok) return converted.kind === 'invalid' ? { ok: false, code: 1, problems: converted.problems } : { ok: false, code: 2, lines: [converted.error] };
    const { mapping, converted: c } = converted;
    const notes = [`read as ${mapping.shape}: ${Object.entries(mapping.fields).map(([f, h]) => `${f} ← ${h}`).join(', ') || 'the fields by their own names'}`, ...c.report.warnings];
    if (job.output === 'csv') return { ok: true, json: longCsv(c), notes };
    const figures = figuresOf(actualsOf(c));
    if (!figures.ok) return figures.kind === 'invalid' ? { ok: false, code: 1, problems: figures.problems } : { ok: false, code: 2, lines: [figures.error] };
    return { ok: true, json: { ...figures.figures, mapping, reconciliation: c.report }, notes };
  }
  if (job.kind === 'accounts') {
    const read = readAccounts(decoded.text, job.model);
    if (!read.ok) return read.kind === 'invalid' ? { ok: false, code: 1, problems: read.problems } : { ok: false, code: 2, lines: [read.error] };
    return { ok: true, json: accountsJson(scoreAccounts(read.rows, job.model), read.notes) };
  }
  const read = readPipeline(decoded.text, job.model, job.stages);
  if (!read.ok) return read.kind === 'invalid' ? { ok: false, code: 1, problems: read.problems } : { ok: false, code: 2, lines: [read.error] };
  return { ok: true, json: pipelineJson(pipelineCoverage(read.opportunities, job.model, computeExact(job.model), job.periodMonths), job.model) };
}

run()
  .then((r) => parentPort!.postMessage(r))
  .catch((e: unknown) => parentPort!.postMessage({ ok: false, code: 2, lines: [`the file could not be read (${(e as Error).message})`] } satisfies TableReply));
