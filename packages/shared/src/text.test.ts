import { describe, expect, it } from "vitest";
import { compareVietnameseNames, foldVietnamese, vietnameseNameSortKey } from "./text";

describe("foldVietnamese", () => {
  it.each([
    ["Nghị quyết Đại hội", "nghi quyet dai hoi"],
    ["ĐẢNG ỦY phường Thụy Khuê", "dang uy phuong thuy khue"],
    ["Nguyễn  Thị   Ánh", "nguyen thi anh"],
  ])("folds %s to %s", (input, expected) => {
    expect(foldVietnamese(input)).toBe(expected);
  });

  it("treats NFD and NFC input the same", () => {
    expect(foldVietnamese("Hà Nội".normalize("NFD"))).toBe(foldVietnamese("Hà Nội".normalize("NFC")));
  });
});

describe("vietnameseNameSortKey", () => {
  it("sorts by given name first, then middle names, then family name", () => {
    const names = ["Trần Văn Bình", "Nguyễn Thị An", "Lê Văn An", "Phạm Minh Châu"];
    // Same given name "An": the middle name decides (Thị before Văn), not the family name.
    expect([...names].sort(compareVietnameseNames)).toEqual([
      "Nguyễn Thị An",
      "Lê Văn An",
      "Trần Văn Bình",
      "Phạm Minh Châu",
    ]);
  });

  it("puts đ after d and ă, â after a", () => {
    const names = ["Nguyễn Đức", "Nguyễn Dũng", "Lê Ân", "Lê Anh", "Lê Ăn"];
    expect([...names].sort(compareVietnameseNames)).toEqual(["Lê Anh", "Lê Ăn", "Lê Ân", "Nguyễn Dũng", "Nguyễn Đức"]);
  });

  it("uses tones only to break ties", () => {
    expect(compareVietnameseNames("Lê Ba", "Lê Bà")).toBeLessThan(0);
    expect(compareVietnameseNames("Lê Bà", "Lê Bac")).toBeLessThan(0);
  });

  it("is the same for NFD and NFC input", () => {
    expect(vietnameseNameSortKey("Đỗ Thị Hường".normalize("NFD"))).toBe(vietnameseNameSortKey("Đỗ Thị Hường"));
  });
});
