import { describe, expect, it } from "vitest";
import { findClassificationMark, type ClassificationMark } from "./classification";

type Case = [description: string, input: { firstPage?: string; headers?: string; metadata?: Record<string, string> }, expected: ClassificationMark | null];

const body = "Nghị quyết số 57-NQ/TW về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia.";

const CASES: Case[] = [
  // Refused: a stamp on a line of its own, in a header, or in the properties
  ["a bare MẬT stamp at the top of the first page", { firstPage: `MẬT\nĐẢNG CỘNG SẢN VIỆT NAM\n${body}` }, "mat"],
  ["TỐI MẬT on its own line", { firstPage: `ĐẢNG ỦY KHỐI\nSố 12-BC/ĐU\nTỐI MẬT\n${body}` }, "toi_mat"],
  ["a bracketed [TUYỆT MẬT]", { firstPage: `[TUYỆT MẬT]\n${body}` }, "tuyet_mat"],
  ["a boxed stamp drawn with box characters", { firstPage: `┌─────┐\n│ MẬT │\n└─────┘\n${body}` }, "mat"],
  ["a labelled mark in mixed case: Độ mật: Tối mật", { firstPage: `Độ mật: Tối mật\n${body}` }, "toi_mat"],
  ["a labelled mark in lower case: Mức độ mật: mật", { firstPage: `Mức độ mật: mật\n${body}` }, "mat"],
  ["a stamp beside an urgency mark", { firstPage: `TỐI MẬT - HỎA TỐC\n${body}` }, "toi_mat"],
  ["a stamp typed letter by letter", { firstPage: `T U Y Ệ T   M Ậ T\n${body}` }, "tuyet_mat"],
  ["a stamp in a page header", { firstPage: body, headers: "Tối mật" }, "toi_mat"],
  ["a header that starts with a stamp and a dash", { firstPage: body, headers: "MẬT - Lưu hành nội bộ" }, "mat"],
  ["the keyword Mật in the properties", { firstPage: body, metadata: { keywords: "Báo cáo, Mật" } }, "mat"],
  ["a title starting TỐI MẬT -", { firstPage: body, metadata: { title: "TỐI MẬT - Báo cáo tình hình" } }, "toi_mat"],
  ["decomposed (NFD) text of a stamp", { firstPage: `TUYỆT MẬT\n${body}`.normalize("NFD") }, "tuyet_mat"],
  ["decomposed (NFD) keywords", { firstPage: body, metadata: { keywords: "mật".normalize("NFD") } }, "mat"],
  ["the strongest of several marks: TUYỆT MẬT over MẬT", { firstPage: `MẬT\n${body}`, headers: "TUYỆT MẬT" }, "tuyet_mat"],
  ["the strongest of several marks: TỐI MẬT over MẬT", { firstPage: `TỐI MẬT\n${body}`, metadata: { keywords: "Mật" } }, "toi_mat"],
  // Allowed: the same letters with another meaning, or inside a sentence
  ["MẶT TRẬN TỔ QUỐC (mặt with a breve)", { firstPage: `MẶT TRẬN TỔ QUỐC VIỆT NAM\n${body}` }, null],
  ["MẶT alone, with a breve", { firstPage: `MẶT\n${body}` }, null],
  ["bí mật inside an ordinary sentence", { firstPage: `${body}\nCán bộ, đảng viên gương mẫu giữ bí mật nhà nước theo quy định.` }, null],
  ["mật độ dân số", { firstPage: `MẬT ĐỘ DÂN SỐ\nMật độ dân số tăng nhanh ở đô thị.` }, null],
  ["a title about population density", { firstPage: body, metadata: { title: "Mật độ dân số - báo cáo năm 2024", keywords: "mật độ, dân số" } }, null],
  ["a heading about protecting state secrets", { firstPage: `BẢO VỆ BÍ MẬT NHÀ NƯỚC\n${body}` }, null],
  ["a sentence that wraps to a last line of mật.", { firstPage: `Mọi người phải giữ bí\nmật.\n${body}` }, null],
  ["a label with no mark: Độ mật: Không", { firstPage: `Độ mật: Không\n${body}` }, null],
  ["the label alone: ĐỘ MẬT", { firstPage: `ĐỘ MẬT\n${body}` }, null],
  ["an ordinary resolution with no properties", { firstPage: body, headers: "Đảng Cộng sản Việt Nam", metadata: { title: "Nghị quyết số 57-NQ/TW" } }, null],
  ["mật ong (honey) as a keyword", { firstPage: body, metadata: { keywords: "mật ong, nông sản" } }, null],
  ["decomposed (NFD) Mặt trận", { firstPage: `Mặt trận Tổ quốc\n${body}`.normalize("NFD") }, null],
];

describe("findClassificationMark", () => {
  it.each(CASES)("%s", (_description, input, expected) => {
    expect(findClassificationMark({ firstPage: input.firstPage ?? "", headers: input.headers ?? "", metadata: input.metadata ?? {} })).toBe(expected);
  });
});
