import { definePolicy } from "../../lib/policy";

type FileLike = { kind: "image" | "document" };

/**
 * Files by id. Pictures (covers, pictures in articles) are shown to anyone signed in; a document's
 * file is reached only through the document that holds it, never by its id here.
 */
export const filePolicy = definePolicy<FileLike>()("file", {
  read: (_actor, f) => f.kind === "image",
});

/** Uploading pictures: those who write content (editors), and unit admins and secretaries. */
export const imageUploadPolicy = definePolicy<Record<string, never>>()("image upload", {
  read: () => true,
  upload: (actor) => actor.grants.some((g) => g.role === "editor" || g.role === "unit_admin" || g.role === "secretary" || g.role === "deputy_secretary"),
});
