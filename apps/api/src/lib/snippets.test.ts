import { describe, expect, it } from "vitest";
import { bestSnippet, highlightAll, queryTerms, snippet } from "./snippets";

const marked = (parts: { text: string; match: boolean }[]) => parts.map((p) => (p.match ? `[${p.text}]` : p.text)).join("");

describe("search snippets", () => {
  it("finds words typed without diacritics in text with them, đ included, and keeps the original text", () => {
    const terms = queryTerms("nghi quyet dai hoi");
    expect(marked(highlightAll("Quán triệt Nghị quyết Đại hội XIV của Đảng", terms))).toBe("Quán triệt [Nghị] [quyết] [Đại] [hội] XIV của Đảng");
  });

  it("matches whole words only: 'hoi' is not found inside 'hỏi han' … but 'hội' is", () => {
    expect(marked(highlightAll("Thăm hỏi hội viên", queryTerms("hoi")))).toBe("Thăm [hỏi] [hội] viên"); // both fold to "hoi"
    expect(marked(highlightAll("Hội nghị", queryTerms("hoin")))).toBe("Hội nghị");
  });

  it("cuts a window around the matches with ellipses and does not break words", () => {
    const text = `${"Mở đầu bài viết dài. ".repeat(30)}Chi bộ đã quán triệt Nghị quyết 57 về chuyển đổi số. ${"Phần kết. ".repeat(30)}`;
    const parts = snippet(text, queryTerms("chuyen doi so"), 120);
    const shown = marked(parts);
    expect(shown.startsWith("…")).toBe(true);
    expect(shown.endsWith("…")).toBe(true);
    expect(shown).toContain("[chuyển] [đổi] [số]");
    expect(parts.filter((p) => !p.match).every((p) => !/^\S+…$/.test(p.text))).toBe(true);
  });

  it("finds a match deep in a long body, beside letters outside the Basic Plane, and keeps positions aligned", () => {
    const text = `${"Đoạn mở đầu 𝐀 không liên quan. ".repeat(500)}ĐẢNG BỘ phường quán triệt Nghị quyết.`;
    const shown = marked(snippet(text, queryTerms("dang bo nghi quyet"), 120));
    expect(shown).toContain("[ĐẢNG] [BỘ] phường quán triệt [Nghị] [quyết].");
    expect(shown.startsWith("…")).toBe(true);
  });

  it("shows the beginning when nothing matches, and ignores search operators", () => {
    expect(marked(snippet("Một đoạn văn ngắn.", queryTerms('"xay dung" OR -dang')))).toBe("Một đoạn văn ngắn.");
    expect(queryTerms('"xây dựng" OR -đảng')).toEqual(["xay", "dung", "dang"]);
  });

  it("cuts the body's snippet around a match far into a long text, whatever its case, spacing and diacritics", () => {
    const body = `${"Lời mở đầu không liên quan.\n\n".repeat(3000)}Đảng   ủy PHƯỜNG đã  ban hành\nKẾ HOẠCH tổ chức đại hội. ${"Phần sau. ".repeat(3000)}`;
    const shown = marked(bestSnippet(body, "Trích yếu", queryTerms("ke hoach to chuc dai hoi")));
    expect(shown).toMatch(/^….*đã ban hành \[KẾ\] \[HOẠCH\] \[tổ\] \[chức\] \[đại\] \[hội\]\. .*…$/);
    expect(shown.length).toBeLessThan(260);
  });

  it("falls back to the summary when the body does not mention the words, and to the body's start without a summary", () => {
    const body = "Nội dung văn bản về công tác cán bộ.";
    expect(marked(bestSnippet(body, "Kế hoạch chuyển đổi số năm 2026", queryTerms("chuyen doi so")))).toBe("Kế hoạch [chuyển] [đổi] [số] năm 2026");
    expect(marked(bestSnippet(body, "", queryTerms("chuyen doi so")))).toBe(body);
    expect(marked(bestSnippet("Quyết định về ĐĐ", "", queryTerms("dd")))).toBe("Quyết định về [ĐĐ]");
  });
});
