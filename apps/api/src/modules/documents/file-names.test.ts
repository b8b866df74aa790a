import { describe, expect, it } from "vitest";
import { asciiFileName, cleanFileName, contentDisposition } from "./file-names";

describe("cleanFileName", () => {
  it.each([
    ["../../etc/passwd.pdf", "pdf", "passwd.pdf"],
    ["C:\\Users\\bi thu\\Nghị quyết 57.PDF", "pdf", "Nghị quyết 57.pdf"],
    ["hoa-don.exe", "pdf", "hoa-don.pdf"],
    ["bang-tinh", "xlsx", "bang-tinh.xlsx"],
    ["anh.jpeg", "jpg", "anh.jpg"],
    [".bashrc", "pdf", "bashrc.pdf"],
    ["...", "pdf", "tai-lieu.pdf"],
    ["a\u0000b\u0007c\u202Ed\u200Be.docx", "docx", "abcde.docx"],
    ['tên "có" <ngoặc>|?*.odt', "odt", "tên _có_ _ngoặc____.odt"],
    ["Nghi\u0323 quyê\u0301t.pdf", "pdf", "Nghị quyết.pdf"],
  ])("keeps %j as %j", (raw, extension, expected) => {
    expect(cleanFileName(raw, extension)).toBe(expected);
  });

  it("cuts a long name to 200 characters with its extension, never inside a character", () => {
    const name = cleanFileName(`${"đ".repeat(150)}${"😀".repeat(100)}.pdf`, "pdf");
    expect(Array.from(name)).toHaveLength(200);
    expect(name.endsWith("😀.pdf")).toBe(true);
  });
});

describe("contentDisposition", () => {
  it("gives an ASCII fallback and the UTF-8 name, inline or as an attachment", () => {
    expect(contentDisposition("Báo cáo (đợt 1).docx", false)).toBe("attachment; filename=\"Bao cao (dot 1).docx\"; filename*=UTF-8''B%C3%A1o%20c%C3%A1o%20%28%C4%91%E1%BB%A3t%201%29.docx");
    expect(contentDisposition("a.pdf", true)).toBe("inline; filename=\"a.pdf\"; filename*=UTF-8''a.pdf");
  });

  it("lets no quote, backslash, CR or LF through to the header", () => {
    const header = contentDisposition('x"\r\nSet-Cookie: a=b\\.pdf', true);
    expect(header).not.toMatch(/[\r\n]/);
    expect(header.match(/"/g)).toHaveLength(2);
    expect(asciiFileName('a"b\\c')).toBe("a_b_c");
  });
});
