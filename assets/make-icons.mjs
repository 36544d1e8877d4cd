#!/usr/bin/env node
// Draws Bowtie's icon and writes every format the installers need, with no
// dependencies: the SVG, PNGs (a tiny rasteriser with 4×4 supersampling and
// Node's zlib), a Windows .ico and a macOS .icns (both simply wrap the PNGs,
// which Windows Vista+ and macOS 10.7+ read directly).
//
//   node assets/make-icons.mjs      (re-run after changing the shapes below)
//
// The picture is the revenue bowtie: the acquisition funnel narrowing into the
// close (the knot) and the customer side widening with expansion.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const here = path.dirname(fileURLToPath(import.meta.url));

// Shapes on a 1024 × 1024 canvas, painted in order.
const shapes = [
  { kind: 'roundedRect', x: 64, y: 64, w: 896, h: 896, r: 200, color: '#17324d' },
  // Left wing: wide at the outside, narrow at the knot.
  { kind: 'polygon', points: [[190, 280], [470, 440], [470, 584], [190, 744]], color: '#6f9bd1' },
  // Right wing, a little taller: expansion beyond the original deal.
  { kind: 'polygon', points: [[554, 440], [834, 250], [834, 774], [554, 584]], color: '#3ccf9a' },
  { kind: 'roundedRect', x: 452, y: 410, w: 120, h: 204, r: 36, color: '#f4f7fb' },
];

function svg() {
  const body = shapes.map((s) => s.kind === 'polygon'
    ? `  <polygon points="${s.points.map((p) => p.join(',')).join(' ')}" fill="${s.color}"/>`
    : `  <rect x="${s.x}" y="${s.y}" width="${s.w}" height="${s.h}" rx="${s.r}" fill="${s.color}"/>`).join('\n');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1024 1024" width="1024" height="1024">\n<title>Bowtie</title>\n${body}\n</svg>\n`;
}

function inside(shape, x, y) {
  if (shape.kind === 'roundedRect') {
    const { x: rx, y: ry, w, h, r } = shape;
    if (x < rx || x > rx + w || y < ry || y > ry + h) return false;
    const cx = Math.min(Math.max(x, rx + r), rx + w - r);
    const cy = Math.min(Math.max(y, ry + r), ry + h - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  }
  let hit = false; // even-odd ray casting
  const pts = shape.points;
  for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) {
    const [xi, yi] = pts[i];
    const [xj, yj] = pts[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) hit = !hit;
  }
  return hit;
}

const rgb = (hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));

function render(size) {
  const pixels = Buffer.alloc(size * size * 4);
  const scale = 1024 / size;
  const n = 4; // samples per axis
  const colors = shapes.map((s) => rgb(s.color));
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const x = (px + (sx + 0.5) / n) * scale;
          const y = (py + (sy + 0.5) / n) * scale;
          for (let k = shapes.length - 1; k >= 0; k--) {
            if (inside(shapes[k], x, y)) {
              const [cr, cg, cb] = colors[k];
              r += cr; g += cg; b += cb; a += 1;
              break;
            }
          }
        }
      }
      const o = (py * size + px) * 4;
      // Straight (not premultiplied) alpha, as PNG expects.
      pixels[o] = a ? Math.round(r / a) : 0;
      pixels[o + 1] = a ? Math.round(g / a) : 0;
      pixels[o + 2] = a ? Math.round(b / a) : 0;
      pixels[o + 3] = Math.round((a / (n * n)) * 255);
    }
  }
  return pixels;
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}
function png(size) {
  const pixels = render(size);
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) pixels.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4); // filter 0 per row
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function ico(images) {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // icon
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, data }, i) => {
    const e = 6 + 16 * i;
    header[e] = size >= 256 ? 0 : size; // 0 means 256
    header[e + 1] = size >= 256 ? 0 : size;
    header.writeUInt16LE(1, e + 4); // planes
    header.writeUInt16LE(32, e + 6); // bits per pixel
    header.writeUInt32LE(data.length, e + 8);
    header.writeUInt32LE(offset, e + 12);
    offset += data.length;
  });
  return Buffer.concat([header, ...images.map((i) => i.data)]);
}

function icns(entries) {
  const parts = entries.map(({ type, data }) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(data.length + 8, 4);
    return Buffer.concat([head, data]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(8 + parts.reduce((n, p) => n + p.length, 0), 4);
  return Buffer.concat([head, ...parts]);
}

const sizes = [16, 32, 48, 64, 128, 256, 512, 1024];
const pngs = Object.fromEntries(sizes.map((s) => [s, png(s)]));

mkdirSync(path.join(here, 'icons'), { recursive: true });
writeFileSync(path.join(here, 'icon.svg'), svg());
// Linux (AppImage) reads a folder of NxN.png; 1024 is the source for the rest.
for (const s of [16, 32, 48, 64, 128, 256, 512]) writeFileSync(path.join(here, 'icons', `${s}x${s}.png`), pngs[s]);
writeFileSync(path.join(here, 'icon.png'), pngs[1024]);
writeFileSync(path.join(here, 'icon.ico'), ico([16, 32, 48, 64, 128, 256].map((size) => ({ size, data: pngs[size] }))));
writeFileSync(path.join(here, 'icon.icns'), icns([
  { type: 'icp4', data: pngs[16] }, { type: 'icp5', data: pngs[32] }, { type: 'ic11', data: pngs[32] },
  { type: 'ic12', data: pngs[64] }, { type: 'ic07', data: pngs[128] }, { type: 'ic13', data: pngs[256] },
  { type: 'ic08', data: pngs[256] }, { type: 'ic14', data: pngs[512] }, { type: 'ic09', data: pngs[512] },
  { type: 'ic10', data: pngs[1024] },
]));
console.log('wrote assets/icon.svg, icon.png (1024), icons/*.png, icon.ico, icon.icns');
