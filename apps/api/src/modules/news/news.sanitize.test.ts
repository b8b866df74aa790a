import { describe, expect, it } from "vitest";
import { htmlToText, sanitizeArticleHtml } from "./news.sanitize";

const SAFE_LINK = 'rel="noopener noreferrer nofollow" target="_blank"';

/** Nothing executable may survive, whatever the casing or encoding. */
const expectInert = (html: string) => {
  expect(html).not.toMatch(/<\s*(script|iframe|style|svg|form|input|object|embed|math|textarea|button)\b/i);
  expect(html).not.toMatch(/\son\w+\s*=/i);
  expect(html).not.toMatch(/\sstyle\s*=/i);
  expect(html).not.toMatch(/(href|src)\s*=\s*"(?!https?:|mailto:|tel:|\/)/i);
  expect(html).not.toMatch(/javascript|vbscript|data:/i);
  expect(html).not.toContain("<!--");
};

describe("sanitizeArticleHtml", () => {
  it.each([
    ["a <script> and its content", "<p>Hi<script>alert(1)</script></p>", "<p>Hi</p>"],
    ["a script split around another (<scr<script>ipt>)", "<scr<script>ipt>alert(1)</script>", "ipt&gt;alert(1)"],
    ["an <iframe>", '<iframe src="https://evil.example"></iframe><p>ok</p>', "<p>ok</p>"],
    ["a <style> element and style attributes", '<style>body{display:none}</style><p style="color:red">x</p>', "<p>x</p>"],
    ["an <svg> carrying a script and onload", '<svg onload="alert(1)"><script>alert(1)</script><text>t</text></svg>', "t"],
    ["a <form> with <input> and <button>", '<form action="https://evil.example"><input name="p" value="v"><button>Go</button></form>', "Go"],
    ["a <textarea> hiding a script", "<textarea><script>alert(1)</script></textarea>", ""],
    ["<object> and <embed>", '<object data="x.swf"></object><embed src="x.swf">', ""],
    ["a <template> hiding a script", "<template><script>alert(1)</script></template>", ""],
    ["a <noscript> attribute-breakout trick", '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>', ""],
    ["a conditional comment hiding a script", "<!--[if IE]><script>alert(1)</script><![endif]--><p>a</p>", "<p>a</p>"],
    ["a comment opened as <!--> to smuggle a script", "<!--><script>alert(1)</script>-->", "--&gt;"],
    ["an onclick on an allowed tag", '<p onclick="alert(1)">x</p>', "<p>x</p>"],
    ["MathML with an xlink:href", '<math><mi xlink:href="javascript:alert(1)">x</mi></math>', "x"],
    ["a heading and a block pasted from elsewhere, kept as allowed tags without their attributes", '<h1>Top</h1><div class="x" id="y">d</div>', "<h2>Top</h2><p>d</p>"],
  ])("neutralises %s", (_what, input, expected) => {
    const out = sanitizeArticleHtml(input);
    expect(out).toBe(expected);
    expectInert(out);
  });

  it.each([
    ["javascript:", '<a href="javascript:alert(1)">x</a>'],
    ["mixed-case jAvAsCrIpT:", '<a href="jAvAsCrIpT:alert(1)">x</a>'],
    ["entity-encoded javascript&colon;", '<a href="javascript&colon;alert(1)">x</a>'],
    ["a numeric entity (&#106;avascript:)", '<a href="&#106;avascript:alert(1)">x</a>'],
    ["a tab inside the scheme (java&#x09;script:)", '<a href="java&#x09;script:alert(1)">x</a>'],
    ["leading spaces before javascript:", '<a href="  javascript:alert(1)">x</a>'],
    ["vbscript:", '<a href="vbscript:msgbox(1)">x</a>'],
    ["data:", '<a href="data:text/html,<script>alert(1)</script>">x</a>'],
    ["a protocol-relative //host", '<a href="//evil.example">x</a>'],
  ])("drops a link target with %s and keeps the text", (_what, input) => {
    const out = sanitizeArticleHtml(input);
    expect(out).toBe(`<a ${SAFE_LINK}>x</a>`);
    expectInert(out);
  });

  it("forces rel and target on links, whatever the author sent, and drops their handlers", () => {
    expect(sanitizeArticleHtml('<a href="https://example.org/a?b=1&amp;c=2" target="_self" rel="opener" onclick="x()" title="T">x</a>')).toBe(
      '<a href="https://example.org/a?b=1&amp;c=2" target="_blank" rel="noopener noreferrer nofollow" title="T">x</a>',
    );
    expect(sanitizeArticleHtml('<a href="mailto:vanphong@example.vn">m</a> <a href="tel:+842431234567">t</a> <a href="/news/abc">n</a>')).toBe(
      `<a href="mailto:vanphong@example.vn" ${SAFE_LINK}>m</a> <a href="tel:+842431234567" ${SAFE_LINK}>t</a> <a href="/news/abc" ${SAFE_LINK}>n</a>`,
    );
  });

  it.each([
    ["an external https source", '<img src="https://evil.example/x.png">'],
    ["an http source", '<img src="http://evil.example/api/files/x">'],
    ["a protocol-relative source", '<img src="//evil.example/api/files/x">'],
    ["a javascript: source", '<img src="javascript:alert(1)">'],
    ["a data: source", '<img src="data:image/png;base64,AAAA">'],
    ["a path outside /api/files/", '<img src="/api/other/x">'],
    ["a path climbing out of /api/files/", '<img src="/api/files/../../evil">'],
    ["no source at all", '<img alt="x">'],
    ["an onerror handler and no source", "<img src=x onerror=alert(1)>"],
  ])("drops an <img> with %s", (_what, input) => {
    expect(sanitizeArticleHtml(`<p>a${input}b</p>`)).toBe("<p>ab</p>");
  });

  it("keeps images from our own uploads, without handlers, styles or srcset", () => {
    expect(sanitizeArticleHtml('<img src="/api/files/abc-123" onerror="alert(1)" alt="Ảnh" width="640" style="x" srcset="https://evil.example/x 2x">')).toBe(
      '<img src="/api/files/abc-123" alt="Ảnh" width="640" />',
    );
  });

  it("keeps the structure the editor produces", () => {
    const html =
      "<h2>Tiêu đề</h2><h3>Mục</h3><h4>Tiểu mục</h4><p><strong>Đậm</strong> <em>nghiêng</em> <u>gạch</u> <s>xoá</s><br />dòng</p>" +
      '<ul><li>một</li></ul><ol start="3"><li>ba</li></ol><blockquote><p>Trích dẫn</p></blockquote><hr />' +
      '<table><thead><tr><th colspan="2">Đầu</th></tr></thead><tbody><tr><td rowspan="2">Ô</td></tr></tbody></table>' +
      '<figure><img src="/api/files/f1" alt="" /><figcaption>Chú thích</figcaption></figure>';
    expect(sanitizeArticleHtml(html)).toBe(html);
  });

  it("drops attributes the allow-list does not name", () => {
    expect(sanitizeArticleHtml('<p class="lead" id="x" data-x="1" title="t">a</p><td colspan="2" width="9">b</td>')).toBe('<p>a</p><td colspan="2">b</td>');
  });

  it("turns <b> into <strong> and <i> into <em>", () => {
    expect(sanitizeArticleHtml("<p><b>đậm</b> và <i>nghiêng</i></p>")).toBe("<p><strong>đậm</strong> và <em>nghiêng</em></p>");
  });

  it("closes nested and unclosed tags", () => {
    expect(sanitizeArticleHtml("<p><strong>bold <em>both")).toBe("<p><strong>bold <em>both</em></strong></p>");
    expect(sanitizeArticleHtml("<ul><li>a<li>b</ul>")).toBe("<ul><li>a</li><li>b</li></ul>");
  });

  it("escapes text that looks like markup and keeps Vietnamese text as it is", () => {
    const vi = "Đảng bộ phường Nghĩa Đô quán triệt Nghị quyết".normalize("NFC");
    expect(sanitizeArticleHtml(`<p>${vi} &lt;script&gt; 1 < 2</p>`)).toBe(`<p>${vi} &lt;script&gt; 1 &lt; 2</p>`);
    expect(sanitizeArticleHtml(`<p>${vi}</p>`).normalize("NFC")).toBe(sanitizeArticleHtml(`<p>${vi}</p>`));
  });

  it("trims the result and returns an empty string for nothing left", () => {
    expect(sanitizeArticleHtml("  <p>a</p>\n ")).toBe("<p>a</p>");
    expect(sanitizeArticleHtml("<script>x</script>")).toBe("");
  });
});

describe("htmlToText", () => {
  it("puts each block on its own line", () => {
    expect(htmlToText("<h2>Tiêu đề</h2><p>Đoạn một</p><p>Đoạn hai</p><ul><li>a</li><li>b</li></ul><blockquote>trích</blockquote>").split(/\n+/)).toEqual([
      "Tiêu đề",
      "Đoạn một",
      "Đoạn hai",
      "a",
      "b",
      "trích",
    ]);
    expect(htmlToText("<p>a</p><p>b</p>")).toBe("a\n\nb");
  });

  it("breaks lines at <br>, <hr> and table rows, and keeps inline elements inline", () => {
    expect(htmlToText("<p>dòng một<br>dòng hai</p><hr><p><strong>đậm</strong> và <em>nghiêng</em> <a href=\"/x\">liên kết</a></p>").split(/\n+/)).toEqual([
      "dòng một",
      "dòng hai",
      "đậm và nghiêng liên kết",
    ]);
    expect(htmlToText("<table><tr><td>a</td></tr><tr><td>c</td></tr></table>").split(/\n+/)).toEqual(["a", "c"]);
  });

  // Adjacent cells glued into one word ("Hà Nội2025") would break search and snippets on tables.
  it("keeps the words of adjacent table cells apart", () => {
    expect(htmlToText("<table><tr><th>Đơn vị</th><th>Số</th></tr><tr><td>Hà Nội</td><td>2025</td></tr></table>").split(/\s+/)).toEqual([
      "Đơn",
      "vị",
      "Số",
      "Hà",
      "Nội",
      "2025",
    ]);
  });

  it("decodes entities", () => {
    expect(htmlToText("<p>Tom &amp; Jerry &lt;b&gt; &quot;x&quot; &#39;y&#39; &#x110;&#7843;ng</p>")).toBe("Tom & Jerry <b> \"x\" 'y' Đảng");
  });

  it("turns &nbsp; into a plain space and collapses runs of spaces and tabs", () => {
    expect(htmlToText("<p>a&nbsp;&nbsp;b \t  c&nbsp;</p><p>   d   </p>")).toBe("a b c\n\nd");
  });

  it("never leaves more than one empty line, nor spaces at the ends of lines", () => {
    const text = htmlToText("<p>a</p>\n  \n<p></p><p> </p><ul>\n  <li> b </li>\n</ul><p>c</p>");
    expect(text).not.toMatch(/\n{3,}/);
    expect(text).not.toMatch(/ \n|\n /);
    expect(text.split(/\n+/)).toEqual(["a", "b", "c"]);
  });

  it("keeps Vietnamese text intact and in NFC", () => {
    const vi = "Quán triệt Nghị quyết Đại hội XIV của Đảng; ưu tiên chuyển đổi số".normalize("NFC");
    const text = htmlToText(`<p>${vi}</p>`);
    expect(text).toBe(vi);
    expect(text.normalize("NFC")).toBe(text);
  });

  it("gives the text of sanitised hostile HTML, without the script", () => {
    expect(htmlToText(sanitizeArticleHtml("<p>Xin chào<script>alert('x')</script></p><style>p{}</style>"))).toBe("Xin chào");
  });

  it("returns an empty string for empty input", () => {
    expect(htmlToText("")).toBe("");
    expect(htmlToText("<p> </p>")).toBe("");
  });
});
