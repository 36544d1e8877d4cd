import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppProtocolHandler, resolveAppPath } from '../../electron/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../electron/security';

let base: string;
let root: string;
beforeAll(async () => {
  base = await mkdtemp(path.join(os.tmpdir(), 'bowtie-protocol-'));
  root = path.join(base, 'dist', 'renderer');
  await mkdir(path.join(root, 'assets'), { recursive: true });
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>Bowtie</title>');
  await writeFile(path.join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  await writeFile(path.join(base, 'secret.txt'), 'outside the root');
});
afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

describe('resolveAppPath', () => {
  it('maps app://bowtie/ paths into the renderer folder', () => {
    expect(resolveAppPath(root, 'app://bowtie/')).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://bowtie/index.html')).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://bowtie/assets/index-abc.js?v=1#x')).toBe(path.join(root, 'assets', 'index-abc.js'));
  });

  it.each([
    'app://bowtie/../secret.txt',
    'app://bowtie/%2e%2e/secret.txt',
    'app://bowtie/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://bowtie/..%5csecret.txt',
    'app://bowtie/assets\\..\\..\\secret.txt',
    'app://bowtie/index.html%00.js',
    'app://bowtie/%E0%A4%A',
    'app://evil/index.html',
    'file:///etc/passwd',
    'not a url',
  ])('never resolves %s outside the renderer folder', (url) => {
    // The URL parser already folds a plain `..` into the root; the rest must be refused.
    const resolved = resolveAppPath(root, url);
    expect(resolved === null || resolved.startsWith(root + path.sep)).toBe(true);
  });
});

describe('the app:// handler', () => {
  const handler = () => createAppProtocolHandler({ root, readFile: (f) => readFile(f) });

  it('serves the page with the CSP header and a content type', async () => {
    const response = await handler()(new Request('app://bowtie/index.html'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>Bowtie</title>');
  });

  it('serves scripts as JavaScript', async () => {
    const response = await handler()(new Request('app://bowtie/assets/index-abc.js'));
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('answers 404 for missing files and traversal, never the file outside', async () => {
    expect((await handler()(new Request('app://bowtie/nope.js'))).status).toBe(404);
    const traversal = await handler()(new Request('app://bowtie/assets/..%2f..%2f..%2fsecret.txt'));
    expect(traversal.status).toBe(404);
    expect(await traversal.text()).not.toContain('outside the root');
  });

  it('refuses anything but GET and HEAD', async () => {
    expect((await handler()(new Request('app://bowtie/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
  });
});
