import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Two shared cores: LibreOffice and property tests are heavy, keep workers modest.
    maxWorkers: 2,
    setupFiles: ['tests/support/fast-check-seed.ts'],
  },
});
