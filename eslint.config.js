// Lint keeps the code's seams where docs/architecture.md draws them:
// - shared/ stays pure (STYLE.md): the calculation core and the workbook code run
//   in the renderer, a Web Worker and the CLI alike;
// - callers outside shared/ use its declared entry points only;
// - the workbook writer reaches the core through shared/index.ts and
//   shared/core/workbook-api.ts, not into the core's modules;
// - a sheet's folder never imports another sheet's: what two sheets share lives
//   in a folder named for what it is (charts/, comparison/, store/, workers/).
// tests/architecture/boundaries.test.ts proves each rule fires.
import tseslint from 'typescript-eslint';

const pure = [
  { group: ['electron', 'electron/*'], message: 'shared/ must not import Electron.' },
  { group: ['react', 'react-dom', 'react/*', 'react-dom/*'], message: 'shared/ must not import React.' },
  { group: ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'worker_threads', 'crypto'], message: 'shared/ must not import Node modules.' },
];

/** shared/'s public API: the core and model, the board report, chart drawing (ECharts, kept out of the app's start-up bundle), the workbook format, actuals (billing exports, §9), accounts and the expansion pipeline (§12), the desktop bridge's types. */
const SHARED_ENTRY_POINTS = ['index', 'report/index', 'report/draw', 'workbook/index', 'actuals/index', 'accounts/index', 'desktop-api'];
const sharedApi = {
  regex: `(^|/)shared/(?!(${SHARED_ENTRY_POINTS.join('|')})$)`,
  message: `Outside shared/, import it through its entry points: ${SHARED_ENTRY_POINTS.map((e) => `shared/${e}`).join(', ')}.`,
};

const coreInternals = {
  regex: '(^|/)core/(?!workbook-api$)',
  message: 'The workbook writer uses the core through shared/index.ts or shared/core/workbook-api.ts.',
};

const siblingSheet = {
  // from renderer/src/sheets/<sheet>/…: '../<other>/…', or any path through sheets/<other>/
  regex: '^\\.\\./(?!\\.\\./)[^/]+/|(^|/)sheets/[^/]+/',
  message: "A sheet's folder must not import another sheet's: move what two sheets share to a folder named for what it is (charts/, comparison/, store/, workers/).",
};

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'dist-electron/**', 'release/**', 'test-results/**', 'playwright-report/**'] },
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parser: tseslint.parser },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {},
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: pure }],
      'no-restricted-globals': ['error',
        { name: 'window', message: 'shared/ must not touch the DOM.' },
        { name: 'document', message: 'shared/ must not touch the DOM.' },
        { name: 'process', message: 'shared/ must not touch Node globals.' },
        { name: 'require', message: 'shared/ must not use require.' },
      ],
    },
  },
  {
    files: ['shared/workbook/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...pure, coreInternals] }] },
  },
  {
    files: ['renderer/**/*.{ts,tsx}', 'cli/**/*.ts', 'electron/**/*.ts', 'scripts/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [sharedApi] }] },
  },
  {
    files: ['renderer/src/sheets/*/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [sharedApi, siblingSheet] }] },
  },
);
