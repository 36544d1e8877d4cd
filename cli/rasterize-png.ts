// SVG → PNG in Node for the CLI's workbook export (the app uses a canvas). resvg
// is a Rust renderer shipped as a prebuilt binary inside its npm package, so it
// needs no browser; system fonts are loaded so chart text matches the app's (DejaVu
// Sans, which .ci/run installs, when none of the chart's fonts is there).
import { Resvg } from '@resvg/resvg-js';
import type { Rasterize } from '@shared/report/index';

export const rasterizePng: Rasterize = async (svg, _width, _height, scale) => {
  const png = new Resvg(svg, {
    background: '#ffffff',
    fitTo: { mode: 'zoom', value: scale },
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
  }).render().asPng();
  return new Uint8Array(png);
};
