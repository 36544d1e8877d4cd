// shared/ runs in the renderer, a Web Worker and the CLI alike: the lint rule that
// keeps Electron, Node, React and the DOM out of it must actually fire.
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

const lint = async (code: string, filePath: string) => {
  // a virtual file, in no TypeScript project: the purity rules need no types
  const [r] = await new ESLint({ overrideConfig: { ...tseslint.configs.disableTypeChecked, files: ['**/*.ts'] } }).lintText(code, { filePath });
  return r!.messages.map((m) => m.ruleId);
};

describe('shared/ stays pure', () => {
  it.each([
    ["import { app } from 'electron';", 'no-restricted-imports'],
    ["import fs from 'node:fs';", 'no-restricted-imports'],
    ["import path from 'path';", 'no-restricted-imports'],
    ["import React from 'react';", 'no-restricted-imports'],
    ['export const w = window.innerWidth;', 'no-restricted-globals'],
    ['export const e = process.env.HOME;', 'no-restricted-globals'],
  ])('refuses %s', async (code, rule) => {
    expect(await lint(code, 'shared/core/probe.ts')).toContain(rule);
  });

  it('allows the same code outside shared/', async () => {
    expect(await lint("import fs from 'node:fs';\nexport const r = fs.readFileSync;", 'cli/probe.ts')).toEqual([]);
  });
});
