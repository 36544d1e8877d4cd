import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // `@shared/…` is shared/ (tsconfig.base.json paths).
  resolve: { alias: { '@shared': fileURLToPath(new URL('./shared', import.meta.url)) } },
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**', '.tsbuild/**'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Two shared cores: LibreOffice and property tests are heavy, keep workers modest.
    maxWorkers: 2,
    setupFiles: ['tests/support/fast-check-seed.ts'],
  },
});
