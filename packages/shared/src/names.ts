/**
 * Deterministic generator of realistic Vietnamese people for the demo seed and the bench dataset.
 * Frequencies follow the usual shape: a handful of family names cover most people.
 */

/** Mulberry32: tiny, fast, good enough for test data, and the same on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FAMILY: [string, number][] = [
  ["Nguyễn", 38], ["Trần", 11], ["Lê", 9.5], ["Phạm", 7], ["Hoàng", 5], ["Huỳnh", 1], ["Phan", 4.5], ["Vũ", 4],
  ["Võ", 2], ["Đặng", 2.1], ["Bùi", 2], ["Đỗ", 1.4], ["Hồ", 1.3], ["Ngô", 1.3], ["Dương", 1], ["Lý", 0.5],
  ["Đinh", 0.8], ["Đào", 0.7], ["Trịnh", 0.6], ["Mai", 0.5], ["Tạ", 0.4], ["Lương", 0.4], ["Cao", 0.4], ["Kiều", 0.2],
  ["Chu", 0.3], ["Đoàn", 0.5], ["Khúc", 0.1], ["Quách", 0.2], ["Lưu", 0.3], ["Tô", 0.3],
];
const MIDDLE_MALE = ["Văn", "Văn", "Văn", "Đức", "Minh", "Quang", "Hữu", "Xuân", "Thanh", "Ngọc", "Trọng", "Mạnh", "Công", "Anh", "Việt", "Hoàng", "Tiến", "Duy", "Đình", "Bá"];
const MIDDLE_FEMALE = ["Thị", "Thị", "Thị", "Thu", "Ngọc", "Thanh", "Minh", "Kim", "Hồng", "Phương", "Thúy", "Diệu", "Mai", "Bích", "Lan", "Hải"];
const GIVEN_MALE = [
  "An", "Anh", "Bình", "Cường", "Dũng", "Đức", "Giang", "Hải", "Hiếu", "Hòa", "Hùng", "Huy", "Khánh", "Khoa", "Kiên",
  "Long", "Lâm", "Minh", "Nam", "Nghĩa", "Phong", "Phúc", "Quân", "Quang", "Sơn", "Tài", "Thành", "Thắng", "Thịnh",
  "Toàn", "Trung", "Tuấn", "Tùng", "Việt", "Vinh", "Hưng", "Đạt", "Hoàng", "Lợi", "Tâm", "Tiến", "Chiến", "Hậu",
];
const GIVEN_FEMALE = [
  "An", "Anh", "Ánh", "Bích", "Châu", "Chi", "Dung", "Duyên", "Giang", "Hà", "Hạnh", "Hằng", "Hiền", "Hoa", "Hồng",
  "Hương", "Hường", "Huyền", "Lan", "Liên", "Linh", "Loan", "Mai", "My", "Nga", "Ngân", "Ngọc", "Nhung", "Oanh",
  "Phương", "Quỳnh", "Tâm", "Thảo", "Thanh", "Thu", "Thúy", "Trang", "Trâm", "Uyên", "Vân", "Yến", "Xuân", "Đào",
];

const FAMILY_TOTAL = FAMILY.reduce((sum, [, w]) => sum + w, 0);

export interface GeneratedPerson {
  fullName: string;
  sex: "male" | "female";
}

/** A new random person from `rand`; call repeatedly for a population. */
export function randomPerson(rand: () => number): GeneratedPerson {
  const sex = rand() < 0.55 ? "male" : "female";
  let pick = rand() * FAMILY_TOTAL;
  let family = FAMILY[0][0];
  for (const [name, weight] of FAMILY) {
    pick -= weight;
    if (pick <= 0) {
      family = name;
      break;
    }
  }
  const middles = sex === "male" ? MIDDLE_MALE : MIDDLE_FEMALE;
  const givens = sex === "male" ? GIVEN_MALE : GIVEN_FEMALE;
  const middle = middles[Math.floor(rand() * middles.length)];
  const given = givens[Math.floor(rand() * givens.length)];
  return { fullName: `${family} ${middle} ${given}`, sex };
}
