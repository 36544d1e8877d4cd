// The CI gate over electronegativity: it must fail on a finding nobody
// justified, pass when each one is, and refuse an allowlist without reasons.
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const script = path.resolve(__dirname, '../../scripts/electronegativity-check.mjs');
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'bowtie-en-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const sarif = (results: { rule: string; uri: string; line: number }[]) =>
  JSON.stringify({
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'Electronegativity' } },
      results: results.map((r) => ({
        ruleId: r.rule,
        level: 'warning',
        message: { text: `${r.rule} message` },
        locations: [{ physicalLocation: { artifactLocation: { uri: r.uri }, region: { startLine: r.line } } }],
      })),
    }],
  });

async function check(findings: { rule: string; uri: string; line: number }[], allow: unknown[], extra: string[] = []) {
  const report = path.join(dir, 'report.sarif');
  const allowlist = path.join(dir, 'allow.json');
  await writeFile(report, sarif(findings));
  await writeFile(allowlist, JSON.stringify({ allow }));
  const run = spawnSync(process.execPath, [script, '--report', report, '--allowlist', allowlist, ...extra], { encoding: 'utf8' });
  return { status: run.status, out: run.stdout + run.stderr };
}

const why = 'Reviewed: explained at length in the test.';

describe('electronegativity-check', () => {
  it('fails and names the finding when it is not in the allowlist', async () => {
    const { status, out } = await check(
      [{ rule: 'NODE_INTEGRATION_JS_CHECK', uri: 'main.ts', line: 12 }, { rule: 'CSP_GLOBAL_CHECK', uri: 'file:///', line: 1 }],
      [{ rule: 'CSP_GLOBAL_CHECK', file: '*', why }],
    );
    expect(status).toBe(1);
    expect(out).toContain('NODE_INTEGRATION_JS_CHECK (warning) main.ts:12');
    expect(out).not.toMatch(/CSP_GLOBAL_CHECK \(warning\)/);
  });

  it('an entry for one file does not excuse the same rule in another', async () => {
    const { status } = await check([{ rule: 'PRELOAD_JS_CHECK', uri: 'other.ts', line: 3 }], [{ rule: 'PRELOAD_JS_CHECK', file: 'window.ts', why }]);
    expect(status).toBe(1);
  });

  it('passes when every finding is justified, and warns about stale entries', async () => {
    const { status, out } = await check(
      [{ rule: 'PRELOAD_JS_CHECK', uri: 'window.ts', line: 30 }],
      [{ rule: 'PRELOAD_JS_CHECK', file: 'window.ts', why }, { rule: 'SANDBOX_JS_CHECK', file: 'main.ts', why }],
    );
    expect(status).toBe(0);
    expect(out).toContain('all justified');
    expect(out).toContain('SANDBOX_JS_CHECK main.ts matched nothing');
  });

  it('refuses an allowlist entry without a reason', async () => {
    const { status, out } = await check([{ rule: 'PRELOAD_JS_CHECK', uri: 'window.ts', line: 30 }], [{ rule: 'PRELOAD_JS_CHECK', file: 'window.ts' }]);
    expect(status).toBe(2);
    expect(out).toContain('needs a real "why"');
  });

  it('a real scan catches an insecure window', async () => {
    const insecure = path.join(dir, 'insecure');
    await mkdir(insecure);
    await writeFile(
      path.join(insecure, 'main.ts'),
      "import { BrowserWindow } from 'electron';\nnew BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false } });\n",
    );
    const allowlist = path.join(dir, 'allow.json');
    await writeFile(allowlist, JSON.stringify({ allow: [] }));
    const run = spawnSync(process.execPath, [script, '--input', insecure, '--allowlist', allowlist], { encoding: 'utf8', timeout: 120_000 });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/CONTEXT_ISOLATION_JS_CHECK .*main\.ts:2/);
    expect(run.stderr).toMatch(/SANDBOX_JS_CHECK .*main\.ts:2/);
  }, 120_000);
});
