import type { ArticleDto, ArticleSummaryDto, AttachmentDto, CategoryDto, CoverDto, EditorialItemDto, RevisionDto } from "@party/shared/schemas/news";
import type { ArticleAttachment, ImageVariant } from "../../db/schema";
import { presentImage } from "../files/files.presenter";
import type { UnitKind } from "@party/shared";
import type { ArticleRow, CategoryRow, EditorialRow, RevisionRow, SummaryRow } from "./news.repo";

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
const unitRef = (id: string, name: string, kind: string) => ({ id, name, kind: kind as UnitKind });

type ImageRow = { id: string; width: number; height: number; variants: ImageVariant[] };
/** The cover with its text alternative, when the image is there. */
export const presentCover = (image: ImageRow | null | undefined, alt: string): CoverDto | null => (image ? { ...presentImage(image), alt } : null);

export const presentCategory = (c: CategoryRow): CategoryDto => ({ id: c.id, unitId: c.unitId, name: c.name, position: c.position, archived: c.archivedAt !== null });

export const presentSummary = (r: SummaryRow): ArticleSummaryDto => ({
  id: r.id,
  title: r.title,
  summary: r.summary,
  unit: unitRef(r.unitId, r.unitName, r.unitKind),
  originUnit: r.originUnitId === r.unitId ? null : unitRef(r.originUnitId, r.originName, r.originKind),
  category: r.categoryId && r.categoryName ? { id: r.categoryId, name: r.categoryName } : null,
  tags: r.tags,
  publishedAt: iso(r.publishedAt),
  guidance: r.isGuidance,
  pinnedUntil: iso(r.pinnedUntil),
  read: r.read,
  cover:
    r.coverId && r.coverVariants ? presentCover({ id: r.coverId, width: r.coverWidth!, height: r.coverHeight!, variants: r.coverVariants }, r.coverAlt) : null,
});

/** Attached files as stored in the row (jsonb), in order. */
export const presentAttachments = (list: ArticleAttachment[] | null | undefined): AttachmentDto[] =>
  (list ?? []).map((f) => ({ fileId: f.fileId, name: f.name, format: f.format as AttachmentDto["format"], size: Number(f.size) }));

export const presentRevision = (r: RevisionRow & { authorName?: string | null; reviewerName?: string | null }, cover: ImageRow | null = null): RevisionDto => ({
  number: r.number,
  state: r.state,
  title: r.title,
  summary: r.summary,
  bodyHtml: r.bodyHtml,
  categoryId: r.categoryId,
  tags: r.tags,
  sourceLine: r.sourceLine,
  cover: presentCover(cover, r.coverAlt),
  attachments: presentAttachments(r.attachments),
  restoredFrom: r.restoredFrom,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
  submittedAt: iso(r.submittedAt),
  reviewedAt: iso(r.reviewedAt),
  reviewReason: r.reviewReason,
  authorName: r.authorName ?? null,
  reviewerName: r.reviewerName ?? null,
});

export function presentArticle(
  a: ArticleRow,
  extra: {
    unit: { name: string; kind: string };
    origin: { name: string; kind: string };
    category: { id: string; name: string } | null;
    read: boolean;
    working: RevisionDto | null;
    cover: ImageRow | null;
  },
): ArticleDto {
  return {
    id: a.id,
    title: a.title,
    summary: a.summary,
    unit: unitRef(a.unitId, extra.unit.name, extra.unit.kind),
    originUnit: a.originUnitId === a.unitId ? null : unitRef(a.originUnitId, extra.origin.name, extra.origin.kind),
    category: extra.category,
    tags: a.tags,
    publishedAt: iso(a.publishedAt),
    guidance: a.isGuidance,
    pinnedUntil: iso(a.pinnedUntil),
    read: extra.read,
    cover: presentCover(extra.cover, a.coverAlt),
    status: a.status,
    bodyHtml: a.bodyHtml,
    sourceLine: a.sourceLine,
    attachments: presentAttachments(a.attachments),
    publishAt: iso(a.publishAt),
    unpublishAt: iso(a.unpublishAt),
    statusReason: a.statusReason,
    publishedRevision: a.publishedRevision,
    working: extra.working,
    updatedAt: a.updatedAt.toISOString(),
  };
}

export const presentEditorial = (r: EditorialRow): EditorialItemDto => ({
  id: r.id,
  title: r.title,
  status: r.status,
  unit: unitRef(r.unitId, r.unitName, r.unitKind),
  originUnit: unitRef(r.originUnitId, r.originName, r.originKind),
  workingState: r.workingState,
  submittedAt: iso(r.submittedAt),
  publishedAt: iso(r.publishedAt),
  publishAt: iso(r.publishAt),
  updatedAt: new Date(r.updatedAt).toISOString(),
  proposal: r.originUnitId !== r.unitId,
});

/** Opaque keyset cursors: base64url of "timestamp|id". */
export const encodeCursor = (at: Date | string, id: string) => Buffer.from(`${new Date(at).toISOString()}|${id}`).toString("base64url");
export function decodeCursor(cursor: string): { at: string; id: string } | null {
  const [at, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  if (!at || !id || Number.isNaN(Date.parse(at)) || !/^[0-9a-f-]{36}$/i.test(id)) return null;
  return { at, id };
}
