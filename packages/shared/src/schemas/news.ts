import { z } from "zod";
import { Limits } from "../limits";
import { UnitKind } from "../enums";
import { Abilities, PageLimit, SearchText } from "./common";
import { DocumentFormat, FileRef } from "./documents";
import { ImageDto } from "./files";

export const ArticleStatus = z.enum(["draft", "submitted", "returned", "declined", "scheduled", "published", "unpublished"]);
export type ArticleStatus = z.infer<typeof ArticleStatus>;
export const RevisionState = z.enum(["draft", "submitted", "returned", "declined", "approved", "superseded"]);
export type RevisionState = z.infer<typeof RevisionState>;

const UnitRef = z.object({ id: z.uuid(), name: z.string(), kind: UnitKind });

// ---- categories (chuyên mục) ----

export const CategoryDto = z.object({ id: z.uuid(), unitId: z.uuid(), name: z.string(), position: z.number().int(), archived: z.boolean() });
export type CategoryDto = z.infer<typeof CategoryDto>;
export const CategoryListEnvelope = z.object({ data: z.array(CategoryDto) });
export const CategoryEnvelope = z.object({ data: CategoryDto });
export const CreateCategoryBody = z.object({ name: z.string().trim().min(1).max(Limits.categoryNameMax), position: z.number().int().min(0).max(10_000).optional() }).strict();
export const UpdateCategoryBody = z
  .object({ name: z.string().trim().min(1).max(Limits.categoryNameMax).optional(), position: z.number().int().min(0).max(10_000).optional(), archived: z.boolean().optional() })
  .strict();

// ---- writing ----

const Tag = z.string().trim().min(1).max(Limits.articleTagMax);

/** What an editor writes. `bodyHtml` is sanitised by the server against an allow-list; what comes back is what is kept. */
export const ArticleContent = z.object({
  title: z.string().trim().min(1).max(Limits.articleTitleMax),
  summary: z.string().trim().max(Limits.articleSummaryMax).default(""),
  bodyHtml: z.string().max(Limits.articleBodyMax).default(""),
  categoryId: z.uuid().nullable().default(null),
  tags: z.array(Tag).max(Limits.articleTagsMax).default([]),
  /** Source or author line, e.g. "Theo Báo Hà Nội Mới". */
  sourceLine: z.string().trim().max(Limits.articleSourceMax).default(""),
  /** A picture uploaded through POST /api/images, and its text alternative for screen readers. */
  coverImageId: z.uuid().nullable().default(null),
  coverAlt: z.string().trim().max(Limits.articleSummaryMax).default(""),
  /**
   * Attached files in order: `{ uploadId }` for a file just uploaded through POST
   * /api/documents/uploads (checked like a document's), `{ fileId }` for one the article already has.
   */
  attachments: z.array(FileRef).max(Limits.articleAttachmentsMax).default([]),
});

/** A file attached to an article; downloaded from /api/articles/:id/attachments/:fileId. */
export const AttachmentDto = z.object({ fileId: z.uuid(), name: z.string(), format: DocumentFormat, size: z.number().int() });
export type AttachmentDto = z.infer<typeof AttachmentDto>;
export const AttachmentParams = z.object({ id: z.uuid(), fileId: z.uuid() }).strict();

/** A cover picture in responsive widths, with its text alternative. */
export const CoverDto = ImageDto.extend({ alt: z.string() });
export type CoverDto = z.infer<typeof CoverDto>;

/** A new article in the channel of `unitId`: the writer's own unit, or one above it (a proposal). */
export const CreateArticleBody = ArticleContent.extend({ unitId: z.uuid() }).strict();
export type CreateArticleBody = z.infer<typeof CreateArticleBody>;
/** Replaces the working revision's content (all fields, as the editor's form holds them). */
export const UpdateArticleBody = ArticleContent.strict();
export type UpdateArticleBody = z.infer<typeof UpdateArticleBody>;

export const ReasonBody = z.object({ reason: z.string().trim().min(1).max(Limits.reasonMax) }).strict();

/** Approve the submitted revision: publish now, or at `publishAt`; optionally unpublish later, optionally as pinned guidance. */
export const ApproveBody = z
  .object({
    publishAt: z.iso.datetime({ offset: true }).nullable().default(null),
    unpublishAt: z.iso.datetime({ offset: true }).nullable().default(null),
    /** Guidance (thông tin định hướng): pinned on top of the feed until then, and everyone in the audience is notified. */
    guidancePinnedUntil: z.iso.datetime({ offset: true }).nullable().default(null),
  })
  .strict();
export type ApproveBody = z.infer<typeof ApproveBody>;

export const RestoreBody = z.object({ number: z.number().int().min(1) }).strict();

// ---- reading ----

export const ArticleSummaryDto = z.object({
  id: z.uuid(),
  title: z.string(),
  summary: z.string(),
  unit: UnitRef,
  /** The unit whose editors wrote it, when it is not the channel's own (an accepted proposal). */
  originUnit: UnitRef.nullable(),
  category: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  tags: z.array(z.string()),
  publishedAt: z.iso.datetime().nullable(),
  guidance: z.boolean(),
  pinnedUntil: z.iso.datetime().nullable(),
  /** The signed-in member has opened it. */
  read: z.boolean(),
  cover: CoverDto.nullable(),
});
export type ArticleSummaryDto = z.infer<typeof ArticleSummaryDto>;

export const RevisionDto = z.object({
  number: z.number().int(),
  state: RevisionState,
  title: z.string(),
  summary: z.string(),
  bodyHtml: z.string(),
  categoryId: z.uuid().nullable(),
  tags: z.array(z.string()),
  sourceLine: z.string(),
  cover: CoverDto.nullable(),
  attachments: z.array(AttachmentDto),
  restoredFrom: z.number().int().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  submittedAt: z.iso.datetime().nullable(),
  reviewedAt: z.iso.datetime().nullable(),
  reviewReason: z.string().nullable(),
  authorName: z.string().nullable(),
  reviewerName: z.string().nullable(),
});
export type RevisionDto = z.infer<typeof RevisionDto>;

export const ArticleDto = ArticleSummaryDto.extend({
  status: ArticleStatus,
  bodyHtml: z.string(),
  sourceLine: z.string(),
  attachments: z.array(AttachmentDto),
  publishAt: z.iso.datetime().nullable(),
  unpublishAt: z.iso.datetime().nullable(),
  statusReason: z.string().nullable(),
  publishedRevision: z.number().int().nullable(),
  /** The revision being written or reviewed (editorial team only; null for readers). */
  working: RevisionDto.nullable(),
  updatedAt: z.iso.datetime(),
});
export type ArticleDto = z.infer<typeof ArticleDto>;
export const ArticleEnvelope = z.object({ data: ArticleDto, abilities: Abilities });

export const FeedQuery = z
  .object({
    cursor: z.string().max(200).optional(),
    limit: PageLimit,
    /** Only articles of channels at this level (e.g. `district`). */
    level: UnitKind.optional(),
    categoryId: z.uuid().optional(),
  })
  .strict();
export const FeedEnvelope = z.object({
  /** Guidance pinned now, on top (first page only). */
  pinned: z.array(ArticleSummaryDto),
  data: z.array(ArticleSummaryDto),
  nextCursor: z.string().nullable(),
});

export const SearchQuery = z.object({ q: SearchText.min(1), limit: PageLimit, offset: z.coerce.number().int().min(0).max(1000).default(0) }).strict();
/** A snippet as parts, the matching ones to highlight (no HTML to trust). */
export const Snippet = z.array(z.object({ text: z.string(), match: z.boolean() }));
export const SearchHitDto = ArticleSummaryDto.extend({ titleParts: Snippet, snippet: Snippet, rank: z.number() });
export const SearchEnvelope = z.object({ data: z.array(SearchHitDto), hasMore: z.boolean() });

/** The editorial team's lists: a channel's articles by status, and an approver's review queue. */
export const EditorialItemDto = z.object({
  id: z.uuid(),
  title: z.string(),
  status: ArticleStatus,
  unit: UnitRef,
  originUnit: UnitRef,
  /** State of the revision being written or reviewed, if any (a published article can have one). */
  workingState: RevisionState.nullable(),
  submittedAt: z.iso.datetime().nullable(),
  publishedAt: z.iso.datetime().nullable(),
  publishAt: z.iso.datetime().nullable(),
  updatedAt: z.iso.datetime(),
  proposal: z.boolean(),
});
export type EditorialItemDto = z.infer<typeof EditorialItemDto>;
export const EditorialListQuery = z
  .object({ status: ArticleStatus.optional(), cursor: z.string().max(200).optional(), limit: PageLimit })
  .strict();
export const EditorialListEnvelope = z.object({ data: z.array(EditorialItemDto), nextCursor: z.string().nullable() });

export const RevisionListEnvelope = z.object({ data: z.array(RevisionDto) });
export const DiffQuery = z.object({ from: z.coerce.number().int().min(1), to: z.coerce.number().int().min(1) }).strict();
/** Word-level changes per field: unchanged, added and removed runs. */
export const DiffPart = z.object({ text: z.string(), change: z.enum(["same", "added", "removed"]) });
export const DiffEnvelope = z.object({ data: z.object({ from: z.number().int(), to: z.number().int(), fields: z.record(z.string(), z.array(DiffPart)) }) });

export const ReaderStatsEnvelope = z.object({
  data: z.object({ total: z.number().int(), days: z.array(z.object({ day: z.iso.date(), readers: z.number().int() })) }),
});

export const CalendarQuery = z.object({ from: z.iso.date(), to: z.iso.date() }).strict();
export const CalendarEnvelope = z.object({ data: z.array(EditorialItemDto) });
