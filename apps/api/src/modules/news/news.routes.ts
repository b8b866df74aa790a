import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { IdParams, OkEnvelope } from "@party/shared/schemas/common";
import { ArticleEnvelope, AttachmentParams, FeedEnvelope, FeedQuery, ReaderStatsEnvelope, SearchEnvelope, SearchQuery } from "@party/shared/schemas/news";
import { subtreesWith } from "../../lib/actor";
import { AppError, NotFoundError, ValidationError } from "../../lib/errors";
import { actorOf } from "../../lib/http";
import { sendStoredFile } from "../../lib/send-file";
import { contentDisposition, INLINE_FORMATS } from "../documents/file-names";
import * as filesRepo from "../files/files.repo";
import { FeedCache, NEWS_CHANGED, NEWS_READ, ReadMarks } from "./feed-cache";
import { articleConfig as config, articleResponse, audiencePaths, loadArticle, tags } from "./news.access";
import { decodeCursor, encodeCursor, presentSummary } from "./news.presenter";
import { articlePolicy } from "./news.policy";
import * as newsRepo from "./news.repo";
import { bestSnippet, highlightAll, queryTerms } from "../../lib/snippets";

/** Reading news: the member's feed, search, an article, its read mark and its readers. */
export const newsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, live, storage } = app.deps;
  const feedCache = new FeedCache();
  const readMarks = new ReadMarks();
  const unsubscribe = live.subscribe((message) => {
    if (message.event === NEWS_CHANGED) feedCache.clear();
    if (message.event === NEWS_READ && typeof message.data?.accountId === "string" && typeof message.data.articleId === "string") {
      readMarks.markRead(message.data.accountId, message.data.articleId);
    }
  });
  app.addHook("onClose", async () => unsubscribe());

  app.get(
    "/news/feed",
    { config, schema: { tags, summary: "The member's feed: their unit's and every unit above's articles, pinned guidance on top", querystring: FeedQuery, response: { 200: FeedEnvelope } } },
    async (req) => {
      const actor = actorOf(req);
      const { cursor, limit, level, categoryId } = req.query;
      const after = cursor ? decodeCursor(cursor) : null;
      if (cursor && !after) throw new ValidationError("Invalid cursor", { cursor: "invalid" });
      const paths = audiencePaths(actor);
      const key = cursor ? null : `${paths.join(" ")}|${limit}|${level ?? ""}|${categoryId ?? ""}`;
      let page = key ? feedCache.get(key) : undefined;
      if (!page) {
        const [rows, pinned] = await Promise.all([
          newsRepo.feed(db, { accountId: actor.accountId, paths, limit, level, categoryId, after: after ? { publishedAt: after.at, id: after.id } : undefined }),
          after || level || categoryId ? Promise.resolve([]) : newsRepo.pinned(db, actor.accountId, paths),
        ]);
        page = { rows, pinned };
        if (key) feedCache.set(key, page);
      } else {
        // From the cache: the read marks are this member's own.
        const ids = [...page.pinned, ...page.rows].map((r) => r.id);
        const read = await readMarks.among(actor.accountId, ids, (unknown) => newsRepo.readAmong(db, actor.accountId, unknown));
        page = { pinned: page.pinned.map((r) => ({ ...r, read: read.has(r.id) })), rows: page.rows.map((r) => ({ ...r, read: read.has(r.id) })) };
      }
      const last = page.rows.at(-1);
      return {
        pinned: page.pinned.map(presentSummary),
        data: page.rows.map(presentSummary),
        nextCursor: page.rows.length === limit && last?.publishedAt ? encodeCursor(last.publishedAt, last.id) : null,
      };
    },
  );

  app.get(
    "/news/search",
    { config, schema: { tags, summary: "Diacritic-insensitive search over the articles the member may see, ranked, with snippets", querystring: SearchQuery, response: { 200: SearchEnvelope } } },
    async (req) => {
      const actor = actorOf(req);
      const { q, limit, offset } = req.query;
      const terms = queryTerms(q);
      if (terms.length === 0) return { data: [], hasMore: false };
      const rows = await newsRepo.search(db, {
        accountId: actor.accountId,
        q,
        above: audiencePaths(actor),
        subtrees: subtreesWith(actor, "secretary", "deputy_secretary", "editor", "approver", "unit_admin", "stats_viewer"),
        limit: limit + 1,
        offset,
      });
      return {
        data: rows.slice(0, limit).map((r) => ({
          ...presentSummary(r),
          titleParts: highlightAll(r.title, terms),
          snippet: bestSnippet(r.bodyText ?? "", r.summary, terms),
          rank: Number(r.rank ?? 0),
        })),
        hasMore: rows.length > limit,
      };
    },
  );

  app.get("/articles/:id", { config, schema: { tags, params: IdParams, response: { 200: ArticleEnvelope } } }, async (req) => {
    const actor = actorOf(req);
    await loadArticle(db, actor, req.params.id, "read");
    return articleResponse(db, actor, req.params.id);
  });

  app.post("/articles/:id/read", { config, schema: { tags, summary: "Mark the article read today (for the read mark and unique readers per day)", params: IdParams, response: { 200: OkEnvelope } } }, async (req) => {
    const actor = actorOf(req);
    const article = await loadArticle(db, actor, req.params.id, "read");
    if (article.status !== "published") throw new AppError(409, "conflict", "Only published articles are read");
    await newsRepo.markRead(db, article.id, actor.accountId);
    readMarks.markRead(actor.accountId, article.id);
    // Other processes' cached marks; no stream hears it (no accounts named).
    await live.publish({ event: NEWS_READ, accountIds: [], data: { accountId: actor.accountId, articleId: article.id } }).catch(() => undefined);
    return { ok: true as const };
  });

  app.get(
    "/articles/:id/attachments/:fileId",
    { config, schema: { tags, summary: "A file attached to the article (Range supported): the published version's, or for the editorial team the working revision's", params: AttachmentParams } },
    async (req, reply) => {
      const actor = actorOf(req);
      const article = await loadArticle(db, actor, req.params.id, "read");
      let file = article.attachments.find((f) => f.fileId === req.params.fileId);
      if (!file && article.workingRevision !== null && articlePolicy.can(actor, "viewHistory", article)) {
        file = (await newsRepo.findRevision(db, article.id, article.workingRevision))?.attachments.find((f) => f.fileId === req.params.fileId);
      }
      const stored = file && (await filesRepo.findFile(db, file.fileId));
      if (!file || !stored) throw new NotFoundError("attachment not found");
      return sendStoredFile(reply, storage, stored, contentDisposition(file.name, INLINE_FORMATS.has(file.format)));
    },
  );

  app.get("/articles/:id/readers", { config, schema: { tags, summary: "Unique readers per day", params: IdParams, response: { 200: ReaderStatsEnvelope } } }, async (req) => {
    const article = await loadArticle(db, actorOf(req), req.params.id, "viewStats");
    return { data: await newsRepo.readerStats(db, article.id) };
  });
};
