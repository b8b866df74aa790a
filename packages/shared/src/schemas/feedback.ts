import { z } from "zod";
import { UnitKind } from "../enums";
import { FeedbackLimits } from "../limits";
import { Abilities, PageLimit } from "./common";

/**
 * Drafts for feedback (dự thảo lấy ý kiến): a document with `feedbackUntil` set takes members'
 * comments until then; committees answer them, summarise their unit's feedback and forward it up.
 * Status labels (web i18n and the generated files): pending Chưa trả lời, accepted Tiếp thu,
 * rejected Không tiếp thu, noted Ghi nhận.
 */

// In limits.ts (no zod there), so the web app's forms read them without loading the schemas.
export { FeedbackLimits };

/** 'own': a member sees only their own comments (default); 'all': also those of the rest of their cell. */
export const FeedbackVisibility = z.enum(["own", "all"]);
export type FeedbackVisibility = z.infer<typeof FeedbackVisibility>;

export const FeedbackStatus = z.enum(["pending", "accepted", "rejected", "noted"]);
export type FeedbackStatus = z.infer<typeof FeedbackStatus>;
/** What a reply marks a comment: tiếp thu, không tiếp thu, ghi nhận. */
export const ReplyStatus = z.enum(["accepted", "rejected", "noted"]);

export const SummaryStatus = z.enum(["draft", "forwarded"]);
export const SummaryFormat = z.enum(["docx", "xlsx"]);
export type SummaryFormat = z.infer<typeof SummaryFormat>;

/** Runs of spaces and line breaks become one space: "Điều  3" and "Điều 3" are the same section. */
const oneLine = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .transform((s) => s.replace(/\s+/g, " "));

const Section = oneLine(FeedbackLimits.sectionMax);
const Page = z.number().int().min(1).max(FeedbackLimits.pageMax);
const Quote = z.string().trim().min(1).max(FeedbackLimits.quoteMax);
const Body = z.string().trim().min(1).max(FeedbackLimits.bodyMax);

/** POST /api/documents/:id/comments: on the whole draft, or on a section, a page and/or a quoted passage. */
export const CreateCommentBody = z
  .object({
    section: Section.nullable().default(null),
    page: Page.nullable().default(null),
    quote: Quote.nullable().default(null),
    body: Body,
  })
  .strict();
export type CreateCommentBody = z.infer<typeof CreateCommentBody>;

/** PATCH /api/documents/comments/:id: only the fields sent change. */
export const UpdateCommentBody = z
  .object({
    section: Section.nullable().optional(),
    page: Page.nullable().optional(),
    quote: Quote.nullable().optional(),
    body: Body.optional(),
  })
  .strict()
  .refine((b) => Object.values(b).some((v) => v !== undefined), "Nothing to change");
export type UpdateCommentBody = z.infer<typeof UpdateCommentBody>;

/** POST /api/documents/comments/:id/reply: the committee's answer; sent again, it replaces the previous one. */
export const ReplyBody = z
  .object({
    status: ReplyStatus,
    reply: z.string().trim().min(1).max(FeedbackLimits.replyMax).nullable().default(null),
  })
  .strict();
export type ReplyBody = z.infer<typeof ReplyBody>;

const Flag = z.enum(["true", "false"]).transform((v) => v === "true");

/** GET /api/documents/:id/comments: what the actor may see, oldest first; filters narrow it. */
export const CommentListQuery = z
  .object({
    /** Only the actor's own comments. */
    mine: Flag.optional(),
    status: FeedbackStatus.optional(),
    /** Only comments of members of this unit's subtree. */
    unitId: z.uuid().optional(),
    /** Only comments on this section (spacing and case ignored); "" for comments on the whole draft. */
    section: z.string().trim().max(FeedbackLimits.sectionMax).optional(),
    cursor: z.string().max(200).optional(),
    limit: PageLimit,
  })
  .strict();
export type CommentListQuery = z.infer<typeof CommentListQuery>;

const UnitRef = z.object({ id: z.uuid(), name: z.string(), kind: UnitKind });
const PersonRef = z.object({ id: z.uuid(), name: z.string() });

/** The draft's feedback settings as the actor sees them; `abilities.comment` is false once closed. */
export const DraftDto = z.object({
  documentId: z.uuid(),
  feedbackUntil: z.iso.datetime(),
  /** Comments are taken until feedbackUntil. */
  open: z.boolean(),
  visibility: FeedbackVisibility,
  abilities: Abilities,
});
export type DraftDto = z.infer<typeof DraftDto>;

export const CommentDto = z.object({
  id: z.uuid(),
  documentId: z.uuid(),
  /** The commenter's cell when they commented. */
  unit: UnitRef,
  /** Shown to the author and to committees; null on a fellow member's comment (visibility 'all'). */
  author: PersonRef.nullable(),
  mine: z.boolean(),
  section: z.string().nullable(),
  page: z.number().int().nullable(),
  quote: z.string().nullable(),
  body: z.string(),
  status: FeedbackStatus,
  reply: z.string().nullable(),
  repliedBy: PersonRef.nullable(),
  repliedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type CommentDto = z.infer<typeof CommentDto>;
export const CommentEnvelope = z.object({ data: CommentDto, abilities: Abilities });
export const CommentListEnvelope = z.object({
  data: z.array(CommentDto),
  abilities: z.record(z.uuid(), Abilities),
  nextCursor: z.string().nullable(),
  draft: DraftDto,
});

export const FeedbackCountsDto = z.object({
  total: z.number().int(),
  /** Distinct members who commented. */
  commenters: z.number().int(),
  /** Cells the comments come from. */
  units: z.number().int(),
  byStatus: z.object({ pending: z.number().int(), accepted: z.number().int(), rejected: z.number().int(), noted: z.number().int() }),
});
export type FeedbackCountsDto = z.infer<typeof FeedbackCountsDto>;

/** The files: none yet, queued (being made), done, failed (retried by the server). */
export const SummaryGeneration = z.enum(["none", "queued", "done", "failed"]);

export const SummaryDto = z.object({
  unit: UnitRef,
  status: SummaryStatus,
  generation: SummaryGeneration,
  requestedAt: z.iso.datetime().nullable(),
  /** What the generated files hold. */
  counts: FeedbackCountsDto,
  /** When the files' comments were read. */
  generatedAt: z.iso.datetime().nullable(),
  /** A draft summary whose comments changed since (answered, edited, or more forwarded from below): generate it again before forwarding. */
  outdated: z.boolean(),
  forwardedAt: z.iso.datetime().nullable(),
  forwardedBy: PersonRef.nullable(),
  /** Download with GET /api/units/:unitId/documents/:id/feedback/summary/:format. */
  formats: z.array(SummaryFormat),
});
export type SummaryDto = z.infer<typeof SummaryDto>;
export const SummaryEnvelope = z.object({ data: SummaryDto, abilities: Abilities });

/** GET /api/documents/:id/feedback: one unit's view; by default the highest unit the actor answers for. */
export const FeedbackOverviewQuery = z.object({ unitId: z.uuid().optional() }).strict();

export const FeedbackOverviewDto = z.object({
  draft: DraftDto,
  unit: UnitRef,
  /** Every unit of the draft's subtree the actor answers for (to switch the view). */
  reviewUnits: z.array(UnitRef),
  /** The comments the unit's summary holds: its own members' and those forwarded from below. */
  counts: FeedbackCountsDto,
  /** The same by section; section null is "Ý kiến chung" (the whole draft). */
  bySection: z.array(z.object({ section: z.string().nullable(), total: z.number().int(), pending: z.number().int() })),
  /** Each unit directly below with comments in its subtree (whether forwarded or not) or a summary. */
  units: z.array(z.object({ unit: UnitRef, total: z.number().int(), pending: z.number().int(), summary: SummaryDto.nullable() })),
  /** Summaries forwarded to this unit by the units directly below. */
  received: z.array(SummaryDto),
  /** This unit's own summary, once generated. */
  summary: SummaryDto.nullable(),
});
export type FeedbackOverviewDto = z.infer<typeof FeedbackOverviewDto>;
export const FeedbackOverviewEnvelope = z.object({ data: FeedbackOverviewDto, abilities: Abilities });

export const UnitDocumentParams = z.object({ unitId: z.uuid(), id: z.uuid() }).strict();
export const SummaryFileParams = z.object({ unitId: z.uuid(), id: z.uuid(), format: SummaryFormat }).strict();
