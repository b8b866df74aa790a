/** A start tag with its attributes (quoted values may hold ">"). */
const START_TAG = /<([a-zA-Z][^\s/>]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*(\/?)>/g;
/** One attribute inside a start tag. */
const ATTRIBUTE = /\s+([^\s"'>/=]+)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?/g;
/** Elements whose content is never text for the article. */
const DROPPED_BLOCKS = /<(script|style|template|noscript|iframe|object|embed|svg|math)\b[\s\S]*?<\/\1\s*>/gi;

/**
 * Pasted HTML before the browser parses it: event handler and style attributes and script-like
 * blocks are cut out as text. Not the security boundary (ProseMirror's schema keeps only the
 * elements and attributes it knows, the server sanitises against an allow-list, and the CSP runs
 * no inline code): it keeps the browser from even parsing them, because parsing alone (in any
 * detached document, DOMParser's too) makes Chrome report a CSP violation for each handler and
 * style attribute, and pastes from word processors are full of style attributes.
 */
export function stripPastedHtml(html: string): string {
  return html
    .replace(DROPPED_BLOCKS, "")
    .replace(/<(script|style)\b[^>]*>/gi, "")
    .replace(START_TAG, (_tag, name: string, attributes: string, selfClosing: string) => {
      const kept = attributes.replace(ATTRIBUTE, (attribute: string, attrName: string) => (/^(on|style$|srcdoc$|formaction$)/i.test(attrName) ? "" : attribute));
      return `<${name}${kept}${selfClosing ? " /" : ""}>`;
    });
}
