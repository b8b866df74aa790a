import { open, type FileHandle } from "node:fs/promises";
import { fileTypeFromFile } from "file-type";
import { Parser } from "htmlparser2";
import yauzl, { type Entry, type ZipFile } from "yauzl";

/** What the documents module stores and shows: office documents people read, and pictures. */
export type DocumentFormat = "pdf" | "docx" | "xlsx" | "pptx" | "odt" | "jpeg" | "png" | "webp";
/** Why a file is refused; the upload message is chosen from this, never from the file's name. */
export type Refusal = "executable" | "archive" | "macro_enabled" | "encrypted" | "unsupported_type" | "empty";
export type Inspection =
  | { ok: true; format: DocumentFormat; contentType: string; extension: string }
  | { ok: false; reason: Refusal; detected?: string };

/** Zip bombs stop here: no office document a member reads has this many parts or this much text. */
export const MAX_ZIP_ENTRIES = 10_000;
export const MAX_ZIP_UNCOMPRESSED_BYTES = 500 * 1024 * 1024;
/** One XML part read into memory (a document body, a header, [Content_Types].xml). */
const MAX_PART_BYTES = 64 * 1024 * 1024;

const ACCEPTED: Record<DocumentFormat, { contentType: string; extension: string }> = {
  pdf: { contentType: "application/pdf", extension: "pdf" },
  docx: { contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", extension: "docx" },
  xlsx: { contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", extension: "xlsx" },
  pptx: { contentType: "application/vnd.openxmlformats-officedocument.presentationml.presentation", extension: "pptx" },
  odt: { contentType: "application/vnd.oasis.opendocument.text", extension: "odt" },
  jpeg: { contentType: "image/jpeg", extension: "jpg" },
  png: { contentType: "image/png", extension: "png" },
  webp: { contentType: "image/webp", extension: "webp" },
};

// file-type's names for things that run, and for containers of other files.
const EXECUTABLES = new Set(["exe", "elf", "macho", "class", "wasm", "swf", "crx", "jar", "apk", "xpi", "lnk", "dex", "reg"]);
const ARCHIVES = new Set(["zip", "tar", "rar", "gz", "tar.gz", "bz2", "7z", "xz", "cab", "deb", "ar", "rpm", "Z", "lz", "lzh", "zst", "arj", "cpio", "ace", "lz4", "dmg", "asar"]);
const IMAGES: Record<string, DocumentFormat> = { jpg: "jpeg", png: "png", apng: "png", webp: "webp" };

const accept = (format: DocumentFormat): Inspection => ({ ok: true, format, ...ACCEPTED[format] });
const refuse = (reason: Refusal, detected?: string): Inspection => (detected ? { ok: false, reason, detected } : { ok: false, reason });

/**
 * What a file is, by its content alone (SECURITY.md: uploads are typed by content, never by name;
 * the name is not even passed in). Accepts PDF, DOCX, XLSX, PPTX, ODT, JPEG, PNG and WebP; refuses
 * programs, archives (and zip bombs), macro-enabled and password-protected documents, legacy
 * binary Office files and everything else. Reads only what it needs; never loads a zip whole.
 */
export async function inspectFile(filePath: string): Promise<Inspection> {
  const handle = await open(filePath, "r");
  let head: Buffer;
  let size: number;
  try {
    size = (await handle.stat()).size;
    if (size === 0) return refuse("empty");
    head = await readAt(handle, 0, 16);
    if (isZip(head)) return await inspectZip(filePath);
    if (head.subarray(0, 8).equals(CFB_MAGIC)) return await inspectCfb(handle);
  } finally {
    await handle.close();
  }
  const type = await fileTypeFromFile(filePath).catch(() => undefined);
  if (!type) return head.subarray(0, 2).toString("latin1") === "#!" ? refuse("executable", "script") : refuse("unsupported_type");
  if (type.ext === "pdf") return (await pdfIsEncrypted(filePath, size)) ? refuse("encrypted", "pdf") : accept("pdf");
  if (IMAGES[type.ext]) return accept(IMAGES[type.ext]);
  if (EXECUTABLES.has(type.ext)) return refuse("executable", type.ext);
  if (ARCHIVES.has(type.ext)) return refuse("archive", type.ext);
  return refuse("unsupported_type", type.ext);
}

async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}

// A local file header, or the end record of an empty zip.
const isZip = (head: Buffer) => head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && ((head[2] === 3 && head[3] === 4) || (head[2] === 5 && head[3] === 6));

// ---------------------------------------------------------------------------------------------
// Zip containers: OOXML, ODF, Java/Android packages, plain archives

export interface ZipContents {
  /** Every entry name, as stored. */
  names: string[];
  /** The wanted entries' bytes, by name. */
  parts: Map<string, Buffer>;
  /** Some entry is encrypted with zip's own password protection. */
  encrypted: boolean;
  /** More entries or more declared uncompressed bytes than MAX_ZIP_*: nothing was read. */
  bomb: boolean;
}

/**
 * Lists a zip from its central directory, checks the zip-bomb limits, then reads the entries
 * `wanted` accepts (each at most 64 MB), one at a time from the file; used by inspection and by
 * text extraction. Throws when the zip is damaged.
 */
export async function readZip(filePath: string, wanted: (name: string) => boolean): Promise<ZipContents> {
  const zip = await new Promise<ZipFile>((resolve, reject) =>
    yauzl.open(filePath, { lazyEntries: true, autoClose: false, validateEntrySizes: true }, (error, file) => (error || !file ? reject(error ?? new Error("The zip could not be opened")) : resolve(file))),
  );
  try {
    const contents: ZipContents = { names: [], parts: new Map(), encrypted: false, bomb: false };
    if (zip.entryCount > MAX_ZIP_ENTRIES) return { ...contents, bomb: true };
    const entries = await listEntries(zip);
    contents.names = entries.map((entry) => entry.fileName);
    contents.encrypted = entries.some((entry) => entry.isEncrypted());
    if (entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0) > MAX_ZIP_UNCOMPRESSED_BYTES) return { ...contents, bomb: true };
    for (const entry of entries) {
      if (!entry.fileName.endsWith("/") && !entry.isEncrypted() && wanted(entry.fileName)) contents.parts.set(entry.fileName, await readEntry(zip, entry));
    }
    return contents;
  } finally {
    zip.close();
  }
}

function listEntries(zip: ZipFile): Promise<Entry[]> {
  const entries: Entry[] = [];
  return new Promise((resolve, reject) => {
    zip.on("error", reject);
    zip.on("end", () => resolve(entries));
    zip.on("entry", (entry: Entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.readEntry();
  });
}

function readEntry(zip: ZipFile, entry: Entry): Promise<Buffer> {
  if (entry.uncompressedSize > MAX_PART_BYTES) return Promise.reject(new Error(`The part ${entry.fileName} is too large to read`));
  return new Promise((resolve, reject) =>
    zip.openReadStream(entry, (error, stream) => {
      if (error || !stream) return reject(error ?? new Error(`The part ${entry.fileName} could not be read`));
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("error", reject);
      stream.on("end", () => resolve(Buffer.concat(chunks)));
    }),
  );
}

const OOXML_MAIN: Record<string, DocumentFormat | string> = {
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml": "docx",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": "xlsx",
  "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml": "pptx",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml": "dotx",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml": "xltx",
  "application/vnd.openxmlformats-officedocument.presentationml.template.main+xml": "potx",
  "application/vnd.openxmlformats-officedocument.presentationml.slideshow.main+xml": "ppsx",
};
const MAIN_PARTS: Record<string, DocumentFormat> = { "word/document.xml": "docx", "xl/workbook.xml": "xlsx", "ppt/presentation.xml": "pptx" };
const ZIP_METADATA = new Set(["[content_types].xml", "mimetype", "meta-inf/manifest.xml"]);

async function inspectZip(filePath: string): Promise<Inspection> {
  let zip: ZipContents;
  try {
    zip = await readZip(filePath, (name) => ZIP_METADATA.has(name.toLowerCase()));
  } catch {
    return refuse("unsupported_type", "damaged zip");
  }
  if (zip.bomb) return refuse("archive", "zip bomb");
  const names = zip.names.map((name) => name.toLowerCase());
  const part = (name: string) => [...zip.parts].find(([key]) => key.toLowerCase() === name)?.[1]?.toString("utf8");
  const contentTypes = part("[content_types].xml");
  const mimetype = part("mimetype")?.trim();
  if (contentTypes !== undefined) return classifyOoxml(names, contentTypes, zip.encrypted);
  if (mimetype?.startsWith("application/vnd.oasis.opendocument")) return classifyOdf(names, mimetype, part("meta-inf/manifest.xml") ?? "", zip.encrypted);
  if (names.includes("meta-inf/manifest.mf") || names.includes("classes.dex") || names.includes("androidmanifest.xml")) return refuse("executable", "java or android package");
  return refuse("archive", "zip");
}

function classifyOoxml(names: string[], contentTypes: string, encrypted: boolean): Inspection {
  const types = xmlAttributeValues(contentTypes, "ContentType");
  const hasVba = names.some((name) => /(^|\/)vba(project\.bin|data\.xml)$/.test(name));
  if (hasVba || types.some((type) => /macroenabled|vbaproject/i.test(type))) return refuse("macro_enabled");
  if (encrypted) return refuse("encrypted");
  const main = types.map((type) => OOXML_MAIN[type.toLowerCase()]).find(Boolean) ?? Object.entries(MAIN_PARTS).find(([name]) => names.includes(name))?.[1];
  if (main === "docx" || main === "xlsx" || main === "pptx") return accept(main);
  return refuse("unsupported_type", main ?? "ooxml");
}

function classifyOdf(names: string[], mimetype: string, manifest: string, encrypted: boolean): Inspection {
  // A password-protected ODF keeps its parts in the zip, encrypted, and says so in the manifest.
  if (encrypted || manifest.includes("encryption-data")) return refuse("encrypted");
  if (names.some((name) => name.startsWith("basic/") || name.startsWith("scripts/"))) return refuse("macro_enabled");
  if (mimetype === ACCEPTED.odt.contentType) return accept("odt");
  return refuse("unsupported_type", mimetype.replace("application/vnd.oasis.opendocument.", "opendocument "));
}

/** Every value of one attribute in an XML text (used for [Content_Types].xml's content types). */
function xmlAttributeValues(xml: string, attribute: string): string[] {
  const values: string[] = [];
  const parser = new Parser({ onattribute: (name, value) => void (name === attribute && values.push(value)) }, { xmlMode: true });
  parser.write(xml);
  parser.end();
  return values;
}

// ---------------------------------------------------------------------------------------------
// Compound File Binary: legacy .doc/.xls/.ppt, password-protected OOXML, MSI installers

const CFB_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const END_OF_CHAIN = 0xfffffffa; // this and above: end of chain, FAT sector, free…
const MAX_DIRECTORY_SECTORS = 1024;
const LEGACY_OFFICE: Record<string, string> = { worddocument: "doc", workbook: "xls", book: "xls", "powerpoint document": "ppt" };

async function inspectCfb(handle: FileHandle): Promise<Inspection> {
  let directory: { names: string[]; rootClsid: string };
  try {
    directory = await readCfbDirectory(handle);
  } catch {
    return refuse("unsupported_type", "cfb");
  }
  const names = directory.names.map((name) => name.toLowerCase());
  if (names.includes("encryptioninfo") && names.includes("encryptedpackage")) return refuse("encrypted", "ooxml");
  // Windows Installer packages and patches: {000C1084-…}, {000C1086-…} and their kin.
  if (/^000c108[0-9a-f]-0000-0000-c000-000000000046$/.test(directory.rootClsid)) return refuse("executable", "msi");
  const legacy = names.map((name) => LEGACY_OFFICE[name]).find(Boolean);
  return refuse("unsupported_type", legacy ?? "cfb");
}

/** The names in a compound file's directory, following the FAT chain (DIFAT read as needed). */
async function readCfbDirectory(handle: FileHandle): Promise<{ names: string[]; rootClsid: string }> {
  const header = await readAt(handle, 0, 512);
  const shift = header.readUInt16LE(0x1e);
  if (shift !== 9 && shift !== 12) throw new Error("Not a compound file");
  const sectorSize = 1 << shift;
  const perSector = sectorSize / 4;
  const sectorAt = (sector: number) => (sector + 1) * sectorSize;
  const difat = async (index: number): Promise<number> => {
    if (index < 109) return header.readUInt32LE(0x4c + index * 4);
    let sector = header.readUInt32LE(0x44);
    let rest = index - 109;
    for (let hops = 0; rest >= perSector - 1; hops++, rest -= perSector - 1) {
      if (sector >= END_OF_CHAIN || hops > 1_000_000) throw new Error("Broken DIFAT");
      sector = (await readAt(handle, sectorAt(sector) + (perSector - 1) * 4, 4)).readUInt32LE(0);
    }
    return (await readAt(handle, sectorAt(sector) + rest * 4, 4)).readUInt32LE(0);
  };
  const next = async (sector: number) => {
    const fatSector = await difat(Math.floor(sector / perSector));
    if (fatSector >= END_OF_CHAIN) throw new Error("Broken FAT");
    return (await readAt(handle, sectorAt(fatSector) + (sector % perSector) * 4, 4)).readUInt32LE(0);
  };
  const names: string[] = [];
  let rootClsid = "";
  const seen = new Set<number>();
  for (let sector = header.readUInt32LE(0x30); sector < END_OF_CHAIN; sector = await next(sector)) {
    if (seen.has(sector) || seen.size >= MAX_DIRECTORY_SECTORS) throw new Error("Looping directory");
    seen.add(sector);
    const block = await readAt(handle, sectorAt(sector), sectorSize);
    for (let offset = 0; offset + 128 <= block.length; offset += 128) {
      const entry = block.subarray(offset, offset + 128);
      const type = entry[0x42];
      const length = Math.min(entry.readUInt16LE(0x40), 64);
      if (type === 5) rootClsid = clsid(entry.subarray(0x50, 0x60));
      if (type >= 1 && type <= 5 && length >= 2) names.push(entry.subarray(0, length - 2).toString("utf16le"));
    }
  }
  return { names, rootClsid };
}

const clsid = (b: Buffer) => {
  const hex = (from: number, to: number) => b.subarray(from, to).toString("hex");
  return `${b.readUInt32LE(0).toString(16).padStart(8, "0")}-${b.readUInt16LE(4).toString(16).padStart(4, "0")}-${b.readUInt16LE(6).toString(16).padStart(4, "0")}-${hex(8, 10)}-${hex(10, 16)}`;
};

// ---------------------------------------------------------------------------------------------
// PDF

const ENCRYPT = /\/Encrypt\s*(\d+\s+\d+\s+R|<<)/;
const WINDOW = 64 * 1024;

/**
 * An encrypted PDF names its security handler in the trailer: the last trailer (the file's end),
 * a cross-reference stream's dictionary (at `startxref`), or a linearised file's first-page trailer
 * (its start). Only those windows are read.
 */
async function pdfIsEncrypted(filePath: string, size: number): Promise<boolean> {
  const handle = await open(filePath, "r");
  try {
    const tail = (await readAt(handle, Math.max(0, size - WINDOW), WINDOW)).toString("latin1");
    if (ENCRYPT.test(tail)) return true;
    if (ENCRYPT.test((await readAt(handle, 0, WINDOW)).toString("latin1"))) return true;
    const startxref = [...tail.matchAll(/startxref\s+(\d+)/g)].at(-1)?.[1];
    return startxref !== undefined && Number(startxref) < size && ENCRYPT.test((await readAt(handle, Number(startxref), 4096)).toString("latin1"));
  } finally {
    await handle.close();
  }
}
