import { createHash, randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import fs from "node:fs/promises";
import path from "node:path";
import { type Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { DEFAULT_DATA_DIR, type Env } from "../../env";
import { AppError } from "../../lib/errors";

/** Where uploads and files read back from storage wait while they are checked: DATA_DIR/tmp. */
export const tempDirOf = (env: Pick<Env, "DATA_DIR">): string => path.join(env.DATA_DIR ?? DEFAULT_DATA_DIR, "tmp");

/** A new, unused path in the temporary folder (created if needed); the name is random, never the client's. */
export async function tempPath(dir: string, suffix = "upload"): Promise<string> {
  await fs.mkdir(dir, { recursive: true });
  return path.join(dir, `${randomUUID()}.${suffix}`);
}

export const tooLarge = (max: number) =>
  // The client may still be sending: the connection closes after the answer (as Fastify does for its own limit).
  new AppError(413, "payload_too_large", `The file is larger than ${Math.floor(max / (1024 * 1024))} MB`, { maxBytes: max }, { connection: "close" });

/**
 * Streams `source` (the request body) into a new file at `target`, hashing and counting as it goes,
 * never holding more than a few chunks in memory. Past `max` bytes it stops at once with 413 and the
 * rest of the body is left unread; the caller deletes `target` in every case it does not keep it.
 */
export async function receiveToFile(source: Readable, target: string, max: number): Promise<{ sha256: string; size: number }> {
  const hash = createHash("sha256");
  let size = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      size += chunk.length;
      if (size > max) return callback(tooLarge(max));
      hash.update(chunk);
      callback(null, chunk);
    },
  });
  // The request is piped rather than put in the pipeline: pipeline() would destroy it on error, and
  // destroying a request destroys its socket, so the client would never see the 413.
  const interrupted = () => {
    if (!source.readableEnded) counter.destroy(new AppError(400, "validation_failed", "The upload was interrupted"));
  };
  source.once("error", interrupted);
  source.once("close", interrupted);
  source.pipe(counter);
  const file = createWriteStream(target, { flags: "wx" });
  try {
    await pipeline(counter, file);
  } finally {
    source.unpipe(counter);
    source.off("error", interrupted);
    source.off("close", interrupted);
    // pipeline() settles on the first error, while the file may still be opening: the caller's
    // removal must come after the file exists (or never will), or a temporary file stays behind.
    if (!file.closed) await once(file, "close");
  }
  return { sha256: hash.digest("hex"), size };
}

/** Removes a temporary file; one already gone is fine. */
export const removeTemp = (file: string): Promise<void> => fs.rm(file, { force: true });
