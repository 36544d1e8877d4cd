// One config for `npm run web` (dev server) and `npm run build:renderer` (what
// Electron loads from its custom protocol, hence relative asset paths).
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  // `@shared/…` is shared/ (tsconfig.base.json paths).
  resolve: { alias: { '@shared': fileURLToPath(new URL('../shared', import.meta.url)) } },
  worker: { format: 'es' },
  // ECharts' development build reads its defaults from `window`, else Node's
  // `global`, in echarts.init: in a worker (no window) on the dev server that
  // threw "global is not defined", so no chart drew and saves lost their images
  // (issue 23.1). The production build drops that branch; `globalThis` serves both.
  define: { global: 'globalThis' },
  // Pre-bundle what the workers import too: otherwise the first save discovers
  // exceljs, and the dev server reloads the page mid-save.
  optimizeDeps: {
    entries: ['index.html', 'reader.html', 'src/workers/*.ts', 'src/sheets/*/sheet.tsx'],
    include: ['exceljs', 'fflate', 'decimal.js', 'zustand', 'zustand/vanilla', 'ag-grid-community', 'ag-grid-react', 'react', 'react-dom', 'react-dom/client'],
  },
  server: {
    port: Number(process.env.PORT ?? 5173),
    strictPort: true,
    host: '127.0.0.1',
    // The dev-server smoke test (playwright.config.ts): no reload when someone edits a file mid-test.
    ...(process.env.BOWTIE_NO_HMR ? { hmr: false, watch: null } : {}),
    fs: { allow: [fileURLToPath(new URL('..', import.meta.url))] },
  },
  preview: { port: Number(process.env.PORT ?? 4173), strictPort: true, host: '127.0.0.1' },
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 3000,
    // Two pages: the workspace, and the desktop app's hidden workbook reader
    // (reader.html: the read alone, no React, no grid; electron/workbook-reader.ts).
    rolldownOptions: {
      input: {
        index: fileURLToPath(new URL('./index.html', import.meta.url)),
        reader: fileURLToPath(new URL('./reader.html', import.meta.url)),
      },
    },
  },
});
