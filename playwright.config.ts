// End-to-end tests in Debian's Chromium (never `playwright install`), two
// projects on free ports: `build`, every spec against the production build, and
// `dev-server`, a smoke test of `npm run web` (Vite's dev server bundles the
// workers differently: issue 23.1). Without Chromium the specs skip and say
// why; with CI=true they fail (tests/e2e/fixtures.ts).
import { defineConfig } from '@playwright/test';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

// Chosen once in the runner and inherited by its workers through the environment.
process.env.BOWTIE_E2E_PORT ??= String(await freePort());
process.env.BOWTIE_E2E_DEV_PORT ??= String(await freePort());
const port = Number(process.env.BOWTIE_E2E_PORT);
const devPort = Number(process.env.BOWTIE_E2E_DEV_PORT);
/** The dev server's smoke test (tests/e2e/dev-server.spec.ts). */
const DEV_SPEC = '**/dev-server.spec.ts';
const buildDir = `${tmpdir()}/bowtie-e2e-build-${port}`;
export const chromiumPath = process.env.PLAYWRIGHT_CHROMIUM_PATH ?? '/usr/bin/chromium';
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  projects: [
    { name: 'build', testIgnore: DEV_SPEC, use: { baseURL: `http://127.0.0.1:${port}` } },
    { name: 'dev-server', testMatch: DEV_SPEC, use: { baseURL: `http://127.0.0.1:${devPort}` } },
  ],
  // Several people run the suite in one checkout: a run's artifacts go to its own
  // folder locally, so one run does not wipe another's traces mid-test.
  outputDir: process.env.CI ? 'test-results/e2e' : `${tmpdir()}/bowtie-e2e-${port}`,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1, // two shared cores: one browser at a time is faster than contention
  retries: 0, // a retry would hide a flaky test: fix it instead
  reporter: process.env.CI ? 'line' : 'list',
  use: {
    viewport: { width: 1440, height: 900 },
    browserName: 'chromium',
    launchOptions: {
      executablePath: chromiumPath,
      args: [...(isRoot ? ['--no-sandbox'] : []), '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
    trace: 'retain-on-failure',
  },
  // A production build served by `vite preview`: what Electron loads, and no hot
  // reload when someone else edits a file in this checkout mid-test.
  webServer: [{
    command: `npx vite build --config renderer/vite.config.ts --outDir ${buildDir} --emptyOutDir --logLevel error && npx vite preview --config renderer/vite.config.ts --outDir ${buildDir} --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: { PORT: String(port) },
    stdout: 'ignore',
    stderr: 'pipe',
  }, {
    // `npm run web` as a user starts it, without hot reload (BOWTIE_NO_HMR): an
    // edit elsewhere in this checkout must not reload the page mid-test.
    command: `npx vite --config renderer/vite.config.ts --port ${devPort} --strictPort --logLevel error`,
    url: `http://127.0.0.1:${devPort}`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: { PORT: String(devPort), BOWTIE_NO_HMR: '1' },
    stdout: 'ignore',
    stderr: 'pipe',
  }],
});
