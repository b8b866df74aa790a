import type { ColumnType, Generated } from "kysely";

/**
 * Table types for Kysely, in camelCase (CamelCasePlugin maps them to snake_case columns).
 * Kept by hand next to the migrations: a change to a migration changes this file in the same commit.
 */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** `date` columns arrive as yyyy-mm-dd strings (see the type parser in db.ts). */
type DateString = ColumnType<string, string, string>;

export interface OrgUnits {
  id: Generated<string>;
  seq: Generated<string>;
  parentId: string | null;
  kind: string;
  code: string;
  name: string;
  path: Generated<string>;
  status: Generated<string>;
  validFrom: ColumnType<string, string | undefined, string>;
  validTo: DateString | null;
  replacedById: string | null;
  createdAt: GeneratedTimestamp;
}

export interface Members {
  id: Generated<string>;
  fullName: string;
  nameSortKey: string;
  sex: string;
  dateOfBirth: DateString | null;
  phone: string | null;
  email: string | null;
  partyCardNumber: string | null;
  admittedOn: DateString | null;
  fullMemberOn: DateString | null;
  status: string;
  cellId: string;
  unitPath: string;
  createdAt: GeneratedTimestamp;
  updatedAt: GeneratedTimestamp;
}

export interface Accounts {
  id: Generated<string>;
  memberId: string | null;
  homeUnitId: string | null;
  displayName: string;
  status: Generated<string>;
  passwordHash: string | null;
  passwordChangedAt: Timestamp | null;
  activatedAt: Timestamp | null;
  totpSecret: string | null;
  totpEnabledAt: Timestamp | null;
  totpLastStep: ColumnType<string | null, number | string | null, number | string | null>;
  failedLogins: Generated<number>;
  lockedUntil: Timestamp | null;
  language: Generated<string>;
  largeText: Generated<boolean>;
  createdAt: GeneratedTimestamp;
}

export interface AccountIdentifiers {
  kind: string;
  value: string;
  accountId: string;
}

export interface ActivationCodes {
  id: Generated<string>;
  accountId: string;
  codeHash: string;
  issuedBy: string | null;
  issuedAt: GeneratedTimestamp;
  expiresAt: Timestamp;
  usedAt: Timestamp | null;
  attempts: Generated<number>;
}

export interface RoleGrants {
  id: Generated<string>;
  accountId: string;
  unitId: string;
  role: string;
  grantedBy: string | null;
  grantedAt: GeneratedTimestamp;
  revokedBy: string | null;
  revokedAt: Timestamp | null;
}

export interface Sessions {
  id: string;
  accountId: string;
  csrfToken: string;
  mfa: string;
  staff: boolean;
  createdAt: GeneratedTimestamp;
  lastSeenAt: GeneratedTimestamp;
  idleExpiresAt: Timestamp;
  absoluteExpiresAt: Timestamp;
  revokedAt: Timestamp | null;
  ip: string | null;
  userAgent: string | null;
}

export interface Events {
  id: Generated<string>;
  occurredAt: GeneratedTimestamp;
  name: string;
  result: Generated<string>;
  actorId: string | null;
  unitId: string | null;
  unitPath: string | null;
  subjectType: string | null;
  subjectId: string | null;
  ip: string | null;
  requestId: string | null;
  data: ColumnType<Record<string, unknown>, string | undefined, never>;
}

export interface Notifications {
  id: Generated<string>;
  accountId: string;
  type: string;
  title: string;
  body: Generated<string>;
  link: string | null;
  subjectType: string | null;
  subjectId: string | null;
  createdAt: GeneratedTimestamp;
  readAt: Timestamp | null;
  dedupeKey: string;
  pushedAt: Timestamp | null;
}

export interface AppSettings {
  key: string;
  value: unknown;
  createdAt: GeneratedTimestamp;
}

export interface PushSubscriptions {
  id: Generated<string>;
  accountId: string;
  sessionId: string | null;
  endpoint: string;
  p256dh: string;
  auth: string;
  userAgent: string | null;
  createdAt: GeneratedTimestamp;
  lastSuccessAt: Timestamp | null;
  failures: Generated<number>;
}

export interface NotificationPreferences {
  accountId: string;
  pushMutedTypes: Generated<string[]>;
  /** `HH:MM:SS` as PostgreSQL returns a `time`. */
  quietStart: string | null;
  quietEnd: string | null;
  updatedAt: GeneratedTimestamp;
}

export interface NewsCategories {
  id: Generated<string>;
  unitId: string;
  name: string;
  position: Generated<number>;
  archivedAt: Timestamp | null;
  createdAt: GeneratedTimestamp;
}

export type ArticleStatus = "draft" | "submitted" | "returned" | "declined" | "scheduled" | "published" | "unpublished";
export type RevisionState = "draft" | "submitted" | "returned" | "declined" | "approved" | "superseded";

export interface Articles {
  id: Generated<string>;
  unitId: string;
  unitPath: string;
  originUnitId: string;
  status: ArticleStatus;
  title: Generated<string>;
  summary: Generated<string>;
  bodyHtml: Generated<string>;
  bodyText: Generated<string>;
  categoryId: string | null;
  tags: Generated<string[]>;
  sourceLine: Generated<string>;
  publishedRevision: number | null;
  workingRevision: number | null;
  publishedAt: Timestamp | null;
  publishAt: Timestamp | null;
  unpublishAt: Timestamp | null;
  isGuidance: Generated<boolean>;
  pinnedUntil: Timestamp | null;
  statusReason: string | null;
  createdBy: string | null;
  createdAt: GeneratedTimestamp;
  updatedAt: GeneratedTimestamp;
  /** Generated by PostgreSQL; never written. */
  search: ColumnType<string, never, never>;
  /** Title and summary only, for ranking (generated). */
  searchHead: ColumnType<string, never, never>;
  coverImageId: string | null;
  coverAlt: Generated<string>;
  /** In order; written as JSON text. */
  attachments: ColumnType<ArticleAttachment[], string | undefined, string>;
}

export interface ArticleRevisions {
  articleId: string;
  number: number;
  state: RevisionState;
  title: string;
  summary: Generated<string>;
  bodyHtml: Generated<string>;
  bodyText: Generated<string>;
  categoryId: string | null;
  tags: Generated<string[]>;
  sourceLine: Generated<string>;
  restoredFrom: number | null;
  createdBy: string | null;
  createdAt: GeneratedTimestamp;
  updatedBy: string | null;
  updatedAt: GeneratedTimestamp;
  submittedBy: string | null;
  submittedAt: Timestamp | null;
  reviewedBy: string | null;
  reviewedAt: Timestamp | null;
  reviewReason: string | null;
  coverImageId: string | null;
  coverAlt: Generated<string>;
  /** In order; written as JSON text. */
  attachments: ColumnType<ArticleAttachment[], string | undefined, string>;
}

export interface Files {
  id: Generated<string>;
  sha256: string;
  size: ColumnType<number, number, number>;
  contentType: string;
  kind: "image" | "document";
  createdBy: string | null;
  createdAt: GeneratedTimestamp;
}

/** A file attached to an article (a document file: checked and stored like a document's). */
export interface ArticleAttachment {
  fileId: string;
  name: string;
  format: string;
  size: number;
}

export interface ImageVariant {
  fileId: string;
  width: number;
  height: number;
}

export interface Images {
  id: Generated<string>;
  width: number;
  height: number;
  variants: ColumnType<ImageVariant[], string, string>;
  createdBy: string | null;
  createdAt: GeneratedTimestamp;
}

export interface ArticleReads {
  articleId: string;
  accountId: string;
  readOn: ColumnType<string, string, string>;
  firstReadAt: GeneratedTimestamp;
}

export type DocumentType = "resolution" | "directive" | "conclusion" | "regulation" | "decision" | "guidance" | "notice" | "plan" | "report" | "meeting_material" | "other";
export type DocumentLevel = "central" | "province" | "district" | "grassroots" | "cell";
export type DocumentFormat = "pdf" | "docx" | "xlsx" | "pptx" | "odt" | "jpeg" | "png" | "webp";

export interface Documents {
  id: Generated<string>;
  unitId: string;
  unitPath: string;
  numberSymbol: string | null;
  /** Folded number and symbol, letters and digits only (generated). */
  symbolKey: ColumnType<string | null, never, never>;
  type: DocumentType;
  issuingBody: string;
  issuedOn: DateString;
  effectiveOn: DateString | null;
  summary: string;
  level: DocumentLevel;
  tags: Generated<string[]>;
  committeeOnly: Generated<boolean>;
  feedbackUntil: Timestamp | null;
  /** Who sees a draft's comments besides their authors and the committees (202611291100). */
  feedbackVisibility: Generated<FeedbackVisibility>;
  contentText: Generated<string>;
  version: Generated<number>;
  createdBy: string | null;
  updatedBy: string | null;
  createdAt: GeneratedTimestamp;
  updatedAt: GeneratedTimestamp;
  withdrawnAt: Timestamp | null;
  withdrawnBy: string | null;
  withdrawnReason: string | null;
  /** Generated by PostgreSQL; never written. */
  search: ColumnType<string, never, never>;
  /** Number, summary, issuing body and tags only, for ranking (generated). */
  searchHead: ColumnType<string, never, never>;
}

export interface DocumentVersions {
  documentId: string;
  version: number;
  metadata: ColumnType<Record<string, unknown>, string, string>;
  changedBy: string | null;
  changedAt: GeneratedTimestamp;
}

export interface DocumentFiles {
  documentId: string;
  position: number;
  fileId: string;
  name: string;
  format: DocumentFormat;
}

export interface FileTexts {
  fileId: string;
  status: Generated<"pending" | "done" | "failed">;
  pages: ColumnType<string[], string | undefined, string>;
  metadata: ColumnType<Record<string, string>, string | undefined, string>;
  error: string | null;
  attempts: Generated<number>;
  extractedAt: Timestamp | null;
  createdAt: GeneratedTimestamp;
}

export interface DocumentUploads {
  id: Generated<string>;
  fileId: string;
  name: string;
  format: DocumentFormat;
  uploadedBy: string;
  createdAt: GeneratedTimestamp;
  documentId: string | null;
  attachedAt: Timestamp | null;
}

export interface DocumentBookmarks {
  accountId: string;
  documentId: string;
  createdAt: GeneratedTimestamp;
}

export interface DocumentNotes {
  id: Generated<string>;
  accountId: string;
  documentId: string;
  page: number | null;
  body: string;
  createdAt: GeneratedTimestamp;
  updatedAt: GeneratedTimestamp;
}

export interface DocumentOpens {
  documentId: string;
  accountId: string;
  day: DateString;
  firstAt: GeneratedTimestamp;
  count: Generated<number>;
}

export type FeedbackVisibility = "own" | "all";
export type FeedbackStatus = "pending" | "accepted" | "rejected" | "noted";
export type FeedbackGeneration = "none" | "queued" | "done" | "failed";

export interface FeedbackCounts {
  total: number;
  commenters: number;
  units: number;
  byStatus: Record<FeedbackStatus, number>;
}

export interface FeedbackComments {
  id: Generated<string>;
  documentId: string;
  accountId: string;
  unitId: string;
  unitPath: string;
  section: string | null;
  sectionKey: string | null;
  page: number | null;
  quote: string | null;
  body: string;
  status: Generated<FeedbackStatus>;
  reply: string | null;
  repliedBy: string | null;
  repliedAt: Timestamp | null;
  createdAt: GeneratedTimestamp;
  updatedAt: GeneratedTimestamp;
  deletedAt: Timestamp | null;
  /** The client's Idempotency-Key of the POST that made it (unique per author). */
  idempotencyKey: string | null;
}

export interface FeedbackSummaries {
  id: Generated<string>;
  documentId: string;
  unitId: string;
  status: Generated<"draft" | "forwarded">;
  generation: Generated<FeedbackGeneration>;
  requestedAt: Timestamp | null;
  requestedBy: string | null;
  generationError: string | null;
  counts: ColumnType<FeedbackCounts, string | undefined, string>;
  fingerprint: string | null;
  docxFileId: string | null;
  xlsxFileId: string | null;
  generatedAt: Timestamp | null;
  generatedBy: string | null;
  forwardedAt: Timestamp | null;
  forwardedBy: string | null;
  createdAt: GeneratedTimestamp;
  updatedAt: GeneratedTimestamp;
}

export interface DB {
  orgUnits: OrgUnits;
  members: Members;
  accounts: Accounts;
  accountIdentifiers: AccountIdentifiers;
  activationCodes: ActivationCodes;
  roleGrants: RoleGrants;
  sessions: Sessions;
  events: Events;
  notifications: Notifications;
  appSettings: AppSettings;
  pushSubscriptions: PushSubscriptions;
  notificationPreferences: NotificationPreferences;
  newsCategories: NewsCategories;
  articles: Articles;
  articleRevisions: ArticleRevisions;
  articleReads: ArticleReads;
  files: Files;
  images: Images;
  documents: Documents;
  documentVersions: DocumentVersions;
  documentFiles: DocumentFiles;
  fileTexts: FileTexts;
  documentUploads: DocumentUploads;
  documentBookmarks: DocumentBookmarks;
  documentNotes: DocumentNotes;
  documentOpens: DocumentOpens;
  feedbackComments: FeedbackComments;
  feedbackSummaries: FeedbackSummaries;
}
