import type { Readable } from "node:stream";
import type { Db } from "../../db/db";
import type { Env } from "../../env";
import type { Actor } from "../../lib/actor";
import { type RequestMeta, withTransaction } from "../../lib/context";
import { AppError } from "../../lib/errors";
import { insertEvent, recordEvent } from "../../lib/events";
import type { JobQueue } from "../../lib/jobs";
import type { Storage } from "../../lib/storage";
import * as filesRepo from "../files/files.repo";
import { findClassificationMark } from "./classification";
import { enqueueExtraction } from "./documents.jobs";
import * as documentsRepo from "./documents.repo";
import { extractText } from "./extract";
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
    await deps.storage.putFile(sha256, tmp, inspection.contentType);
    const name = cleanFileName(rawName, inspection.extension);
    return await withTransaction(deps, actor, meta, async (ctx) => {
      const fileId = await filesRepo.upsertFile(ctx.db, { sha256, size, contentType: inspection.contentType, kind: "document", createdBy: actor.accountId });
      const upload = await documentsRepo.insertUpload(ctx.db, { fileId, name, format: inspection.format, uploadedBy: actor.accountId });
      await enqueueExtraction(ctx, fileId, inspection.format);
      await recordEvent(ctx, {
        name: "documents.file_uploaded",
        unitId: actor.cell?.id ?? actor.grants[0]?.unitId ?? null,
        subjectType: "document_upload",
        subjectId: upload.id,
        data: { sha256, size, format: inspection.format },
      });
      return { upload, file: { sha256, size } };
    });
  } finally {
    await removeTemp(tmp);
  }
}

/**
 * Refuses a file whose first page, headers or properties carry a classification mark (Mật, Tối mật,
 * Tuyệt mật), and one that cannot be read for the check. The refusal is audited on its own, committed
 * at once: the request fails but the attempt stays on record (never the content).
 */
async function classificationGate(db: Db, actor: Actor, meta: RequestMeta, file: string, format: Extract<Inspection, { ok: true }>["format"], facts: { sha256: string; size: number }) {
  let mark: ReturnType<typeof findClassificationMark>;
  try {
    const first = await extractText(file, format, { firstPageOnly: true, maxChars: 50_000 });
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
