import { Readable } from "node:stream";
import { UploadEnvelope, UploadQuery } from "@party/shared/schemas/documents";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf, metaOf } from "../../lib/http";
import { authorize } from "../../lib/policy";
import { tags } from "./documents.access";
import { documentUploadPolicy } from "./documents.policy";
import { presentUpload } from "./documents.presenter";
import { acceptUpload } from "./uploads.commands";

/**
 * Uploading a document file: the raw bytes as the body, whatever Content-Type the browser gives
 * (the type is found from the content). Only in this plugin, every body reaches the handler as the
 * request stream, unread: Fastify would otherwise buffer it (and apply the JSON body limit).
 */
export const documentsUploadRoutes: FastifyPluginAsyncZod = async (app) => {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser("*", (_req, payload, done) => done(null, payload));

  app.post(
    "/documents/uploads",
    {
      config: { policy: documentUploadPolicy.name },
      schema: {
        tags,
        summary: "Upload a document file (body: the file's bytes); checked by content, refused if classified; attach it to a document within 24 hours",
        querystring: UploadQuery,
        body: z.custom<Readable>((v) => v instanceof Readable, { message: "Expected the file's bytes as the body" }),
        response: { 201: UploadEnvelope },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      authorize(documentUploadPolicy, actor, "upload", {});
      const declared = req.headers["content-length"] === undefined ? undefined : Number(req.headers["content-length"]);
      const { upload, file } = await acceptUpload(app.deps, actor, metaOf(req), req.body, req.query.name, declared);
      return reply.status(201).send({ data: presentUpload(upload, file) });
    },
  );
};
