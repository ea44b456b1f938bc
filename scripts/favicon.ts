/**
 * Writes public/favicon.svg and public/favicon.ico from one shape list, so the
 * two icons always show the same mark: a slipway ramp running down into water.
 * Run with `npx node scripts/favicon.ts` after changing a shape.
 *
 * The ICO holds one 32 x 32 PNG (PNG-in-ICO, read by every current browser).
 * Pixels are sampled 4 x 4 times each, which smooths the diagonal edges.
 */
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

type Point = readonly [number, number];
type Shape =
  | { kind: 'rounded-rect'; size: number; radius: number; fill: string }
  | { kind: 'polygon'; points: readonly Point[]; fill: string };

const size = 32;
const samplesPerAxis = 4;
const tileRadius = 7;

// Drawn in order on a 32 x 32 grid: tile, water, ramp, and a boat hull resting
// on the ramp's upper edge (the line from 7,9 to 29,25), tilted with it.
const shapes: readonly Shape[] = [
  { kind: 'rounded-rect', size, radius: tileRadius, fill: '#0b5fbd' },
  { kind: 'polygon', points: [[0, 21], [8, 20], [16, 22], [24, 20], [32, 21], [32, 32], [0, 32]], fill: '#6cb2ff' },
  { kind: 'polygon', points: [[3, 9], [7, 9], [29, 25], [22, 25]], fill: '#ffffff' },
  { kind: 'polygon', points: [[11.4, 11.5], [17.9, 16.2], [21.8, 14.1], [12.1, 7]], fill: '#ffb347' },
];

/** Tells whether a point lies inside a polygon, by the even-odd rule. */
function insidePolygon([x, y]: Point, points: readonly Point[]): boolean {
  let inside = false;
  for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
    const [xi, yi] = points[i]!;
    const [xj, yj] = points[j]!;
    const crosses = yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi;
    if (crosses) inside = !inside;
  }
  return inside;
}

/** Tells whether a point lies inside a square with rounded corners at the origin. */
function insideRoundedRect([x, y]: Point, side: number, radius: number): boolean {
  if (x < 0 || y < 0 || x > side || y > side) return false;
  const cx = Math.min(Math.max(x, radius), side - radius);
  const cy = Math.min(Math.max(y, radius), side - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

/** Returns the fill of the topmost shape at a point, or undefined outside the tile. */
function colourAt(point: Point): string | undefined {
  let fill: string | undefined;
  for (const shape of shapes) {
    const hit = shape.kind === 'polygon' ? insidePolygon(point, shape.points) : insideRoundedRect(point, shape.size, shape.radius);
    if (hit) fill = shape.fill;
  }
  // The tile's rounded corners clip everything drawn on it.
  return insideRoundedRect(point, size, tileRadius) ? fill : undefined;
}

/** Converts "#rrggbb" to its three channel values. */
function rgb(hex: string): [number, number, number] {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

/** Renders the shapes to straight RGBA pixels, averaging the samples inside each pixel. */
function renderPixels(): Uint8Array {
  const pixels = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let covered = 0;
      for (let sy = 0; sy < samplesPerAxis; sy++) {
        for (let sx = 0; sx < samplesPerAxis; sx++) {
          const fill = colourAt([px + (sx + 0.5) / samplesPerAxis, py + (sy + 0.5) / samplesPerAxis]);
          if (fill === undefined) continue;
          const [cr, cg, cb] = rgb(fill);
          r += cr;
          g += cg;
          b += cb;
          covered++;
        }
      }
      const offset = (py * size + px) * 4;
      if (covered > 0) pixels.set([Math.round(r / covered), Math.round(g / covered), Math.round(b / covered)], offset);
      pixels[offset + 3] = Math.round((255 * covered) / samplesPerAxis ** 2);
    }
  }
  return pixels;
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** Computes the CRC-32 that every PNG chunk ends with. */
function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = crcTable[(crc ^ byte) & 255]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** Builds one PNG chunk: length, type, data and CRC. */
function chunk(type: string, data: Uint8Array): Uint8Array {
  const body = new Uint8Array([...new TextEncoder().encode(type), ...data]);
  const out = new Uint8Array(body.length + 8);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(body, 4);
  view.setUint32(body.length + 4, crc32(body));
  return out;
}

/** Encodes RGBA pixels as an 8-bit truecolour-with-alpha PNG. */
function encodePng(pixels: Uint8Array): Uint8Array {
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, size);
  view.setUint32(4, size);
  header.set([8, 6, 0, 0, 0], 8);

  // Each scanline starts with filter type 0 (none).
  const raw = new Uint8Array(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) raw.set(pixels.subarray(y * size * 4, (y + 1) * size * 4), y * (size * 4 + 1) + 1);

  const signature = [137, 80, 78, 71, 13, 10, 26, 10];
  const parts = [new Uint8Array(signature), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', new Uint8Array())];
  return new Uint8Array(parts.flatMap((part) => [...part]));
}

/** Wraps one PNG in an ICO container: a 6-byte header and one 16-byte directory entry. */
function encodeIco(png: Uint8Array): Uint8Array {
  const out = new Uint8Array(22 + png.length);
  const view = new DataView(out.buffer);
  view.setUint16(2, 1, true);
  view.setUint16(4, 1, true);
  out[6] = size;
  out[7] = size;
  view.setUint16(10, 1, true);
  view.setUint16(12, 32, true);
  view.setUint32(14, png.length, true);
  view.setUint32(18, 22, true);
  out.set(png, 22);
  return out;
}

/** Writes the shapes as an SVG document. */
function renderSvg(): string {
  const elements = shapes.map((shape) =>
    shape.kind === 'rounded-rect'
      ? `  <rect width="${shape.size}" height="${shape.size}" rx="${shape.radius}" fill="${shape.fill}"/>`
      : `  <polygon points="${shape.points.map(([x, y]) => `${x},${y}`).join(' ')}" fill="${shape.fill}"/>`,
  );
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}">`,
    `  <clipPath id="tile"><rect width="${size}" height="${size}" rx="${tileRadius}"/></clipPath>`,
    '  <g clip-path="url(#tile)">',
    ...elements.map((line) => `  ${line}`),
    '  </g>',
    '</svg>',
    '',
  ].join('\n');
}

writeFileSync(new URL('../public/favicon.svg', import.meta.url), renderSvg());
writeFileSync(new URL('../public/favicon.ico', import.meta.url), encodeIco(encodePng(renderPixels())));
