// The board report's segment block (issue 24 item 6): NRR and GRR by segment, the
// mix, and the segment that drags NRR most, on the page and in the workbook.
import { describe, expect, it } from 'vitest';
import { computeModel, defaultInputs, type ModelInputs } from '@shared/index';
import { boardSegments, buildBoardReport } from '@shared/report/index';
import { writeWorkbook } from '@shared/workbook/index';
import { readXlsxCells } from '../../support/xlsx-cells';

/** SMB renews at 70% on small deals and small lanes, enterprise at 95% on large deals, mid-market as the model. */
function threeSegments(): ModelInputs {
  const d = defaultInputs();
  return {
    ...d,
    segments: [
      { id: 'smb', name: 'SMB', logoShare: 0.6, overrides: { 'acquisition.acv': 12000, 'journey.renewal.rate': 0.7, 'lanes.modules.acv': 6000, 'lanes.integration.acv': 3000, 'lanes.services.acv': 4000 } },
      { id: 'mid', name: 'Mid-market', logoShare: 0.3, overrides: {} },
      { id: 'ent', name: 'Enterprise', logoShare: 0.1, overrides: { 'acquisition.acv': 150000, 'journey.renewal.rate': 0.95 } },
    ],
  };
}

describe('the segment block', () => {
  const m = threeSegments();
  const r = computeModel(m);
  const block = boardSegments(m, r)!;

  it("shows each segment's year-2 NRR and GRR beside the company's, and its share of ARR by year end", () => {
    expect(block.year).toBe(2);
    expect(block.rows.map((x) => x.name)).toEqual(['SMB', 'Mid-market', 'Enterprise']);
    for (const row of block.rows) {
      const own = r.segments![row.id]!;
      expect(row.nrr.value).toBe(own.annual[1]!.nrr);
      expect(row.grr.value).toBe(own.annual[1]!.grr);
      expect(row.mix.map((f) => f.value)).toEqual(own.arrShareByYearEnd);
    }
    expect(block.company.nrr.value).toBe(r.annual[1]!.nrr);
    // the mix adds up to 100% at each year end
    r.annual.forEach((_, i) => expect(block.rows.reduce((s, x) => s + x.mix[i]!.value!, 0)).toBeCloseTo(1, 12));
  });

  it("names the segment with the largest begin-weighted shortfall against the company's NRR", () => {
    const company = r.annual[1]!.nrr!;
    const gaps = m.segments!.map((s) => {
      const y = r.segments![s.id]!.annual[1]!;
      return { id: s.id, gap: y.decomposition!.begin * (company - y.nrr!) };
    }).sort((a, b) => b.gap - a.gap);
    expect(block.drag!.id).toBe(gaps[0]!.id);
    expect(gaps[0]!.gap).toBeGreaterThan(0);
    // a segment at or above the company's NRR holds nothing back
    for (const g of gaps.slice(1)) expect(g.gap).toBeLessThan(gaps[0]!.gap);
    expect(block.drag!.shortfall.value).toBeCloseTo(gaps[0]!.gap, 6);
    expect(block.drag!.sentence).toMatch(/^SMB holds NRR back most: at the company's year-2 NRR of \d+\.\d% it would keep \$[\d.,]+[KM]? more ARR/);
  });

  it('is part of the board report with its takeaway, and absent without segments', () => {
    const report = buildBoardReport(m, r);
    expect(report.segments).toEqual(block);
    expect(report.takeaways).toContain(block.drag!.sentence);
    expect(buildBoardReport(defaultInputs()).segments).toBeNull();
  });

  it('no segment drags when every segment renews alike', () => {
    const same: ModelInputs = { ...defaultInputs(), segments: [{ id: 'a', name: 'A', logoShare: 0.5, overrides: {} }, { id: 'b', name: 'B', logoShare: 0.5, overrides: {} }] };
    expect(boardSegments(same, computeModel(same))!.drag).toBeNull();
  });

  it("is on the workbook's Board Report sheet, the drag named", async () => {
    const cells = readXlsxCells(await writeWorkbook({ inputs: m, appVersion: 'test' })).get('Board Report')!;
    const texts = [...cells.values()].map((c) => c.value);
    expect(texts).toContain('By segment: NRR and GRR in year 2, share of ARR at each year end');
    expect(texts).toContain(block.drag!.sentence);
    const smbRow = [...cells.entries()].find(([, c]) => c.value === 'SMB')![0].replace(/^A/, '');
    expect(cells.get(`C${smbRow}`)!.value).toBeCloseTo(block.rows[0]!.nrr.value!, 12);
  });
});
