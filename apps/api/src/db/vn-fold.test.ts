import { foldVietnamese } from "@party/shared";
import { sql } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { createTestDb } from "../../test/db";

// The SQL vn_fold() (index expressions and search queries) and the JS foldVietnamese() (web app,
// bench) must agree, or a name found by one is missed by the other.
const { db, drop } = await createTestDb();
afterAll(drop);

const sqlFold = async (value: string): Promise<string> => {
  const { rows } = await sql<{ folded: string }>`SELECT vn_fold(${value}) AS folded`.execute(db);
  return rows[0].folded;
};

describe("vn_fold() in SQL and foldVietnamese() in JS", () => {
  it.each([
    ["a unit name", "Đảng ủy phường Điện Biên", "dang uy phuong dien bien"],
    ["upper case with đ", "ĐẢNG ỦY PHƯỜNG THỤY KHUÊ", "dang uy phuong thuy khue"],
    ["lower-case đ inside a word", "Nguyễn Văn Được", "nguyen van duoc"],
    ["every vowel quality mark", "ă â ê ô ơ ư Ă Â Ê Ô Ơ Ư", "a a e o o u a a e o o u"],
    ["every tone on one vowel", "a à ả ã á ạ", "a a a a a a"],
    ["y with tones", "Lý Ỷ Ỹ Ỵ ỳ", "ly y y y y"],
    ["the letter s (a word with s)", "Chi bộ tổ dân phố số 5 Sơn Tây", "chi bo to dan pho so 5 son tay"],
    ["a name typed in NFD", "Nguyễn Thị Hường".normalize("NFD"), "nguyen thi huong"],
    ["đ typed in NFD", "Đỗ Đức Đạt".normalize("NFD"), "do duc dat"],
    ["multiple spaces", "Nguyễn  Thị   Ánh", "nguyen thi anh"],
    ["tabs and new lines", "Quận ủy\tBa Đình\nHà Nội", "quan uy ba dinh ha noi"],
    ["leading and trailing spaces", "  Hà Nội  ", "ha noi"],
    ["a non-breaking space pasted from a document", "Hà\u00a0Nội", "ha noi"],
    ["digits and document symbols", "Nghị quyết 15-NQ/TW", "nghi quyet 15-nq/tw"],
    ["LIKE wildcards and escapes pass through", "%Điện\\_Biên%", "%dien\\_bien%"],
    ["an empty string", "", ""],
  ])("folds %s the same way", async (_what, input, expected) => {
    expect(foldVietnamese(input)).toBe(expected);
    expect(await sqlFold(input)).toBe(expected);
  });

  it("matches a query for the letter s only in names that contain it", async () => {
    const { rows } = await sql<{ name: string }>`
      SELECT name FROM (VALUES ('Đảng ủy phường Sơn Tây'), ('Quận ủy Ba Đình')) AS t(name)
       WHERE vn_fold(name) LIKE vn_fold('%s%')`.execute(db);
    expect(rows.map((r) => r.name)).toEqual(["Đảng ủy phường Sơn Tây"]);
  });
});
