import { z } from "zod";
import { UnitKind } from "../enums";
import { Limits } from "../limits";
import { Abilities, IsoDate, PageLimit, SearchText } from "./common";
import { FeedbackVisibility } from "./feedback";

/**
 * Documents (Văn bản – Tài liệu). Labels are the web app's (i18n), in this order:
 * resolution Nghị quyết, directive Chỉ thị, conclusion Kết luận, regulation Quy định, decision Quyết định,
 * guidance Hướng dẫn, notice Thông báo, plan Kế hoạch, report Báo cáo, meeting_material Tài liệu sinh hoạt,
 * other Khác.
 */
export const DocumentType = z.enum(["resolution", "directive", "conclusion", "regulation", "decision", "guidance", "notice", "plan", "report", "meeting_material", "other"]);
export type DocumentType = z.infer<typeof DocumentType>;

/** Who issued it, top to bottom: central (Trung ương, /TW), province (Tỉnh/Thành ủy), district, grassroots, cell. */
export const DocumentLevel = z.enum(["central", "province", "district", "grassroots", "cell"]);
export type DocumentLevel = z.infer<typeof DocumentLevel>;

/** Formats accepted, as detected from the content (never from the name or the declared type). */
export const DocumentFormat = z.enum(["pdf", "docx", "xlsx", "pptx", "odt", "jpeg", "png", "webp"]);
export type DocumentFormat = z.infer<typeof DocumentFormat>;

/**
 * Why an upload was refused, in `error.details.reason`: 415 for executable, archive, macro_enabled,
 * encrypted, unsupported_type, empty; 422 for classified (with `details.mark`) and unreadable.
 */
export const UploadRefusal = z.enum(["executable", "archive", "macro_enabled", "encrypted", "unsupported_type", "empty", "classified", "unreadable"]);
export type UploadRefusal = z.infer<typeof UploadRefusal>;
export const ClassificationMark = z.enum(["mat", "toi_mat", "tuyet_mat"]);

export const TextStatus = z.enum(["pending", "done", "failed"]);
export type TextStatus = z.infer<typeof TextStatus>;

const UnitRef = z.object({ id: z.uuid(), name: z.string(), kind: UnitKind });

// ---- uploads ----

/** POST /api/documents/uploads?name=…&notClassified=true, the file's bytes as the body (any Content-Type). */
export const UploadQuery = z
  .object({
    /** The file's name on the uploader's device; cleaned and given the detected extension. */
    name: z.string().trim().min(1).max(1000),
    /** The uploader confirms the document is not classified (Mật, Tối mật, Tuyệt mật). Required. */
    notClassified: z.literal("true", { message: "Confirm that the document is not classified" }),
  })
  .strict();
export const UploadDto = z.object({ id: z.uuid(), name: z.string(), format: DocumentFormat, size: z.number().int(), sha256: z.string() });
export type UploadDto = z.infer<typeof UploadDto>;
export const UploadEnvelope = z.object({ data: UploadDto });

// ---- metadata ----

const Tag = z.string().trim().min(1).max(Limits.documentTagMax);
/** Số, ký hiệu as printed: letters, digits, and - / . between them, e.g. 15-NQ/TW, 02-HD/BTGTU. */
const NumberSymbol = z
  .string()
  .trim()
  .max(Limits.documentSymbolMax)
  .regex(/^[\p{L}\p{N}]([\p{L}\p{N}./ -]*[\p{L}\p{N}])?$/u, "Letters and digits with - / . between them");

/** An instant with its offset, e.g. 2026-12-15T17:00:00+07:00. */
const FeedbackInstant = z.iso.datetime({ offset: true });

/** What staff enter about a document. `numberSymbol` may be null only for meeting materials and "other". */
export const DocumentMetadata = z.object({
  numberSymbol: NumberSymbol.nullable().default(null),
  type: DocumentType,
  issuingBody: z.string().trim().min(1).max(Limits.documentIssuerMax),
  issuedOn: IsoDate,
  effectiveOn: IsoDate.nullable().default(null),
  summary: z.string().trim().min(1).max(Limits.documentSummaryMax),
  /** Defaults to the publishing unit's level (central for a /TW number). */
  level: DocumentLevel.optional(),
  tags: z.array(Tag).max(Limits.documentTagsMax).default([]),
  /** Only the unit's committee (cấp ủy) sees it, and is notified. */
  committeeOnly: z.boolean().default(false),
  /** A draft for feedback (dự thảo lấy ý kiến): members comment until then (a future instant). None: not a draft. */
  feedbackUntil: FeedbackInstant.nullable().optional(),
  /** Whether members see their cell's other comments on the draft ('all') or only their own (the default). */
  feedbackVisibility: FeedbackVisibility.optional(),
});

const UploadIds = z.array(z.uuid()).min(1).max(Limits.documentFilesMax);

/** POST /api/units/:id/documents: the metadata and 1–20 of the actor's own uploads (newer than 24 h), in order. */
export const CreateDocumentBody = DocumentMetadata.extend({ uploadIds: UploadIds }).strict();
export type CreateDocumentBody = z.infer<typeof CreateDocumentBody>;

/** One file of the new list: a file the document already holds, or a new upload. */
export const FileRef = z.union([z.object({ fileId: z.uuid() }).strict(), z.object({ uploadId: z.uuid() }).strict()]);
export type FileRef = z.infer<typeof FileRef>;

/** PATCH: only the fields sent change; `files`, when sent, is the whole new list in order. */
export const UpdateDocumentBody = z
  .object({
    numberSymbol: NumberSymbol.nullable().optional(),
    type: DocumentType.optional(),
    issuingBody: z.string().trim().min(1).max(Limits.documentIssuerMax).optional(),
    issuedOn: IsoDate.optional(),
    effectiveOn: IsoDate.nullable().optional(),
    summary: z.string().trim().min(1).max(Limits.documentSummaryMax).optional(),
    level: DocumentLevel.optional(),
    tags: z.array(Tag).max(Limits.documentTagsMax).optional(),
    committeeOnly: z.boolean().optional(),
    /** Null ends the draft (refused once it has comments); a new deadline must be in the future. */
    feedbackUntil: FeedbackInstant.nullable().optional(),
    feedbackVisibility: FeedbackVisibility.optional(),
    files: z.array(FileRef).min(1).max(Limits.documentFilesMax).optional(),
  })
  .strict();
export type UpdateDocumentBody = z.infer<typeof UpdateDocumentBody>;

export const WithdrawBody = z.object({ reason: z.string().trim().min(1).max(Limits.reasonMax) }).strict();

// ---- reading ----

export const DocumentFileDto = z.object({
  /** 1-based; the file is GET /api/documents/:id/files/:position. */
  position: z.number().int(),
  fileId: z.uuid(),
  name: z.string(),
  format: DocumentFormat,
  contentType: z.string(),
  size: z.number().int(),
  /** Extraction of its text (search, read-aloud). */
  textStatus: TextStatus,
});
export type DocumentFileDto = z.infer<typeof DocumentFileDto>;

export const DocumentSummaryDto = z.object({
  id: z.uuid(),
  unit: UnitRef,
  numberSymbol: z.string().nullable(),
  type: DocumentType,
  issuingBody: z.string(),
  issuedOn: z.iso.date(),
  effectiveOn: z.iso.date().nullable(),
  summary: z.string(),
  level: DocumentLevel,
  tags: z.array(z.string()),
  committeeOnly: z.boolean(),
  feedbackUntil: z.iso.datetime().nullable(),
  fileCount: z.number().int(),
  /** The signed-in member bookmarked it. */
  bookmarked: z.boolean(),
  withdrawnAt: z.iso.datetime().nullable(),
});
export type DocumentSummaryDto = z.infer<typeof DocumentSummaryDto>;

export const DocumentDto = DocumentSummaryDto.extend({
  feedbackVisibility: FeedbackVisibility,
  files: z.array(DocumentFileDto),
  version: z.number().int(),
  withdrawnReason: z.string().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type DocumentDto = z.infer<typeof DocumentDto>;
export const DocumentEnvelope = z.object({ data: DocumentDto, abilities: Abilities });

/** A snippet as parts, the matching ones to highlight (no HTML to trust). */
const Snippet = z.array(z.object({ text: z.string(), match: z.boolean() }));

/** A row of a list; with `q`, also the highlighted number and summary and a snippet of the text. */
export const DocumentHitDto = DocumentSummaryDto.extend({
  summaryParts: Snippet.optional(),
  snippet: Snippet.optional(),
  rank: z.number().optional(),
});
export type DocumentHitDto = z.infer<typeof DocumentHitDto>;

const Flag = z.enum(["true", "false"]).transform((v) => v === "true");

/**
 * GET /api/documents: what the actor may see. Without `q`, newest first (by issue date); with `q`,
 * diacritic-insensitive and ranked, a matching number/symbol ("15-NQ" for 15-NQ/TW) first.
 */
export const DocumentListQuery = z
  .object({
    q: SearchText.optional(),
    type: DocumentType.optional(),
    level: DocumentLevel.optional(),
    /** Part of the issuing body's name, diacritics ignored. */
    issuer: SearchText.optional(),
    year: z.coerce.number().int().min(1930).max(2200).optional(),
    /** Only documents published by this unit. */
    unitId: z.uuid().optional(),
    bookmarked: Flag.optional(),
    cursor: z.string().max(200).optional(),
    limit: PageLimit,
  })
  .strict();
export type DocumentListQuery = z.infer<typeof DocumentListQuery>;
export const DocumentListEnvelope = z.object({ data: z.array(DocumentHitDto), nextCursor: z.string().nullable() });

/** GET /api/units/:id/documents: the unit's own documents for its staff, withdrawn ones included unless filtered. */
export const DeskQuery = z
  .object({
    status: z.enum(["all", "active", "withdrawn"]).default("all"),
    type: DocumentType.optional(),
    cursor: z.string().max(200).optional(),
    limit: PageLimit,
  })
  .strict();

export const VersionDto = z.object({
  version: z.number().int(),
  metadata: z.object({
    numberSymbol: z.string().nullable(),
    type: DocumentType,
    issuingBody: z.string(),
    issuedOn: z.iso.date(),
    effectiveOn: z.iso.date().nullable(),
    summary: z.string(),
    level: DocumentLevel,
    tags: z.array(z.string()),
    committeeOnly: z.boolean(),
    /** Absent in versions made before drafts for feedback existed. */
    feedbackUntil: z.iso.datetime().nullable().optional(),
    feedbackVisibility: FeedbackVisibility.optional(),
    files: z.array(z.object({ position: z.number().int(), fileId: z.uuid(), name: z.string(), format: DocumentFormat })),
  }),
  changedBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  changedAt: z.iso.datetime(),
});
export type VersionDto = z.infer<typeof VersionDto>;
export const VersionListEnvelope = z.object({ data: z.array(VersionDto) });

export const FilePositionParams = z.object({ id: z.uuid(), position: z.coerce.number().int().min(1).max(Limits.documentFilesMax) }).strict();

/** The extracted text, page by page (sheets and slides count as pages); empty until `status` is done. */
export const FileTextEnvelope = z.object({ data: z.object({ status: TextStatus, pages: z.array(z.string()) }) });
/** A DOCX file as sanitised HTML, for reading on a phone. */
export const PreviewEnvelope = z.object({ data: z.object({ html: z.string() }) });

/** Who opened the document's files (pre-reads): each account once, with its first open and how often. */
export const OpensEnvelope = z.object({
  data: z.object({
    total: z.number().int(),
    opened: z.array(z.object({ accountId: z.uuid(), name: z.string(), firstAt: z.iso.datetime(), days: z.number().int(), count: z.number().int() })),
    /** For a cell's document: its members with an account who have not opened it yet; null for other units. */
    notOpened: z.array(z.object({ accountId: z.uuid(), name: z.string() })).nullable(),
  }),
});

// ---- personal ----

export const NoteBody = z
  .object({
    page: z.number().int().min(1).max(100_000).nullable().default(null),
    body: z.string().trim().min(1).max(Limits.documentNoteMax),
  })
  .strict();
export const UpdateNoteBody = z
  .object({
    page: z.number().int().min(1).max(100_000).nullable().optional(),
    body: z.string().trim().min(1).max(Limits.documentNoteMax).optional(),
  })
  .strict();
export const NoteDto = z.object({ id: z.uuid(), documentId: z.uuid(), page: z.number().int().nullable(), body: z.string(), createdAt: z.iso.datetime(), updatedAt: z.iso.datetime() });
export type NoteDto = z.infer<typeof NoteDto>;
export const NoteEnvelope = z.object({ data: NoteDto });
export const NoteListEnvelope = z.object({ data: z.array(NoteDto) });
