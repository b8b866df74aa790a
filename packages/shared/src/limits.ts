/** Limits shared by the API's validation and the web app's forms. */
export const Limits = {
  nameMax: 200,
  searchMax: 100,
  passwordMin: 8,
  passwordMax: 128,
  identifierMax: 254,
  pageSizeMax: 100,
  pageSizeDefault: 25,
  activationCodeLength: 8,
  jsonBodyBytes: 1024 * 1024,
  notificationTitleMax: 200,
  notificationBodyMax: 2000,
  articleTitleMax: 300,
  articleSummaryMax: 1000,
  /** Sanitised HTML of one article body. */
  articleBodyMax: 200_000,
  articleTagMax: 50,
  articleTagsMax: 20,
  articleSourceMax: 300,
  /** Files attached to one article (uploaded like documents' files). */
  articleAttachmentsMax: 10,
  reasonMax: 1000,
  categoryNameMax: 100,
  documentSymbolMax: 60,
  documentIssuerMax: 300,
  documentSummaryMax: 2000,
  documentTagMax: 50,
  documentTagsMax: 20,
  /** Files in one document. */
  documentFilesMax: 20,
  /** A file's name as shown and as downloaded. */
  documentFileNameMax: 200,
  documentNoteMax: 5000,
} as const;

/** Drafts for feedback (dự thảo lấy ý kiến): the lengths of a comment's parts and of an answer. */
export const FeedbackLimits = {
  sectionMax: 200,
  quoteMax: 2000,
  bodyMax: 5000,
  replyMax: 5000,
  pageMax: 100_000,
  /** Comments one member may leave on one draft. */
  commentsPerMember: 100,
} as const;
