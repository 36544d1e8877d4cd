// One import of a billing export in its own shape the way the app's actuals
// worker does it (bytes → UTF-8 → table → mapping → §9.1 conversion → §9
// figures, calibration and seed), in a process of its own so its peak memory is
// its own. Prints {ms, cpuMs, lines, maxRssMb} as JSON. Used by scripts/bench-billing.ts.
import { readFile } from 'node:fs/promises';
import { actualsOf, calibrate, computeActuals, convertTable, readTable, seedBase, suggestMapping, utf8TextOf } from '@shared/actuals/index';
import { defaultInputs } from '@shared/index';

const t0 = performance.now();
const cpu0 = process.cpuUsage();
const decoded = utf8TextOf(new Uint8Array(await readFile(process.argv[2]!)));
if ('error' in decoded) throw new Error(decoded.error);
const table = readTable(decoded.text, []);
if (!table.ok) throw new Error(table.error);
const mapping = suggestMapping(table.table.header, 'stripe');
if ('missing' in mapping) throw new Error(mapping.missing);
const c = convertTable(table.table, mapping);
if (!c.ok) throw new Error(JSON.stringify(c).slice(0, 300));
const read = actualsOf(c.converted);
if (!read.ok) throw new Error(JSON.stringify(read).slice(0, 300));
computeActuals(read.book);
calibrate(read.book, defaultInputs());
seedBase(read.book);
const ms = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
console.log(JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000, lines: table.table.rows.length, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
