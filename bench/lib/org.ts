import type pg from "pg";
import type { UnitKind } from "@party/shared";
import { DISTRICTS, type District, NOTABLES, SECTIONS, SECTORS, type SectorStyle, districtCommitteeName, placeNames } from "./places";
import { insertColumns, log } from "./pg";
import { Rng, pad } from "./random";
import { DISTRICT_BASE_CELLS, sectionsOf, sectorGrassrootsName } from "./sectors";

export type { UnitKind };
/** Residential cells (tổ dân phố, thôn) are large and mostly retired; institutional cells are smaller and working age. */
export type CellLife = "residential" | "institutional";

export interface OrgUnit {
  id: string;
  parentId: string | null;
  kind: UnitKind;
  code: string;
  name: string;
  depth: number;
  /** Cells only. */
  life: CellLife | null;
  /** ltree path, known once inserted (the database trigger computes it). */
  path: string;
}

export interface OrgDataset {
  root: OrgUnit;
  committees: OrgUnit[];
  grassroots: OrgUnit[];
  subcommittees: OrgUnit[];
  cells: OrgUnit[];
  all: OrgUnit[];
}

const SEED = 20_260_001;
const VALID_FROM = "2020-10-01";

/** Plans the whole tree in memory (deterministic), parents before children. */
export function planOrg(): OrgDataset {
  const rng = new Rng(SEED);
  const all: OrgUnit[] = [];
  const add = (parent: OrgUnit | null, kind: UnitKind, code: string, name: string, life: CellLife | null = null): OrgUnit => {
    const unit = { id: rng.uuid(), parentId: parent?.id ?? null, kind, code, name, depth: (parent?.depth ?? 0) + 1, life, path: "" };
    all.push(unit);
    return unit;
  };
  /** Cells named from `names` (cycled, numbered once the list runs out), coded after the parent's grassroots code. */
  const addCells = (parent: OrgUnit, codeBase: string, first: number, names: readonly string[], count: number, life: CellLife) => {
    for (let i = 0; i < count; i++) {
      const base = names[i % names.length];
      const name = i < names.length ? base : `${base} ${Math.floor(i / names.length) + 1}`;
      add(parent, "cell", `${codeBase}-${pad(first + i, 3)}`, `Chi bộ ${name}`, life);
    }
    return first + count;
  };
  const pickSections = (sections: readonly string[], n: number) => shuffle(rng, sections).slice(0, Math.min(n, sections.length));

  const root = add(null, "province", "HN", "Thành ủy Hà Nội");

  DISTRICTS.forEach((district, di) => {
    const committee = add(root, "district", `HN-${pad(di + 1, 2)}`, districtCommitteeName(district));
    let n = 0;
    const nextCode = () => `${committee.code}-${pad(++n, 4)}`;
    for (const ward of localUnits(district, rng)) {
      const code = nextCode();
      const unit = add(committee, "grassroots", code, `Đảng ủy ${ward.level} ${ward.name}`);
      let next = 1;
      if (ward.level === "xã") {
        const villages = placeNames(rng.int(7, 19), rng.next).map((p) => `thôn ${p}`);
        next = addCells(unit, code, next, villages, villages.length, "residential");
      } else {
        const count = ward.level === "phường" ? rng.int(15, 31) : rng.int(10, 20);
        const label = rng.chance(0.3) ? "khu dân cư số" : "tổ dân phố số";
        next = addCells(unit, code, next, Array.from({ length: count }, (_, i) => `${label} ${i + 1}`), count, "residential");
      }
      const local = [
        `Công an ${ward.level}`,
        `Quân sự ${ward.level}`,
        `cơ quan Ủy ban nhân dân ${ward.level}`,
        `Trạm Y tế ${ward.level}`,
        `Trường Mầm non ${ward.name}`,
        `Trường Tiểu học ${ward.name}`,
        ...(ward.level === "xã" ? [`Trường THCS ${ward.name}`, "Hợp tác xã nông nghiệp"] : []),
      ];
      addCells(unit, code, next, local, ward.level === "xã" ? rng.int(4, 7) : rng.int(3, 5), "institutional");
    }
    for (const other of districtInstitutions(district, rng)) {
      const code = nextCode();
      const unit = add(committee, "grassroots", code, other.name);
      addCells(unit, code, 1, pickSections(other.sections, 12), other.style === "police" ? rng.int(6, 10) : rng.int(2, 5), "institutional");
    }
    for (const agency of pickSections(DISTRICT_BASE_CELLS, rng.int(4, 8))) {
      add(committee, "cell", nextCode(), `Chi bộ cơ sở ${agency} ${district.kind} ${district.name}`, "institutional");
    }
  });

  SECTORS.forEach((sector, si) => {
    const committee = add(root, "district", `HN-${pad(DISTRICTS.length + si + 1, 2)}`, sector.name);
    for (let g = 0; g < sector.grassroots; g++) {
      const code = `${committee.code}-${pad(g + 1, 4)}`;
      const unit = add(committee, "grassroots", code, sectorGrassrootsName(sector.style, g, rng));
      const sections = sectionsOf(sector.style);
      // Large universities and corporations have sub-committees (Đảng ủy bộ phận) between them and their cells.
      if ((sector.style === "university" || sector.style === "corporation") && rng.chance(0.4)) {
        let next = 1;
        const parts = rng.int(2, 3);
        for (let b = 0; b < parts; b++) {
          const part = add(unit, "subcommittee", `${code}-B${pad(b + 1, 2)}`, `Đảng ủy bộ phận ${sector.style === "university" ? "Bộ môn" : "Xí nghiệp"} số ${b + 1}`);
          next = addCells(part, code, next, pickSections(sections, 12), rng.int(2, 4), "institutional");
        }
      } else {
        addCells(unit, code, 1, pickSections(sections, 12), sector.style === "police" ? rng.int(5, 9) : rng.int(2, 5), "institutional");
      }
    }
  });

  return {
    root,
    committees: all.filter((u) => u.kind === "district"),
    grassroots: all.filter((u) => u.kind === "grassroots"),
    subcommittees: all.filter((u) => u.kind === "subcommittee"),
    cells: all.filter((u) => u.kind === "cell"),
    all,
  };
}

/** Wards (phường), the district town (thị trấn) and communes (xã) of a district. */
function localUnits(district: District, rng: Rng): { level: "phường" | "xã" | "thị trấn"; name: string }[] {
  const wards = district.wards.map((name) => ({ level: "phường" as const, name }));
  const communes = placeNames(district.communes, rng.next, new Set(district.wards)).map((name, i) => ({
    level: district.kind === "huyện" && i === 0 ? ("thị trấn" as const) : ("xã" as const),
    name,
  }));
  return [...wards, ...communes];
}

/** Agencies, schools, companies and services of a district that have their own party committee. */
function districtInstitutions(district: District, rng: Rng): { name: string; style: SectorStyle | "school"; sections: readonly string[] }[] {
  const where = `${district.kind} ${district.name}`;
  const fixed = [
    { name: `Đảng ủy Công an ${where}`, style: "police" as const, sections: SECTIONS.police },
    { name: `Đảng ủy Quân sự ${where}`, style: "military" as const, sections: SECTIONS.military },
    { name: `Đảng ủy Cơ quan Ủy ban nhân dân ${where}`, style: "agencies" as const, sections: SECTIONS.office },
    { name: `Đảng ủy các cơ quan Đảng ${where}`, style: "agencies" as const, sections: SECTIONS.office },
    { name: `Đảng ủy Trung tâm Y tế ${where}`, style: "hospital" as const, sections: SECTIONS.hospital },
  ];
  const more = Array.from({ length: rng.int(28, 36) }, (_, i) => {
    const roll = rng.next();
    if (roll < 0.45) {
      const level = rng.pick(["THPT", "THCS", "Tiểu học"]);
      return { name: `Đảng ủy Trường ${level} ${rng.pick(NOTABLES)}`, style: "school" as const, sections: SECTIONS.school };
    }
    if (roll < 0.85) {
      const form = rng.pick(["Công ty cổ phần", "Công ty TNHH"]);
      return { name: `Đảng ủy ${form} ${rng.pick(["Xây dựng", "Thương mại", "Dịch vụ", "Cơ khí", "May", "Môi trường", "Vận tải"])} ${district.name} ${i + 1}`, style: "enterprises" as const, sections: SECTIONS.company };
    }
    return { name: `Đảng ủy Ban Quản lý dự án đầu tư xây dựng ${where} ${i + 1}`, style: "agencies" as const, sections: SECTIONS.office };
  });
  return [...fixed, ...more];
}

function shuffle<T>(rng: Rng, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/**
 * Inserts the planned tree level by level (the path trigger needs each parent in place) and fills
 * each unit's `path` from what the trigger computed.
 */
export async function insertOrg(client: pg.Client, org: OrgDataset): Promise<void> {
  const maxDepth = Math.max(...org.all.map((u) => u.depth));
  const byId = new Map(org.all.map((u) => [u.id, u]));
  for (let depth = 1; depth <= maxDepth; depth++) {
    const level = org.all.filter((u) => u.depth === depth);
    const rows = await insertColumns(
      client,
      "org_units",
      [
        { name: "id", type: "uuid" },
        { name: "parent_id", type: "uuid" },
        { name: "kind", type: "text" },
        { name: "code", type: "text" },
        { name: "name", type: "text" },
        { name: "valid_from", type: "date" },
      ],
      {
        id: level.map((u) => u.id),
        parent_id: level.map((u) => u.parentId),
        kind: level.map((u) => u.kind),
        code: level.map((u) => u.code),
        name: level.map((u) => u.name),
        valid_from: level.map(() => VALID_FROM),
      },
      { returning: "id, path::text AS path" },
    );
    for (const r of rows) byId.get(r.id as string)!.path = r.path as string;
    log(`  level ${depth}: ${level.length.toLocaleString("en")} units`);
  }
}
