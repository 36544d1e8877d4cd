// Lint keeps the code's seams where docs/architecture.md draws them:
// - shared/ stays pure (STYLE.md): the calculation core and the workbook code run
//   in the renderer, a Web Worker and the CLI alike;
// - callers outside shared/ use its declared entry points only;
// - the workbook writer reaches the core through shared/index.ts and
//   shared/core/workbook-api.ts, not into the core's modules;
// - a sheet's folder never imports another sheet's: what two sheets share lives
//   in a folder named for what it is (charts/, comparison/, store/, workers/);
// - node/ is Node code both the CLI and the desktop app's main process use (the
//   atomic file writer): it imports neither Electron nor electron/, and the CLI
//   reaches the app's code only through it.
// tests/architecture/boundaries.test.ts proves each rule fires.
// electron/, cli/ and scripts/ also pass typescript-eslint's type-checked rules (TYPE_CHECKED).
import tseslint from 'typescript-eslint';

const pure = [
  { group: ['electron', 'electron/*'], message: 'shared/ must not import Electron.' },
  { group: ['react', 'react-dom', 'react/*', 'react-dom/*'], message: 'shared/ must not import React.' },
  { group: ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'worker_threads', 'crypto'], message: 'shared/ must not import Node modules.' },
];

/** shared/'s public API: the core and model, the document and its edits, the board report, chart drawing (ECharts, kept out of the app's start-up bundle), the workbook format, actuals (billing exports, §9) with their limits and a lane suggestion's target (values the page may import without the readers), accounts and the expansion pipeline (§12), the desktop bridge's types. */
const SHARED_ENTRY_POINTS = ['index', 'document/index', 'report/index', 'report/draw', 'workbook/index', 'actuals/index', 'actuals/limits', 'actuals/lane-target', 'actuals/mapping-vocabulary', 'accounts/index', 'accounts/screen', 'desktop-api'];
const sharedApi = {
  // '@shared/…' (the alias, tsconfig.base.json) or a relative path through shared/
  regex: `(^|/|@)shared/(?!(${SHARED_ENTRY_POINTS.join('|')})$)`,
  message: `Outside shared/, import it through its entry points: ${SHARED_ENTRY_POINTS.map((e) => `@shared/${e}`).join(', ')}.`,
};

const noElectron = [
  { group: ['electron', 'electron/*'], message: 'node/ and cli/ run without Electron: Node code they share with the app lives in node/.' },
  { regex: '(^|/)electron/', message: 'node/ and cli/ run without Electron: Node code they share with the app lives in node/.' },
];

const coreInternals = {
  regex: '(^|/)core/(?!workbook-api$)',
  message: 'The workbook writer uses the core through shared/index.ts or shared/core/workbook-api.ts.',
};

const siblingSheet = {
  // from renderer/src/sheets/<sheet>/…: '../<other>/…', or any path through sheets/<other>/
  regex: '^\\.\\./(?!\\.\\./)[^/]+/|(^|/)sheets/[^/]+/',
  message: "A sheet's folder must not import another sheet's: move what two sheets share to a folder named for what it is (charts/, comparison/, store/, workers/).",
};

/** Folders held to typescript-eslint's type-checked rules (tests/ with the no-unsafe family off, below). renderer/ is held to them and to react-hooks' rules further down. */
const TYPE_CHECKED = ['shared/**/*.ts', 'node/**/*.ts', 'electron/**/*.ts', 'cli/**/*.ts', 'scripts/**/*.ts', 'tests/**/*.ts'];

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'dist-electron/**', 'release/**', 'test-results/**', 'playwright-report/**', '.tsbuild/**'] },
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
    files: ['renderer/**/*.{ts,tsx}', 'electron/**/*.ts', 'scripts/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [sharedApi] }] },
  },
  {
    files: ['cli/**/*.ts', 'node/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [sharedApi, ...noElectron] }] },
  },
  {
    files: ['renderer/src/sheets/*/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [sharedApi, siblingSheet] }] },
  },
  ...tseslint.configs.recommendedTypeChecked.map((config) => ({ ...config, files: TYPE_CHECKED })),
  {
    files: TYPE_CHECKED,
    // The TypeScript server finds each file's project through tsconfig.json's references, and reads shared/ from source.
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // An async function that implements an async interface (an IPC handler, Rasterize) reads best as async, await or not.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    // Tests build loose fakes of Electron and read the CLI's JSON output: `any` is the
    // honest type of a fake or a parsed reply there, and an assertion is the check.
    // Every other type-checked rule applies to them.
    files: ['tests/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      // expect(obj.method).toHaveBeenCalled() passes a mock, never calls it unbound
      '@typescript-eslint/unbound-method': 'off',
    },
  },
);
