import { extractText } from "./extract";
import type { ChildAnswer, ChildRequest, ChildResult } from "./extract-child";

/** The extraction child of extract-child.ts: reads the files it is sent, answers each, ends with its parent. */
process.on("message", (request: ChildRequest) => {
  const answer = (value: ChildResult) => process.send!({ ...value, id: request.id, rss: process.memoryUsage.rss() } satisfies ChildAnswer);
  extractText(request.filePath, request.format, request.options).then(
    (text) => answer({ ok: true, text }),
    (error: unknown) => answer({ ok: false, message: error instanceof Error ? error.message : String(error) }),
  );
});
process.on("disconnect", () => process.exit(0));
