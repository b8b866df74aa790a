import type { FastifyReply } from "fastify";
import { AppError } from "./errors";
import { parseRange } from "./http";
import type { Storage } from "./storage";

/**
 * Answers with a stored file's bytes (the caller has authorized it): one Range (206, or 416 when
 * unsatisfiable), the detected content type (never the client's), `Content-Disposition` as given,
 * nosniff, and the SHA-256 as ETag. `onWhole` runs when the whole file or its first range is sent,
 * for counting opens (a PDF viewer reads many ranges). 503 when storage cannot be read.
 */
export async function sendStoredFile(
  reply: FastifyReply,
  storage: Storage,
  file: { sha256: string; size: number | string; contentType: string },
  disposition: string,
  options: { cache?: string; onWhole?: () => Promise<void> } = {},
) {
  const size = Number(file.size);
  const range = parseRange(reply.request.headers.range, size);
  if (range === "unsatisfiable") {
    return reply.status(416).header("content-range", `bytes */${size}`).send({ error: { code: "validation_failed", message: "Range not satisfiable" } });
  }
  const body = await storage.read(file.sha256, range ?? undefined).catch(() => {
    throw new AppError(503, "service_unavailable", "The file could not be read from storage");
  });
  if (reply.request.method === "GET" && (!range || range.start === 0)) await options.onWhole?.();
  reply
    .header("content-type", file.contentType)
    .header("content-disposition", disposition)
    .header("x-content-type-options", "nosniff")
    .header("accept-ranges", "bytes")
    .header("etag", `"${file.sha256}"`);
  if (options.cache) reply.header("cache-control", options.cache);
  if (range) reply.status(206).header("content-range", `bytes ${range.start}-${range.end}/${size}`).header("content-length", range.end - range.start + 1);
  else reply.header("content-length", size);
  return reply.send(body);
}
