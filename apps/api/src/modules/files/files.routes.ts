import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { IdParams } from "@party/shared/schemas/common";
import { ImageEnvelope } from "@party/shared/schemas/files";
import { withTransaction } from "../../lib/context";
import { actorOf, metaOf } from "../../lib/http";
import { sendStoredFile } from "../../lib/send-file";
import { authorize } from "../../lib/policy";
import { storeImage } from "./files.commands";
import { filePolicy, imageUploadPolicy } from "./files.policy";
import { presentImage } from "./files.presenter";
import * as filesRepo from "./files.repo";

const tags = ["files"];
const IMAGE_TYPES = /^image\/(jpeg|png|webp|gif|avif|heic|heif)$/;

/** Pictures: upload (the raw bytes as the body, any image/* type) and download by id with Range. */
export const filesRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, env, storage } = app.deps;

  // Raw bytes for image uploads only, limited by IMAGE_MAX_BYTES (413 beyond); JSON stays JSON.
  app.addContentTypeParser(IMAGE_TYPES, { parseAs: "buffer", bodyLimit: env.IMAGE_MAX_BYTES }, (_req, body, done) => done(null, body));

  app.post(
    "/images",
    {
      config: { policy: imageUploadPolicy.name },
      bodyLimit: env.IMAGE_MAX_BYTES,
      schema: {
        tags,
        summary: "Upload a picture (body: the file, Content-Type image/*); kept as WebP in responsive widths, metadata stripped",
        body: z.custom<Buffer>((v) => Buffer.isBuffer(v) && v.length > 0, { message: "Expected the picture's bytes" }),
        response: { 201: ImageEnvelope },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      authorize(imageUploadPolicy, actor, "upload", {});
      const image = await withTransaction(app.deps, actor, metaOf(req), (ctx) => storeImage(ctx, storage, req.body));
      return reply.status(201).send({ data: presentImage(image) });
    },
  );

  app.get(
    "/files/:id",
    { config: { policy: filePolicy.name }, schema: { tags, summary: "A picture's bytes (Range supported)", params: IdParams } },
    async (req, reply) => {
      const file = await filesRepo.findFile(db, req.params.id);
      authorize(filePolicy, actorOf(req), "read", file);
      // Content-addressed: the bytes behind an id never change, so the browser may keep them.
      return sendStoredFile(reply, storage, file, `inline; filename="${file.id}.webp"`, { cache: "private, max-age=31536000, immutable" });
    },
  );
};
