import ExcelJS from "exceljs";
import { Parser } from "htmlparser2";
import mammoth from "mammoth";
import sanitizeHtml from "sanitize-html";
import { type ExtractedText, type ReadLimits, chunkParagraphs } from "./extract-common";
import { readZip } from "./inspect";

// ---------------------------------------------------------------------------------------------
// XML parts of OOXML and ODF

interface TextRules {
  /** Elements whose text is content (w:t, a:t); without it, all text inside a block counts (ODF). */
  textIn?: Set<string>;
  /** Elements that are lines of their own (paragraphs, table rows). */
  blocks: Set<string>;
  /** Empty elements that stand for a character (tabs, line breaks, ODF's text:s). */
  chars: Record<string, string>;
  /** Elements whose text is not the document's (deleted text in tracked changes, comments). */
  skip?: Set<string>;
  /** When given, only text inside these elements counts (the headers in ODF's styles.xml). */
  within?: Set<string>;
}

/** The text of an XML part, one line per block, by a streaming pull (no DOM). */
function xmlText(xml: string, rules: TextRules): string {
  let text = "";
  let inText = 0;
  let inBlock = 0;
  let skipped = 0;
  let inside = rules.within ? 0 : 1;
  const counts = () => skipped === 0 && inside > 0;
  const endLine = () => {
    if (text && !text.endsWith("\n")) text += "\n";
  };
  const parser = new Parser(
    {
      onopentag: (name) => {
        if (rules.skip?.has(name)) skipped++;
        if (rules.within?.has(name)) inside++;
        if (rules.textIn?.has(name)) inText++;
        if (rules.blocks.has(name)) {
          inBlock++;
          endLine();
        }
        if (rules.chars[name] !== undefined && counts()) text += rules.chars[name];
      },
      ontext: (chunk) => {
        if (counts() && (rules.textIn ? inText > 0 : inBlock > 0)) text += chunk;
      },
      onclosetag: (name) => {
        if (rules.skip?.has(name)) skipped--;
        if (rules.within?.has(name)) inside--;
        if (rules.textIn?.has(name)) inText--;
        if (rules.blocks.has(name)) {
          inBlock--;
          endLine();
        }
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(xml);
  parser.end();
  return text;
}

/**
 * Properties from a metadata part: `pick` names the key an element's text goes to (or null);
 * repeated keys (ODF keywords) are joined with commas.
 */
function xmlFields(xml: string, pick: (name: string, attributes: Record<string, string>) => string | null): Record<string, string> {
  const fields: Record<string, string> = {};
  const stack: (string | null)[] = [];
  const current: Record<string, string> = {};
  const parser = new Parser(
    {
      onopentag: (name, attributes) => {
        const key = pick(name, attributes);
        stack.push(key);
        if (key) current[key] = "";
      },
      ontext: (chunk) => {
        // The innermost element that names a key (custom.xml's value sits inside its property).
        for (let i = stack.length - 1; i >= 0; i--) {
          const key = stack[i];
          if (key) return void (current[key] += chunk);
        }
      },
      onclosetag: () => {
        const key = stack.pop();
        const value = key ? current[key].trim() : "";
        if (key && value) fields[key] = fields[key] ? `${fields[key]}, ${value}` : value;
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(xml);
  parser.end();
  return fields;
}

const CORE_KEYS: Record<string, string> = { "dc:title": "title", "dc:subject": "subject", "dc:creator": "author", "cp:keywords": "keywords", "dc:description": "description", "cp:category": "category" };

/** docProps/core.xml and docProps/custom.xml of an OOXML package. */
function ooxmlMetadata(parts: Map<string, Buffer>): Record<string, string> {
  const core = parts.get("docProps/core.xml")?.toString("utf8");
  const custom = parts.get("docProps/custom.xml")?.toString("utf8");
  return {
    ...(custom ? xmlFields(custom, (name, attributes) => (name === "property" && attributes.name ? `custom.${attributes.name}` : null)) : {}),
    ...(core ? xmlFields(core, (name) => CORE_KEYS[name] ?? null) : {}),
  };
}

const partNumber = (name: string) => Number(/(\d+)\.xml$/.exec(name)?.[1] ?? 0);
const byPartNumber = (a: string, b: string) => partNumber(a) - partNumber(b);

// ---------------------------------------------------------------------------------------------
// DOCX: body by mammoth; headers, footers and properties from the parts themselves

const WORD_TEXT: TextRules = {
  textIn: new Set(["w:t"]),
  blocks: new Set(["w:p", "w:tr"]),
  chars: { "w:tab": " ", "w:br": "\n", "w:cr": "\n", "w:noBreakHyphen": "-" },
};
const isWordHeader = (name: string) => /^word\/(header|footer)\d*\.xml$/.test(name);
const isOoxmlProperties = (name: string) => name === "docProps/core.xml" || name === "docProps/custom.xml";

export async function readDocx(filePath: string, limits: ReadLimits): Promise<ExtractedText> {
  const { value } = await mammoth.extractRawText({ path: filePath });
  const zip = await readZip(filePath, (name) => isWordHeader(name) || isOoxmlProperties(name));
  // Headers first, then footers, each in number order.
  const headerParts = [...zip.parts.keys()].filter(isWordHeader).sort((a, b) => Number(a.includes("footer")) - Number(b.includes("footer")) || byPartNumber(a, b));
  return {
    pages: chunkParagraphs(value, limits.maxChars),
    metadata: ooxmlMetadata(zip.parts),
    headers: headerParts.map((name) => xmlText(zip.parts.get(name)!.toString("utf8"), WORD_TEXT)).join("\n"),
  };
}

/**
 * A readable HTML version of a DOCX for a phone screen: mammoth's semantic HTML (headings, lists,
 * tables, footnotes), without pictures and without any link to a file outside the document,
 * sanitised against an allow-list like article bodies.
 */
export async function docxPreviewHtml(filePath: string): Promise<string> {
  const { value } = await mammoth.convertToHtml(
    { path: filePath },
    { externalFileAccess: false, idPrefix: "docx-", convertImage: mammoth.images.imgElement(async () => ({ src: "" })) },
  );
  return sanitizeHtml(value, PREVIEW_HTML).trim();
}

const ownId = (attributes: Record<string, string>): Record<string, string> => (/^docx-[\w-]+$/.test(attributes.id ?? "") ? { id: attributes.id } : {});

const PREVIEW_HTML: sanitizeHtml.IOptions = {
  allowedTags: ["p", "br", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "em", "u", "s", "sup", "sub", "blockquote", "ul", "ol", "li", "a", "table", "thead", "tbody", "tr", "th", "td"],
  allowedAttributes: { a: ["href", "id", "rel", "target"], li: ["id"], td: ["colspan", "rowspan"], th: ["colspan", "rowspan"] },
  allowedSchemes: ["https", "http", "mailto"],
  allowProtocolRelative: false,
  transformTags: {
    // Footnote anchors stay (ids prefixed "docx-", so they cannot clash with the page's own);
    // links out of the document open apart from the app.
    a: (tagName, attributes) => {
      const attribs: Record<string, string> = ownId(attributes);
      const href = attributes.href ?? "";
      if (/^#docx-[\w-]+$/.test(href)) attribs.href = href;
      else if (href && !href.startsWith("#")) Object.assign(attribs, { href, rel: "noopener noreferrer nofollow", target: "_blank" });
      return { tagName, attribs };
    },
    li: (tagName, attributes) => ({ tagName, attribs: ownId(attributes) }),
  },
  disallowedTagsMode: "discard",
};

// ---------------------------------------------------------------------------------------------
// XLSX (exceljs): a page per sheet, the sheet's name then its rows

export async function readXlsx(filePath: string, limits: ReadLimits): Promise<ExtractedText> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(filePath);
  const sheets = limits.firstPageOnly ? workbook.worksheets.slice(0, 1) : workbook.worksheets;
  const pages: string[] = [];
  const headers: string[] = [];
  let chars = 0;
  for (const sheet of sheets) {
    if (chars >= limits.maxChars) break;
    const lines = [sheet.name];
    sheet.eachRow((row) => {
      const cells: string[] = [];
      row.eachCell((cell) => void cells.push(cellText(cell)));
      lines.push(cells.filter(Boolean).join(" | "));
    });
    const page = lines.join("\n");
    pages.push(page);
    chars += page.length;
    const { oddHeader, oddFooter, evenHeader, evenFooter, firstHeader, firstFooter } = sheet.headerFooter ?? {};
    headers.push(...[oddHeader, evenHeader, firstHeader, oddFooter, evenFooter, firstFooter].filter((value): value is string => !!value).map(plainHeaderFooter));
  }
  const { title, subject, keywords, description, category, creator } = workbook;
  const metadata = Object.fromEntries(Object.entries({ title, subject, keywords, description, category, author: creator }).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
  return { pages, metadata, headers: headers.join("\n") };
}

function cellText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value instanceof Date) return value.toLocaleDateString("vi-VN", { timeZone: "UTC" });
  try {
    return cell.text ?? "";
  } catch {
    return "";
  }
}

/** Excel's header codes (&L &C &R sections, &"font", &12 sizes, &P fields) stripped to their text. */
const plainHeaderFooter = (value: string) =>
  value
    .replace(/&&/g, "\ue000")
    .replace(/&"[^"]*"/g, "")
    .replace(/&K[0-9A-Fa-f]{6}|&K\d\d[+-]\d{3}/g, "")
    .replace(/&\d+/g, "")
    .replace(/&[LCR]/g, "\n")
    .replace(/&[A-Za-z]/g, "")
    .replace(/\ue000/g, "&");

// ---------------------------------------------------------------------------------------------
// PPTX: a page per slide, in slide-number order

const SLIDE_TEXT: TextRules = { textIn: new Set(["a:t"]), blocks: new Set(["a:p"]), chars: { "a:br": "\n", "a:tab": " " } };
const isSlide = (name: string) => /^ppt\/slides\/slide\d+\.xml$/.test(name);

export async function readPptx(filePath: string, limits: ReadLimits): Promise<ExtractedText> {
  const zip = await readZip(filePath, (name) => isSlide(name) || isOoxmlProperties(name));
  const slides = [...zip.parts.keys()].filter(isSlide).sort(byPartNumber);
  const pages: string[] = [];
  let chars = 0;
  for (const name of limits.firstPageOnly ? slides.slice(0, 1) : slides) {
    if (chars >= limits.maxChars) break;
    const text = xmlText(zip.parts.get(name)!.toString("utf8"), SLIDE_TEXT);
    pages.push(text);
    chars += text.length;
  }
  return { pages, metadata: ooxmlMetadata(zip.parts), headers: "" };
}

// ---------------------------------------------------------------------------------------------
// ODT: body from content.xml, headers and footers from styles.xml, properties from meta.xml

const ODF_TEXT: TextRules = {
  blocks: new Set(["text:p", "text:h"]),
  chars: { "text:s": " ", "text:tab": " ", "text:line-break": "\n" },
  skip: new Set(["text:tracked-changes", "office:annotation", "text:note-citation"]),
};
const ODF_HEADERS: TextRules = {
  ...ODF_TEXT,
  within: new Set(["style:header", "style:footer", "style:header-left", "style:footer-left", "style:header-first", "style:footer-first"]),
};
const ODF_META: Record<string, string> = { "dc:title": "title", "dc:subject": "subject", "dc:description": "description", "meta:keyword": "keywords", "meta:initial-creator": "author" };

export async function readOdt(filePath: string, limits: ReadLimits): Promise<ExtractedText> {
  const zip = await readZip(filePath, (name) => name === "content.xml" || name === "styles.xml" || name === "meta.xml");
  const content = zip.parts.get("content.xml")?.toString("utf8");
  if (content === undefined) throw new Error("content.xml is missing");
  const styles = zip.parts.get("styles.xml")?.toString("utf8");
  const meta = zip.parts.get("meta.xml")?.toString("utf8");
  const metadata = meta ? xmlFields(meta, (name, attributes) => ODF_META[name] ?? (name === "meta:user-defined" && attributes["meta:name"] ? `custom.${attributes["meta:name"]}` : null)) : {};
  return {
    pages: chunkParagraphs(xmlText(content, ODF_TEXT), limits.maxChars),
    metadata,
    headers: styles ? xmlText(styles, ODF_HEADERS) : "",
  };
}
