import { describe, expect, it } from 'vitest';
import { computeModel, defaultInputs } from '@shared/index';
import { boardImages } from '@shared/report/draw';
import { rasterizePng } from '../../cli/rasterize-png';

const pngSize = (b: Uint8Array) => {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  return { w: v.getUint32(16), h: v.getUint32(20) };
};

describe('CLI chart images', () => {
  it('are real PNGs at twice the page size, so they print sharp in the workbook', async () => {
    const m = defaultInputs();
    const images = await boardImages(m, rasterizePng, computeModel(m));
    // the charts no native Excel chart draws (the bowtie, the LTV curve): the rest are chart parts
    expect(images.map((i) => i.name)).toEqual(['The bowtie: from first touch to expansion', 'Cohort LTV: revenue per customer']);
    for (const img of images) {
      expect([...img.png.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      expect(pngSize(img.png)).toEqual({ w: img.widthPx * 2, h: img.heightPx * 2 });
      expect(img.png.length).toBeGreaterThan(10_000); // text and bars, not a blank page
    }
  });
});
