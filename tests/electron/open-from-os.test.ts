import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DeliveryQueue } from '../../electron/delivery-queue';
import { workbooksFromArgv } from '../../electron/open-from-os';

describe('files handed over on the command line', () => {
  it('takes .xlsx arguments, skips the executable and switches, resolves relative paths', () => {
    const cwd = path.resolve('/home/ana/Downloads');
    expect(workbooksFromArgv(['/opt/Bowtie/bowtie', '--no-sandbox', 'Q3 plan.xlsx', '/data/Q2.XLSX', 'notes.txt'], cwd)).toEqual([
      path.resolve(cwd, 'Q3 plan.xlsx'),
      path.resolve('/data/Q2.XLSX'),
    ]);
  });

  it('in development, `electron .` is not a file', () => {
    expect(workbooksFromArgv(['/x/electron', '.'], '/repo')).toEqual([]);
  });

  it('a switch that merely ends in .xlsx is not a file', () => {
    expect(workbooksFromArgv(['bowtie', '--open=/tmp/a.xlsx'], '/')).toEqual([]);
  });
});

describe('delivery to the page', () => {
  it('holds items until the page has loaded, then delivers in order and directly afterwards', () => {
    const queue = new DeliveryQueue<string>();
    const seen: string[] = [];
    queue.push('/a.xlsx');
    queue.push('/b.xlsx');
    expect(seen).toEqual([]);
    queue.attach((item) => seen.push(item));
    queue.push('/c.xlsx');
    expect(seen).toEqual(['/a.xlsx', '/b.xlsx', '/c.xlsx']);
  });

  it('holds again once the window is gone', () => {
    const queue = new DeliveryQueue<string>();
    const first: string[] = [];
    queue.attach((item) => first.push(item));
    queue.attach(null);
    queue.push('/d.xlsx');
    const second: string[] = [];
    queue.attach((item) => second.push(item));
    expect(first).toEqual([]);
    expect(second).toEqual(['/d.xlsx']);
  });
});
