import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { CreateDocumentBody } from "@party/shared/schemas/documents";
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from "docx";
import type { Env } from "../env";
import type { Ctx } from "../lib/context";
import type { JobQueue } from "../lib/jobs";
import { memoryBus } from "../lib/live";
import type { Storage } from "../lib/storage";
import { actorGrants } from "../modules/auth/accounts.repo";
import { createDocument } from "../modules/documents/documents.commands";
import { EXTRACT_QUEUE, runExtraction } from "../modules/documents/documents.jobs";
import { recordUpload } from "../modules/documents/uploads.commands";
import * as unitsRepo from "../modules/org-units/org-units.repo";
import type { Db } from "./db";
import type { DemoUnitKey } from "./demo/types";
import type { DocumentType } from "./schema";

/** What the demo documents need besides the database: where files go, and the settings (the extraction's temporary folder). */
export interface DemoDeps {
  storage: Storage;
  env: Env;
}

export type DemoUnits = Record<DemoUnitKey, { id: string }>;

/** Who publishes for each demo unit: a demo account of its committee (the city: its staff-only admin). */
const PUBLISHERS: Record<DemoUnitKey, string> = { city: "admin@sotay.demo", district: "0900000007", ward: "0900000010", cell1: "0900000002", cell2: "0900000009" };

/** A letterhead's first line (the party organisation the issuer belongs to) and whose name the document is signed in. */
const LETTERHEADS: Record<DemoUnitKey, { above: string; signs: string }> = {
  city: { above: "ĐẢNG BỘ THÀNH PHỐ HÀ NỘI", signs: "T/M BAN THƯỜNG VỤ" },
  district: { above: "ĐẢNG BỘ THÀNH PHỐ HÀ NỘI", signs: "T/M BAN THƯỜNG VỤ" },
  ward: { above: "ĐẢNG BỘ QUẬN BA ĐÌNH", signs: "T/M ĐẢNG ỦY" },
  cell1: { above: "ĐẢNG BỘ PHƯỜNG ĐIỆN BIÊN", signs: "T/M CHI BỘ" },
  cell2: { above: "ĐẢNG BỘ PHƯỜNG ĐIỆN BIÊN", signs: "T/M CHI BỘ" },
};

const TYPE_TITLES: Record<DocumentType, string> = {
  resolution: "NGHỊ QUYẾT",
  directive: "CHỈ THỊ",
  conclusion: "KẾT LUẬN",
  regulation: "QUY ĐỊNH",
  decision: "QUYẾT ĐỊNH",
  guidance: "HƯỚNG DẪN",
  notice: "THÔNG BÁO",
  plan: "KẾ HOẠCH",
  report: "BÁO CÁO",
  meeting_material: "TÀI LIỆU SINH HOẠT",
  other: "",
};

const CONTENT_TYPES = { docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", pdf: "application/pdf" } as const;
const ASSETS = path.join(path.dirname(fileURLToPath(import.meta.url)), "demo");
const DAY_MS = 86_400_000;

export interface DemoFile {
  name: string;
  format: keyof typeof CONTENT_TYPES;
  bytes: Buffer;
}

/** What a demo document says about itself; the issuing body defaults to the unit's name. */
export interface DemoMetadata {
  numberSymbol: string | null;
  type: DocumentType;
  issuingBody: string;
  issuedOn: string;
  summary: string;
  tags: string[];
  feedbackUntil?: Date;
  feedbackVisibility?: "own" | "all";
}

/** yyyy-mm-dd in Vietnam, `days` days before now. */
export const vnDateDaysAgo = (days: number): string => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh" }).format(new Date(Date.now() - days * DAY_MS));

/**
 * A DOCX of these lines: "# " starts a bold centred title, "## " a heading, "^ " a centred line;
 * anything else is a justified paragraph.
 */
export function docxOf(lines: string[]): Promise<Buffer> {
  const paragraph = (line: string) => {
    if (line.startsWith("# ")) return new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: line.slice(2), bold: true, size: 30 })] });
    if (line.startsWith("## ")) return new Paragraph({ heading: HeadingLevel.HEADING_2, text: line.slice(3) });
    if (line.startsWith("^ ")) return new Paragraph({ alignment: AlignmentType.CENTER, text: line.slice(2) });
    return new Paragraph({ alignment: AlignmentType.JUSTIFIED, text: line });
  };
  return Packer.toBuffer(new Document({ creator: "Sổ tay đảng viên (dữ liệu mẫu)", sections: [{ children: lines.map(paragraph) }] }));
}

/** The document as a DOCX with the letterhead of a party document: issuer, number, place and date, type, summary; then `body`; then the signature block. */
export async function letterDocx(unit: DemoUnitKey, m: DemoMetadata, body: string[], name: string): Promise<DemoFile> {
  const [year, month, day] = m.issuedOn.split("-");
  const head = [
    `^ ${LETTERHEADS[unit].above}`,
    `^ ${m.issuingBody.toLocaleUpperCase("vi")}`,
    "^ ĐẢNG CỘNG SẢN VIỆT NAM",
    ...(m.numberSymbol ? [`^ Số ${m.numberSymbol}`] : []),
    `^ Hà Nội, ngày ${day} tháng ${Number(month)} năm ${year}`,
    ...(TYPE_TITLES[m.type] ? [`# ${TYPE_TITLES[m.type]}`] : []),
    `^ ${m.summary}`,
  ];
  const signs = LETTERHEADS[unit].signs;
  return { name, format: "docx", bytes: await docxOf([...head, ...body, `^ ${signs}`]) };
}

/** A file shipped in db/demo. */
export async function assetFile(name: string): Promise<DemoFile> {
  return { name, format: path.extname(name) === ".pdf" ? "pdf" : "docx", bytes: await fs.readFile(path.join(ASSETS, name)) };
}

/**
 * The commands' job queue while seeding: text extractions are kept to run at the end of the seed
 * (so search works at once); anything else (the notifications of each demo document) is dropped.
 */
function seedQueue(): JobQueue & { extractions: { fileId: string; format: DemoFile["format"] }[] } {
  const extractions: { fileId: string; format: DemoFile["format"] }[] = [];
  return {
    extractions,
    send: async (name, data) => {
      if (name === EXTRACT_QUEUE) extractions.push(data as (typeof extractions)[number]);
      return null;
    },
  };
}

export type DemoPublisher = ReturnType<typeof demoPublisher>;

/**
 * Runs the app's own commands in the seed's transaction as the demo accounts (`accountOf`: login →
 * account id): `as` gives a command context, `publish` uploads the files (stored in `deps.storage`)
 * and publishes them as a document of the unit, `extractAll` extracts the text of every file
 * published so far into the search index.
 */
export function demoPublisher(trx: Db, deps: DemoDeps, units: DemoUnits, accountOf: ReadonlyMap<string, string>) {
  const jobs = seedQueue();
  const as = async (login: string): Promise<Ctx> => {
    const accountId = accountOf.get(login);
    if (!accountId) throw new Error(`No demo account ${login}`);
    const actor = { accountId, ...(await actorGrants(trx, accountId)) };
    return { actor, db: trx, meta: { ip: null, requestId: null }, jobs, publishAfterCommit: () => undefined };
  };

  const publish = async (unit: DemoUnitKey, m: DemoMetadata, files: DemoFile[]): Promise<string> => {
    const ctx = await as(PUBLISHERS[unit]);
    const uploadIds: string[] = [];
    for (const f of files) {
      const sha256 = createHash("sha256").update(f.bytes).digest("hex");
      const contentType = CONTENT_TYPES[f.format];
      const stored = { sha256, size: f.bytes.length, contentType, format: f.format, name: f.name };
      const { upload } = await recordUpload(ctx, stored, () => deps.storage.putBuffer(sha256, f.bytes, contentType));
      uploadIds.push(upload.id);
    }
    const row = await unitsRepo.findById(trx, units[unit].id);
    const effective = ["resolution", "directive", "regulation", "decision"].includes(m.type) && !m.feedbackUntil;
    const body = CreateDocumentBody.parse({
      ...m,
      effectiveOn: effective ? m.issuedOn : null,
      feedbackUntil: m.feedbackUntil?.toISOString().replace("Z", "+00:00"),
      uploadIds,
    });
    return createDocument(ctx, row!, body);
  };

  const extractAll = async (): Promise<void> => {
    const jobDeps = { db: trx, jobs, live: memoryBus(), env: deps.env, storage: deps.storage };
    // Each file is queued twice (by its upload, then by its document while its text is pending): once is enough.
    const byFile = new Map(jobs.extractions.splice(0).map((job) => [job.fileId, job]));
    for (const job of byFile.values()) await runExtraction(jobDeps, job);
  };

  return { as, publish, extractAll };
}
