// One import of an actuals CSV the way the app does it (stream → reader →
// figures, calibration and seed), in a process of its own so its peak memory is
// its own. Prints {ms, cpuMs, rows, maxRssMb} as JSON. Used by scripts/bench-actuals.ts.
import { calibrate, computeActuals, seedBase } from '@shared/actuals/index';
import { defaultInputs } from '@shared/index';
import { readActualsCsvFile } from '../cli/load-actuals';

const t0 = performance.now();
const cpu0 = process.cpuUsage();
const read = await readActualsCsvFile(process.argv[2]!);
if (!read.ok) throw new Error(`the bench file did not import: ${JSON.stringify(read).slice(0, 300)}`);
computeActuals(read.book);
calibrate(read.book, defaultInputs());
seedBase(read.book);
const ms = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
console.log(JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000, rows: read.quality.rows, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
