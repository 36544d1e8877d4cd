// Lint exists mainly to keep shared/ pure (STYLE.md): the calculation core and the
// workbook code run in the renderer, a Web Worker and the CLI alike.
import tseslint from 'typescript-eslint';

const banned = {
  patterns: [
    { group: ['electron', 'electron/*'], message: 'shared/ must not import Electron.' },
    { group: ['react', 'react-dom', 'react/*', 'react-dom/*'], message: 'shared/ must not import React.' },
    { group: ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'worker_threads', 'crypto'], message: 'shared/ must not import Node modules.' },
  ],
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
      'no-restricted-imports': ['error', banned],
      'no-restricted-globals': ['error',
        { name: 'window', message: 'shared/ must not touch the DOM.' },
        { name: 'document', message: 'shared/ must not touch the DOM.' },
        { name: 'process', message: 'shared/ must not touch Node globals.' },
        { name: 'require', message: 'shared/ must not use require.' },
      ],
    },
  },
);
