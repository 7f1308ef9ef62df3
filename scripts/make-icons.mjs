/**
 * Draws the add-in's icons (assets/icon-16/32/64/80/128.png): a white table glyph — header band,
 * three columns, two rows — on a rounded square in the brand blue. Lines are snapped to whole
 * pixels so the small sizes stay crisp; only the rounded corners are anti-aliased.
 * Usage: node scripts/make-icons.mjs
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';

const SIZES = [16, 32, 64, 80, 128];
const BRAND = [0x0f, 0x5c, 0xa8]; // deep EU-programme blue; white on it is 6.6:1
const WHITE = [0xff, 0xff, 0xff];
const assets = join(dirname(fileURLToPath(import.meta.url)), '..', 'assets');

/** Coverage (0…1) of pixel (x, y) by a rounded square of side `size` and corner radius `r`, 4×4 samples. */
function roundedCoverage(x, y, size, r) {
  let inside = 0;
  for (let sy = 0; sy < 4; sy++) {
    for (let sx = 0; sx < 4; sx++) {
      const px = x + (sx + 0.5) / 4;
      const py = y + (sy + 0.5) / 4;
      const cx = Math.min(Math.max(px, r), size - r);
      const cy = Math.min(Math.max(py, r), size - r);
      if ((px - cx) ** 2 + (py - cy) ** 2 <= r * r) inside++;
    }
  }
  return inside / 16;
}

/**
 * True where the table glyph is white: its frame, a solid header band, and the rules between three
 * columns and two rows. Sizes are whole pixels so every cell of one icon is the same size.
 */
function tableGlyph(size) {
  const line = Math.max(1, Math.round(size / 16));
  const available = size - 2 * Math.round(size * 0.2);
  const cell = Math.floor((available - 4 * line) / 3);
  const width = 3 * cell + 4 * line;
  const band = Math.max(2 * line, Math.round(width * 0.2));
  const cellHeight = Math.floor((width - 3 * line - band) / 2);
  const height = band + 2 * cellHeight + 3 * line;
  const left = Math.floor((size - width) / 2);
  const top = Math.floor((size - height) / 2);
  return (x, y) => {
    const dx = x - left;
    const dy = y - top;
    if (dx < 0 || dx >= width || dy < 0 || dy >= height) return false;
    if (dy < line + band) return true; // frame top and header band
    if (dx % (cell + line) < line) return true; // frame sides and column rules
    return (dy - line - band) % (cellHeight + line) >= cellHeight; // row rule and frame bottom
  };
}

function drawIcon(size) {
  const png = new PNG({ width: size, height: size });
  const radius = size * 0.18;
  const glyph = tableGlyph(size);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const i = (y * size + x) * 4;
      const colour = glyph(x, y) ? WHITE : BRAND;
      png.data[i] = colour[0];
      png.data[i + 1] = colour[1];
      png.data[i + 2] = colour[2];
      png.data[i + 3] = Math.round(255 * roundedCoverage(x, y, size, radius));
    }
  }
  return PNG.sync.write(png, { colorType: 6 });
}

mkdirSync(assets, { recursive: true });
for (const size of SIZES) {
  const file = join(assets, `icon-${size}.png`);
  writeFileSync(file, drawIcon(size));
  console.log(`wrote ${file} (${size}×${size})`);
}
