// Writes the PWA icons (a deep red square with a yellow five-pointed star) as PNG files under
// public/icons/, using only node:zlib. Run once after changing the design: `node scripts/make-icons.mjs`.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";

const outDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../public/icons");
const RED = [0xb7, 0x1c, 0x1c];
const YELLOW = [0xff, 0xeb, 0x3b];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};

/** The star's ten corners, centred at (cx, cy) with outer radius r, one point straight up. */
const starPolygon = (cx, cy, r) =>
  Array.from({ length: 10 }, (_, i) => {
    const radius = i % 2 === 0 ? r : r * 0.382;
    const angle = -Math.PI / 2 + (i * Math.PI) / 5;
    return [cx + radius * Math.cos(angle), cy + radius * Math.sin(angle)];
  });

const inside = (poly, x, y) => {
  let hit = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [xi, yi] = poly[i];
    const [xj, yj] = poly[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) hit = !hit;
  }
  return hit;
};

/** An RGB PNG of `size` pixels; the star's outer radius is `starScale` of the half size. */
function icon(size, starScale) {
  const star = starPolygon(size / 2, size / 2 + size * 0.03, (size / 2) * starScale);
  const SS = 4; // 4x4 supersampling for smooth edges
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 3); // filter byte 0, then RGB
    for (let x = 0; x < size; x++) {
      let covered = 0;
      for (let sy = 0; sy < SS; sy++) for (let sx = 0; sx < SS; sx++) if (inside(star, x + (sx + 0.5) / SS, y + (sy + 0.5) / SS)) covered++;
      const a = covered / (SS * SS);
      for (let c = 0; c < 3; c++) row[1 + x * 3 + c] = Math.round(RED[c] * (1 - a) + YELLOW[c] * a);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type: RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

fs.mkdirSync(outDir, { recursive: true });
const files = [
  ["icon-192.png", 192, 0.62],
  ["icon-512.png", 512, 0.62],
  ["apple-touch-icon-180.png", 180, 0.62],
  // Maskable icons keep the star inside the 80% safe zone.
  ["maskable-192.png", 192, 0.46],
  ["maskable-512.png", 512, 0.46],
];
for (const [name, size, scale] of files) {
  fs.writeFileSync(path.join(outDir, name), icon(size, scale));
  console.log(`wrote public/icons/${name}`);
}
