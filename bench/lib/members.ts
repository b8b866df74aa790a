import type pg from "pg";
import { type MemberStatus, randomPerson, vietnameseNameSortKey } from "@party/shared";
import type { OrgDataset, OrgUnit } from "./org";
import { insertColumns, progress } from "./pg";
import { REFERENCE_DATE, Rng, addDays, pad } from "./random";

/** The Hanoi figure: 445,459 members activated = 92.5%, so about 481,600 members. */
export const MEMBER_TARGET = 481_600;
const SEED = 20_260_002;
const MIN_CELL = 5;
const MAX_CELL = 60;

/** Every generated member, column by column (index = member number, in cell order). */
export interface MemberDataset {
  id: string[];
  fullName: string[];
  nameSortKey: string[];
  sex: string[];
  dateOfBirth: string[];
  phone: string[];
  partyCardNumber: string[];
  admittedOn: string[];
  fullMemberOn: (string | null)[];
  status: MemberStatus[];
  cellId: string[];
  unitPath: string[];
  /** Members of cell i are [cellStart[i], cellStart[i] + cellSize[i]). */
  cellStart: number[];
  cellSize: number[];
}

// Mobile prefixes of the Vietnamese carriers (09x, 03x, 08x).
const PHONE_PREFIXES = ["090", "091", "093", "094", "096", "097", "098", "032", "033", "034", "035", "036", "037", "038", "039", "081", "082", "083", "084", "085", "086", "088", "089"];

/** Unique by construction: 7919 and 7654321 are coprime with the moduli, so the maps are bijections. */
export const phoneOf = (k: number): string =>
  `${PHONE_PREFIXES[k % PHONE_PREFIXES.length]}${pad((Math.floor(k / PHONE_PREFIXES.length) * 7_654_321 + 1_234_567) % 10_000_000, 7)}`;
export const cardOf = (k: number): string => String(10_000_000 + ((k * 7_919 + 1_234) % 90_000_000));

/** Cell sizes between 5 and 60, right-skewed, residential cells larger; summing exactly to `target`. */
export function planCellSizes(cells: OrgUnit[], target: number, rng: Rng): number[] {
  const raw = cells.map((c) => (c.life === "residential" ? rng.logNormal(28, 0.45) : rng.logNormal(12, 0.6)));
  const factor = target / raw.reduce((a, b) => a + b, 0);
  const sizes = raw.map((x) => Math.min(MAX_CELL, Math.max(MIN_CELL, Math.round(x * factor))));
  let diff = target - sizes.reduce((a, b) => a + b, 0);
  while (diff !== 0) {
    const i = rng.int(0, sizes.length - 1);
    if (diff > 0 && sizes[i] < MAX_CELL) {
      sizes[i]++;
      diff--;
    } else if (diff < 0 && sizes[i] > MIN_CELL) {
      sizes[i]--;
      diff++;
    }
  }
  return sizes;
}

const REFERENCE_YEAR = Number(REFERENCE_DATE.slice(0, 4));

/** Status, birth and admission of one member; residential cells are old (many retired), institutional ones working age. */
function lifeOf(rng: Rng, residential: boolean): { status: MemberStatus; born: string; admitted: string; full: string | null } {
  const roll = rng.next();
  const [deceased, transferred, exempt, probationary] = residential ? [0.006, 0.004, 0.13, 0.03] : [0.0005, 0.012, 0.01, 0.09];
  let status: MemberStatus =
    roll < deceased ? "deceased" : roll < deceased + transferred ? "transferred_out" : roll < deceased + transferred + exempt ? "exempt" : roll < deceased + transferred + exempt + probationary ? "probationary" : "full";
  if (status === "probationary") {
    const born = rng.date("1986-01-01", "2004-12-31");
    const admitted = rng.date(addDays(REFERENCE_DATE, -360), addDays(REFERENCE_DATE, -7));
    return { status, born, admitted, full: null };
  }
  const bornYear = residential
    ? rng.chance(0.7) ? rng.int(1936, 1966) : rng.int(1967, 2000)
    : Math.round((rng.int(1966, 2001) + rng.int(1966, 2001)) / 2);
  // Exemption from meetings is for the old and the sick: the young are simply full members.
  if (status === "exempt" && bornYear > 1961) status = "full";
  const born = rng.date(`${bornYear}-01-01`, `${bornYear}-12-31`);
  const admittedYear = Math.min(REFERENCE_YEAR - 2, bornYear + rng.int(18, 40));
  const admitted = rng.date(`${Math.max(admittedYear, bornYear + 18)}-01-01`, `${Math.max(admittedYear, bornYear + 18)}-12-31`);
  return { status, born, admitted, full: addDays(admitted, 365 + rng.int(0, 45)) };
}

/** Generates every member of every cell (deterministic) in cell order. */
export function planMembers(org: OrgDataset, target = MEMBER_TARGET): MemberDataset {
  const rng = new Rng(SEED);
  const cellSize = planCellSizes(org.cells, target, rng);
  const data: MemberDataset = {
    id: [], fullName: [], nameSortKey: [], sex: [], dateOfBirth: [], phone: [], partyCardNumber: [],
    admittedOn: [], fullMemberOn: [], status: [], cellId: [], unitPath: [], cellStart: [], cellSize,
  };
  // 481,600 people share about 35,000 distinct names: compute each sort key once.
  const sortKeys = new Map<string, string>();
  const sortKeyOf = (name: string) => {
    let key = sortKeys.get(name);
    if (key === undefined) sortKeys.set(name, (key = vietnameseNameSortKey(name)));
    return key;
  };
  let k = 0;
  org.cells.forEach((cell, ci) => {
    data.cellStart.push(k);
    for (let j = 0; j < cellSize[ci]; j++, k++) {
      const person = randomPerson(rng.next);
      const life = lifeOf(rng, cell.life === "residential");
      data.id.push(rng.uuid());
      data.fullName.push(person.fullName);
      data.nameSortKey.push(sortKeyOf(person.fullName));
      data.sex.push(person.sex);
      data.dateOfBirth.push(life.born);
      data.phone.push(phoneOf(k));
      data.partyCardNumber.push(cardOf(k));
      data.admittedOn.push(life.admitted);
      data.fullMemberOn.push(life.full);
      data.status.push(life.status);
      data.cellId.push(cell.id);
      data.unitPath.push(cell.path);
    }
  });
  return data;
}

/** Inserts the members; the org units must be inserted first (paths known). */
export async function insertMembers(client: pg.Client, members: MemberDataset): Promise<void> {
  await insertColumns(
    client,
    "members",
    [
      { name: "id", type: "uuid" },
      { name: "full_name", type: "text" },
      { name: "name_sort_key", type: "text" },
      { name: "sex", type: "text" },
      { name: "date_of_birth", type: "date" },
      { name: "phone", type: "text" },
      { name: "party_card_number", type: "text" },
      { name: "admitted_on", type: "date" },
      { name: "full_member_on", type: "date" },
      { name: "status", type: "text" },
      { name: "cell_id", type: "uuid" },
      { name: "unit_path", type: "ltree" },
    ],
    {
      id: members.id,
      full_name: members.fullName,
      name_sort_key: members.nameSortKey,
      sex: members.sex,
      date_of_birth: members.dateOfBirth,
      phone: members.phone,
      party_card_number: members.partyCardNumber,
      admitted_on: members.admittedOn,
      full_member_on: members.fullMemberOn,
      status: members.status,
      cell_id: members.cellId,
      unit_path: members.unitPath,
    },
    { onBatch: progress("members") },
  );
}
