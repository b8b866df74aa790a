import type { UnitKind } from "@party/shared";
import type { DocumentDto, DocumentFileDto, DocumentSummaryDto, NoteDto, UploadDto, VersionDto } from "@party/shared/schemas/documents";
import type { SummaryRow } from "./documents-lists.repo";
import type { DocumentFileRow, DocumentRow, VersionRow } from "./documents.repo";

const iso = (d: Date | null | undefined) => (d ? new Date(d).toISOString() : null);
const unitRef = (id: string, name: string, kind: string) => ({ id, name, kind: kind as UnitKind });

export const presentFile = (f: DocumentFileRow): DocumentFileDto => ({
  position: f.position,
  fileId: f.fileId,
  name: f.name,
  format: f.format,
  contentType: f.contentType,
  size: Number(f.size),
  textStatus: f.textStatus,
});

export const presentSummary = (r: SummaryRow): DocumentSummaryDto => ({
  id: r.id,
  unit: unitRef(r.unitId, r.unitName, r.unitKind),
  numberSymbol: r.numberSymbol,
  type: r.type,
  issuingBody: r.issuingBody,
  issuedOn: r.issuedOn,
  effectiveOn: r.effectiveOn,
  summary: r.summary,
  level: r.level,
  tags: r.tags,
  committeeOnly: r.committeeOnly,
  feedbackUntil: iso(r.feedbackUntil),
  fileCount: r.fileCount,
  bookmarked: r.bookmarked,
  withdrawnAt: iso(r.withdrawnAt),
});

export function presentDocument(d: DocumentRow, files: DocumentFileRow[], bookmarked: boolean): DocumentDto {
  return {
    ...presentSummary({ ...d, fileCount: files.length, bookmarked }),
    feedbackVisibility: d.feedbackVisibility,
    files: files.map(presentFile),
    version: d.version,
    withdrawnReason: d.withdrawnReason,
    createdAt: d.createdAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(),
  };
}

export const presentVersion = (v: VersionRow): VersionDto => ({
  version: v.version,
  metadata: v.metadata as VersionDto["metadata"],
  changedBy: v.changedBy ? { id: v.changedBy, name: v.changedByName ?? "" } : null,
  changedAt: v.changedAt.toISOString(),
});

export const presentUpload = (u: { id: string; name: string; format: UploadDto["format"] }, file: { size: number; sha256: string }): UploadDto => ({
  id: u.id,
  name: u.name,
  format: u.format,
  size: file.size,
  sha256: file.sha256,
});

export const presentNote = (n: { id: string; documentId: string; page: number | null; body: string; createdAt: Date; updatedAt: Date }): NoteDto => ({
  id: n.id,
  documentId: n.documentId,
  page: n.page,
  body: n.body,
  createdAt: n.createdAt.toISOString(),
  updatedAt: n.updatedAt.toISOString(),
});

/**
 * Opaque cursors (base64url): "d|<issued on>|<id>" for lists by issue date, "o|<offset>" for search
 * results, which are ranked and so paged by position.
 */
export const encodeIssuedCursor = (issuedOn: string, id: string) => Buffer.from(`d|${issuedOn}|${id}`).toString("base64url");
export const encodeOffsetCursor = (offset: number) => Buffer.from(`o|${offset}`).toString("base64url");

export type Cursor = { kind: "issued"; issuedOn: string; id: string } | { kind: "offset"; offset: number };

/** A real calendar date PostgreSQL accepts (no year 0000, no 30 February). */
const isDate = (s: string): boolean => {
  const d = new Date(`${s}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(s) && !s.startsWith("0000") && !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};

export function decodeCursor(cursor: string): Cursor | null {
  const parts = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  if (parts[0] === "d" && parts.length === 3 && isDate(parts[1]) && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(parts[2])) {
    return { kind: "issued", issuedOn: parts[1], id: parts[2] };
  }
  if (parts[0] === "o" && parts.length === 2 && /^\d{1,4}$/.test(parts[1]) && Number(parts[1]) <= 1000) return { kind: "offset", offset: Number(parts[1]) };
  return null;
}
