import type { Readable } from "node:stream";
import type { Db } from "../../db/db";
import type { DocumentFormat } from "../../db/schema";
import type { Env } from "../../env";
import type { Actor } from "../../lib/actor";
import { type Ctx, type RequestMeta, withTransaction } from "../../lib/context";
import { AppError } from "../../lib/errors";
import { insertEvent, recordEvent } from "../../lib/events";
import type { JobQueue } from "../../lib/jobs";
import type { Storage } from "../../lib/storage";
import * as filesRepo from "../files/files.repo";
import { findClassificationMark } from "./classification";
import { enqueueExtraction } from "./documents.jobs";
import * as documentsRepo from "./documents.repo";
import { extractInChild } from "./extract-child";
import { cleanFileName } from "./file-names";
import { type Inspection, inspectFile } from "./inspect";
import { receiveToFile, removeTemp, tempDirOf, tempPath, tooLarge } from "./receive";

const ACCEPTED = "PDF, DOCX, XLSX, PPTX, ODT, JPEG, PNG or WebP";

/** What each refusal tells the uploader (the PWA translates `details.reason`; this is the English fallback). */
const REFUSALS: Record<Extract<Inspection, { ok: false }>["reason"], string> = {
  executable: `Programs and scripts are not accepted. Upload a ${ACCEPTED} file.`,
  archive: `Archives (ZIP, RAR, 7z…) are not accepted: upload each document as a ${ACCEPTED} file.`,
  macro_enabled: `Office files with macros (DOCM, XLSM, PPTM) are not accepted: save it as DOCX, XLSX or PPTX, or as PDF.`,
  encrypted: `Password-protected files are not accepted: remove the password, or upload a PDF.`,
  unsupported_type: `This kind of file is not accepted. Upload a ${ACCEPTED} file.`,
  empty: "The file is empty.",
};

/** A file whose bytes are in storage under its SHA-256, as an upload records it. */
export interface StoredUpload {
  sha256: string;
  size: number;
  contentType: string;
  format: DocumentFormat;
  /** The cleaned file name, with the extension of its detected format. */
  name: string;
}

export interface UploadDeps {
  db: Db;
  jobs: JobQueue;
  storage: Storage;
  env: Env;
}

/**
 * Receives one document file: streams the body to a temporary file (413 past DOCUMENT_MAX_BYTES),
 * checks its type by content (415 with the reason), refuses a classification mark on its first page,
 * headers or properties (422, recorded as `documents.upload_refused` even though the request fails),
 * then stores it under its SHA-256 (once, however often it is uploaded) and records the upload as the
 * actor's, with its text extraction queued. The temporary file is always removed. The caller has
 * authorized `upload`. Records `documents.file_uploaded`.
 */
export async function acceptUpload(deps: UploadDeps, actor: Actor, meta: RequestMeta, body: Readable, rawName: string, declaredLength: number | undefined) {
  const max = deps.env.DOCUMENT_MAX_BYTES;
  if (declaredLength !== undefined && declaredLength > max) throw tooLarge(max);
  const tmp = await tempPath(tempDirOf(deps.env));
  try {
    const { sha256, size } = await receiveToFile(body, tmp, max);
    const inspection = await inspectFile(tmp);
    if (!inspection.ok) {
      throw new AppError(415, "unsupported_media_type", REFUSALS[inspection.reason], { reason: inspection.reason, accepted: ["pdf", "docx", "xlsx", "pptx", "odt", "jpeg", "png", "webp"] });
    }
    await classificationGate(deps.db, actor, meta, tmp, inspection.format, { sha256, size });
    const name = cleanFileName(rawName, inspection.extension);
    const stored = { sha256, size, contentType: inspection.contentType, format: inspection.format, name };
    const put = () => deps.storage.putFile(sha256, tmp, inspection.contentType);
    await put();
    return await withTransaction(deps, actor, meta, (ctx) => recordUpload(ctx, stored, put));
  } finally {
    await removeTemp(tmp);
  }
}

/**
 * Records a stored file as the actor's upload (a `files` row, created once per SHA-256), with its
 * text extraction queued. `put` stores the bytes; it is called again once the upload row holds the
 * file row, because file housekeeping may have removed the bytes of an unused file with the same
 * content since the caller stored them (a put of bytes already there does nothing).
 * Records `documents.file_uploaded`.
 */
export async function recordUpload(ctx: Ctx, file: StoredUpload, put: () => Promise<void>) {
  const actor = ctx.actor!;
  const { sha256, size, format } = file;
  const fileId = await filesRepo.upsertFile(ctx.db, { sha256, size, contentType: file.contentType, kind: "document", createdBy: actor.accountId });
  const upload = await documentsRepo.insertUpload(ctx.db, { fileId, name: file.name, format, uploadedBy: actor.accountId });
  await put(); // the upload row now holds the file row: housekeeping can no longer remove the bytes
  await enqueueExtraction(ctx, fileId, format);
  await recordEvent(ctx, {
    name: "documents.file_uploaded",
    unitId: actor.cell?.id ?? actor.grants[0]?.unitId ?? null,
    subjectType: "document_upload",
    subjectId: upload.id,
    data: { sha256, size, format },
  });
  return { upload, file: { sha256, size } };
}

/** A first page not read in this long is refused as unreadable (the uploader may try again). */
const GATE_TIMEOUT_MS = 30_000;

/**
 * Refuses a file whose first page, headers or properties carry a classification mark (Mật, Tối mật,
 * Tuyệt mật), and one that cannot be read for the check. The refusal is audited on its own, committed
 * at once: the request fails but the attempt stays on record (never the content).
 */
async function classificationGate(db: Db, actor: Actor, meta: RequestMeta, file: string, format: Extract<Inspection, { ok: true }>["format"], facts: { sha256: string; size: number }) {
  let mark: ReturnType<typeof findClassificationMark>;
  try {
    // In the extraction child, as the job reads files: a crafted file cannot stall or bloat the web process.
    const first = await extractInChild(file, format, { firstPageOnly: true, maxChars: 50_000 }, GATE_TIMEOUT_MS);
    mark = findClassificationMark({ firstPage: first.pages[0] ?? "", headers: first.headers, metadata: first.metadata });
  } catch {
    throw new AppError(422, "validation_failed", "The file could not be read to check it for a classification mark", { reason: "unreadable" });
  }
  if (!mark) return;
  await insertEvent(
    db,
    {
      name: "documents.upload_refused",
      result: "denied",
      actorId: actor.accountId,
      unitId: actor.cell?.id ?? actor.grants[0]?.unitId ?? null,
      subjectType: "document_upload",
      data: { reason: "classified", mark, sha256: facts.sha256, size: facts.size, format },
    },
    meta,
  );
  throw new AppError(422, "validation_failed", "Classified documents (Mật, Tối mật, Tuyệt mật) must not be uploaded", { reason: "classified", mark });
}
