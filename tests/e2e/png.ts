// A minimal PNG reader (8-bit RGB/RGBA, not interlaced: what Chromium screenshots are) for pixel checks in tests.
import { inflateSync } from "node:zlib";

export interface Bitmap {
  width: number;
  height: number;
  channels: number;
  data: Uint8Array;
}

export function decodePng(buffer: Buffer): Bitmap {
  let offset = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  while (offset < buffer.length) {
    const length = buffer.readUInt32BE(offset);
    const type = buffer.toString("ascii", offset + 4, offset + 8);
    const body = buffer.subarray(offset + 8, offset + 8 + length);
    if (type === "IHDR") {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      const depth = body[8];
      const colorType = body[9];
      if (depth !== 8 || body[12] !== 0) throw new Error("png: only 8-bit, non-interlaced images are supported");
      channels = colorType === 6 ? 4 : colorType === 2 ? 3 : 0;
      if (!channels) throw new Error(`png: colour type ${colorType} is not supported`);
    } else if (type === "IDAT") idat.push(body);
    else if (type === "IEND") break;
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const data = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? data[y * stride + x - channels]! : 0;
      const b = y > 0 ? data[(y - 1) * stride + x]! : 0;
      const c = x >= channels && y > 0 ? data[(y - 1) * stride + x - channels]! : 0;
      let value = line[x]!;
      if (filter === 1) value += a;
      else if (filter === 2) value += b;
      else if (filter === 3) value += (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        value += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      data[y * stride + x] = value & 0xff;
    }
  }
  return { width, height, channels, data };
}

/** How many pixels are strongly coloured (saturated), i.e. drawn nodes or edges rather than white, grey or text. */
export function countColouredPixels(bitmap: Bitmap): number {
  let count = 0;
  for (let i = 0; i < bitmap.width * bitmap.height; i++) {
    const r = bitmap.data[i * bitmap.channels]!;
    const g = bitmap.data[i * bitmap.channels + 1]!;
    const b = bitmap.data[i * bitmap.channels + 2]!;
    if (Math.max(r, g, b) - Math.min(r, g, b) > 60) count++;
  }
  return count;
}

/** "#rrggbb" as [r, g, b]. */
export function rgb(hex: string): [number, number, number] {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`png: "${hex}" is not a #rrggbb colour`);
  return [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)];
}

function pixelIs(bitmap: Bitmap, x: number, y: number, [r, g, b]: [number, number, number]): boolean {
  const i = (y * bitmap.width + x) * bitmap.channels;
  return bitmap.data[i] === r && bitmap.data[i + 1] === g && bitmap.data[i + 2] === b;
}

/** How many pixels have exactly this colour. */
export function countExact(bitmap: Bitmap, hex: string): number {
  const colour = rgb(hex);
  let count = 0;
  for (let y = 0; y < bitmap.height; y++)
    for (let x = 0; x < bitmap.width; x++) if (pixelIs(bitmap, x, y, colour)) count++;
  return count;
}

/**
 * The pixel of one of these colours most deeply inside a patch of its colour: the one with the most pixels of the
 * same colour in the square of side 2 * radius + 1 around it (the centre of the largest disc, for node colours).
 * Null when no pixel has any of the colours.
 */
export function deepestPixel(
  bitmap: Bitmap,
  hexes: string[],
  radius: number,
): { x: number; y: number; hex: string; around: number } | null {
  let best: { x: number; y: number; hex: string; around: number } | null = null;
  for (const hex of hexes) {
    const colour = rgb(hex);
    for (let y = radius; y < bitmap.height - radius; y++) {
      for (let x = radius; x < bitmap.width - radius; x++) {
        if (!pixelIs(bitmap, x, y, colour)) continue;
        let around = 0;
        for (let dy = -radius; dy <= radius; dy++)
          for (let dx = -radius; dx <= radius; dx++) if (pixelIs(bitmap, x + dx, y + dy, colour)) around++;
        if (!best || around > best.around) best = { x, y, hex, around };
      }
    }
  }
  return best;
}

/**
 * A pixel whose whole square of side 2 * radius + 1 has the background colour. The colour is given, not read from a
 * corner: a label or an edge may cover any corner of a zoomed canvas.
 */
export function emptySpot(
  bitmap: Bitmap,
  radius: number,
  background: [number, number, number],
): { x: number; y: number } | null {
  for (let y = radius; y < bitmap.height - radius; y += radius) {
    next: for (let x = radius; x < bitmap.width - radius; x += radius) {
      for (let dy = -radius; dy <= radius; dy++)
        for (let dx = -radius; dx <= radius; dx++) if (!pixelIs(bitmap, x + dx, y + dy, background)) continue next;
      return { x, y };
    }
  }
  return null;
}
