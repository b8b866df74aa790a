import { Parser } from "htmlparser2";
import sanitizeHtml from "sanitize-html";

/**
 * What an article body may contain (SECURITY.md: rich text is sanitised on the server against an
 * allow-list). What the PWA's editor produces: paragraphs, headings, lists, quotes, emphasis, links,
 * tables and images from our own uploads. No scripts, styles, event handlers, iframes or forms;
 * links open safely; images only from this server.
 */
const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ["p", "br", "h2", "h3", "h4", "strong", "b", "em", "i", "u", "s", "blockquote", "ul", "ol", "li", "a", "hr", "table", "thead", "tbody", "tr", "th", "td", "figure", "figcaption", "img"],
  allowedAttributes: {
    // rel and target are set by transformTags below, whatever the author sent.
    a: ["href", "title", "rel", "target"],
    img: ["src", "alt", "width", "height"],
    th: ["colspan", "rowspan"],
    td: ["colspan", "rowspan"],
    ol: ["start"],
  },
  allowedSchemes: ["https", "http", "mailto", "tel"],
  allowedSchemesByTag: { img: [] },
  allowProtocolRelative: false,
  // Images only from this server's own files (relative paths under /api/files/).
  exclusiveFilter: (frame) => frame.tag === "img" && !/^\/api\/files\/[\w-]+/.test(frame.attribs.src ?? ""),
  transformTags: {
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: "noopener noreferrer nofollow", target: "_blank" } }),
    b: "strong",
    i: "em",
    // Headings and blocks pasted from elsewhere keep their shape (and their words apart) as allowed tags.
    h1: "h2",
    h5: "h4",
    h6: "h4",
    div: "p",
    section: "p",
    article: "p",
  },
  disallowedTagsMode: "discard",
  nonTextTags: ["script", "style", "textarea", "option", "noscript", "iframe", "object", "embed", "template"],
};

/** The body as it will be stored and shown: allowed tags and attributes only. */
export const sanitizeArticleHtml = (html: string): string => sanitizeHtml(html, OPTIONS).trim();

const BLOCKS = new Set(["p", "h2", "h3", "h4", "li", "blockquote", "tr", "figcaption", "hr", "table", "ul", "ol"]);
const CELLS = new Set(["td", "th"]);

/** Plain text of sanitised HTML, blocks on their own lines: for search, snippets and read-aloud. */
export function htmlToText(html: string): string {
  let text = "";
  const parser = new Parser(
    {
      // Line breaks inside a paragraph's source are spaces; blocks and <br> make the lines.
      ontext: (chunk) => void (text += chunk.replace(/\s+/g, " ")),
      onopentag: (name) => void (BLOCKS.has(name) || name === "br" ? (text += "\n") : CELLS.has(name) && (text += " ")),
      onclosetag: (name) => void (BLOCKS.has(name) ? (text += "\n") : CELLS.has(name) && (text += " ")),
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return text
    .replace(/[ \t\u00a0]+/g, " ")
    .replace(/ *\n */g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
