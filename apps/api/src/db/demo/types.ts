import type { DocumentType } from "../schema";

/** The demo units that publish: the city, Ba Đình, Điện Biên ward and its first two cells. */
export type DemoUnitKey = "city" | "district" | "ward" | "cell1" | "cell2";

/** One demo document: its metadata, and the text of its file (a DOCX made when seeding) or a file of this folder. */
export interface DemoDocument {
  unit: DemoUnitKey;
  numberSymbol: string | null;
  type: DocumentType;
  /** Defaults to the publishing unit's name. */
  issuingBody?: string;
  /** Issued this many days before the seed runs (the demo stays current). */
  daysAgo: number;
  summary: string;
  tags: string[];
  /** The body after the heading the seed writes (issuer, number, place and date, type, summary); "## " starts a heading. */
  body: string[];
  /** A second file (phụ lục). */
  annex?: { name: string; body: string[] };
  /** A file of this folder as the document's only file, instead of a DOCX made from `body`. */
  asset?: string;
}
