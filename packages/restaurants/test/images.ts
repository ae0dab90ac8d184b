import { deflateSync } from "node:zlib";

/*
 * Real image files made in the test, so photo checks read actual bytes: a PNG any decoder opens, and the
 * first bytes of a JPEG and a WebP.
 */

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (bytes: Uint8Array) => {
  let c = 0xffffffff;
  for (const b of bytes) c = (crcTable[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};

const chunk = (type: string, data: Uint8Array) => {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, "ascii");
  Buffer.from(data).copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
};

type Rgb = readonly [number, number, number];

/** A valid 8-bit RGB PNG, each pixel from `pixel`. `padTo` appends a private chunk until the file is that many bytes. */
const rgbPng = (width: number, height: number, pixel: (x: number, y: number) => Rgb, padTo?: number) => {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  const rows = Array.from({ length: height }, (_, y) => {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x++) row.set(pixel(x, y), 1 + x * 3);
    return row;
  });
  const parts = [
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(Buffer.concat(rows))),
  ];
  const size = parts.reduce((n, p) => n + p.length, 12);
  if (padTo && padTo > size + 12) parts.push(chunk("tiFf", Buffer.alloc(padTo - size - 12)));
  parts.push(chunk("IEND", new Uint8Array()));
  return Buffer.concat(parts);
};

const ORANGE: Rgb = [0xe8, 0x6a, 0x1f];

/** A valid RGB PNG of one colour. `padTo` appends a private chunk until the file is that many bytes. */
export const pngOf = (width: number, height: number, opts: { padTo?: number } = {}): Buffer =>
  rgbPng(width, height, () => ORANGE, opts.padTo);

/** A photo-like PNG: a warm gradient, `width` × `height` (the browser tests upload it). */
export const gradientPng = (width: number, height: number): Buffer =>
  rgbPng(width, height, (x, y) => [200 + (x % 56), 90 + (y % 120), 30]);

/** A baseline JPEG's opening: SOI, a JFIF APP0 segment, then the SOF0 frame header giving its size. */
export const jpegOf = (width: number, height: number): Buffer =>
  Buffer.from([
    ...[0xff, 0xd8],
    ...[
      0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00,
      0x00,
    ],
    ...[0xff, 0xc0, 0x00, 0x11, 0x08, height >> 8, height & 0xff, width >> 8, width & 0xff, 0x03],
    ...[0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01],
    ...[0xff, 0xd9],
  ]);

/** Text pretending to be a photo (named .png by whoever uploads it). */
export const notAnImage = (): Buffer => Buffer.from("This is a shopping list, not a photo.\nmilk\neggs\n");
