#!/usr/bin/env node
// Runs @doyensec/electronegativity over electron/ and fails on any finding
// that electron/electronegativity-allowlist.json does not justify.
// Electronegativity itself exits 0 whatever it finds, so CI reads its SARIF.
//
//   node scripts/electronegativity-check.mjs                 scan electron/ and check
//   node scripts/electronegativity-check.mjs --report r.sarif check an existing report (no scan)
//   options: --input DIR  --allowlist FILE
//
// Allowlist entries: { "rule": "PRELOAD_JS_CHECK", "file": "window.ts", "why": "…" }
// `file` is relative to the scanned folder, or "*" for global checks; `why` is required.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const input = path.resolve(root, option('--input', 'electron'));
const allowlistFile = path.resolve(root, option('--allowlist', 'electron/electronegativity-allowlist.json'));
const givenReport = option('--report', null);

function fail(message) {
  console.error(`electronegativity-check: ${message}`);
  process.exit(2);
}

function scan() {
  const cli = path.join(root, 'node_modules/@doyensec/electronegativity/dist/index.js');
  if (!existsSync(cli)) fail('@doyensec/electronegativity is not installed (npm ci)');
  const electronVersion = JSON.parse(readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')).version;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'electronegativity-'));
  const report = path.join(dir, 'report.sarif');
  // -r: file names relative to the input; -e: the version we ship, so checks use its defaults.
  const run = spawnSync(process.execPath, [cli, '-i', input, '-o', report, '-r', '-e', electronVersion], {
    cwd: root,
    encoding: 'utf8',
    timeout: 5 * 60_000,
  });
  if (run.status !== 0 || !existsSync(report)) {
    fail(`electronegativity did not produce a report (exit ${run.status})\n${run.stdout}\n${run.stderr}`);
  }
  const text = readFileSync(report, 'utf8');
  rmSync(dir, { recursive: true, force: true });
  return text;
}

function findingsFrom(sarifText) {
  let sarif;
  try {
    sarif = JSON.parse(sarifText);
  } catch (error) {
    fail(`the report is not JSON: ${error.message}`);
  }
  if (!Array.isArray(sarif?.runs)) fail('the report is not SARIF (no runs)');
  return sarif.runs.flatMap((run) =>
    (run.results ?? []).map((result) => {
      const location = result.locations?.[0]?.physicalLocation;
      const uri = location?.artifactLocation?.uri ?? '';
      // Global checks carry no real file ("file:///").
      const file = uri === '' || uri === 'file:///' ? '*' : uri.replace(/^file:\/\//, '');
      return {
        rule: String(result.ruleId),
        file,
        line: location?.region?.startLine ?? 0,
        level: result.level ?? 'warning',
        message: result.message?.text ?? '',
      };
    }),
  );
}

function loadAllowlist() {
  let list;
  try {
    list = JSON.parse(readFileSync(allowlistFile, 'utf8'));
  } catch (error) {
    fail(`cannot read the allowlist ${path.relative(root, allowlistFile)}: ${error.message}`);
  }
  const entries = Array.isArray(list?.allow) ? list.allow : fail('the allowlist needs an "allow" array');
  entries.forEach((entry, i) => {
    if (typeof entry?.rule !== 'string' || typeof entry?.file !== 'string') fail(`allowlist entry ${i + 1} needs "rule" and "file"`);
    if (typeof entry.why !== 'string' || entry.why.trim().length < 20) fail(`allowlist entry ${i + 1} (${entry.rule}) needs a real "why"`);
  });
  return entries;
}

const findings = findingsFrom(givenReport ? readFileSync(path.resolve(givenReport), 'utf8') : scan());
const allow = loadAllowlist();
const matches = (entry, finding) => entry.rule === finding.rule && (entry.file === '*' || entry.file === finding.file);

const unjustified = findings.filter((f) => !allow.some((entry) => matches(entry, f)));
const unused = allow.filter((entry) => !findings.some((f) => matches(entry, f)));

for (const f of findings.filter((f) => !unjustified.includes(f))) {
  console.log(`allowed  ${f.rule} ${f.file}:${f.line}`);
}
for (const entry of unused) {
  console.log(`warning: allowlist entry ${entry.rule} ${entry.file} matched nothing; remove it if the code changed`);
}
if (unjustified.length > 0) {
  console.error(`\n${unjustified.length} electronegativity finding(s) not justified in ${path.relative(root, allowlistFile)}:`);
  for (const f of unjustified) console.error(`  ${f.rule} (${f.level}) ${f.file}:${f.line}  ${f.message}`);
  process.exit(1);
}
console.log(`electronegativity: ${findings.length} finding(s), all justified`);
