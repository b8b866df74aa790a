import type { ArticleDto, ArticleResponse } from "./api";
import { checkRoomFor, requestPersistence } from "../../app/savedStore";
import { type SavedArticleRecord, type SavedFileRecord, countAllSaved, getSavedFiles, putSaved, savedGeneration } from "./savedStore";

/** Pictures are served by GET /api/files/:id; the sanitiser lets the body use no others. */
const FILE_URL = /^\/api\/files\/[\w-]+$/;

/** Thrown when a picture or an attached file could not be downloaded (no network, server trouble). */
export class FileDownloadError extends Error {
  constructor(readonly url: string) {
    super(`Could not download ${url}`);
    this.name = "FileDownloadError";
  }
}

/** Where an article's attached file is downloaded (GET /api/articles/:id/attachments/:fileId). */
export const attachmentUrl = (articleId: string, fileId: string) => `/api/articles/${articleId}/attachments/${fileId}`;

/** The body's <img src> values that point at this server's files, in order, without repeats. */
export function bodyPictureUrls(bodyHtml: string): string[] {
  if (!bodyHtml.includes("<img")) return [];
  // DOMParser builds an inert document: nothing in it loads or runs.
  const doc = new DOMParser().parseFromString(bodyHtml, "text/html");
  const urls = [...doc.querySelectorAll("img[src]")].map((img) => img.getAttribute("src") ?? "");
  return [...new Set(urls.filter((url) => FILE_URL.test(url)))];
}

/** Every file a saved copy keeps: each width of the cover, the body's pictures, then the attached files. */
export function storedUrls(article: ArticleDto): string[] {
  const cover = article.cover?.variants.map((v) => v.url).filter((url) => FILE_URL.test(url)) ?? [];
  const attachments = article.attachments.map((f) => attachmentUrl(article.id, f.fileId));
  return [...new Set([...cover, ...bodyPictureUrls(article.bodyHtml), ...attachments])];
}

/**
 * What a refresh compares: the article as the server sends it, without the member's own `read` mark,
 * and what a copy keeps (`keeps: "attachments"`: copies made before attached files were kept are
 * stored again, with them, the next time the article is opened online).
 */
export function fingerprintOf(article: ArticleDto): string {
  return JSON.stringify({ ...article, read: false, keeps: "attachments" });
}

/** The body with its pictures pointing at local object URLs (those that are known). */
export function bodyWithLocalPictures(bodyHtml: string, localUrls: ReadonlyMap<string, string>): string {
  if (!bodyHtml.includes("<img") || localUrls.size === 0) return bodyHtml;
  // The stored body is the server's sanitised HTML; only src attributes change here.
  const doc = new DOMParser().parseFromString(bodyHtml, "text/html");
  for (const img of doc.querySelectorAll("img[src]")) {
    const local = localUrls.get(img.getAttribute("src") ?? "");
    if (local) img.setAttribute("src", local);
  }
  return doc.body.innerHTML;
}

async function download(url: string): Promise<Blob | null> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: "same-origin" });
  } catch {
    throw new FileDownloadError(url);
  }
  // A file the server does not have (4xx) is missing online too: saved without it.
  if (response.status >= 400 && response.status < 500) return null;
  if (!response.ok) throw new FileDownloadError(url);
  try {
    return await response.blob();
  } catch {
    throw new FileDownloadError(url);
  }
}

/**
 * Stores the article (GET /api/articles/:id's answer), its pictures and its attached files for the
 * account, replacing an earlier copy. Files already stored with `previous` are kept, the others are
 * downloaded. The first article saved on the device asks for persistent storage.
 * Rejects with FileDownloadError, StorageFullError or StorageUnavailableError; stores nothing then.
 */
export async function saveArticle(accountId: string, response: ArticleResponse, previous: SavedArticleRecord | null): Promise<SavedArticleRecord> {
  const since = savedGeneration();
  const article = response.data;
  const urls = storedUrls(article);
  const have = previous ? await getSavedFiles(accountId, article.id) : new Map<string, Blob>();
  const files: SavedFileRecord[] = [];
  for (const url of urls) {
    const blob = have.get(url) ?? (await download(url));
    if (blob) files.push({ accountId, articleId: article.id, url, blob });
  }
  const json = JSON.stringify(response);
  const size = new Blob([json]).size + files.reduce((sum, f) => sum + f.blob.size, 0);

  // Fail early and clearly when the browser already says it will not fit.
  await checkRoomFor(size);

  const now = new Date().toISOString();
  const record: SavedArticleRecord = {
    accountId,
    articleId: article.id,
    savedAt: previous?.savedAt ?? now,
    copiedAt: now,
    response,
    fingerprint: fingerprintOf(article),
    size,
    files: files.map((f) => f.url),
  };
  const first = previous === null && (await countAllSaved().catch(() => 1)) === 0;
  await putSaved(record, files, since);
  if (first) requestPersistence();
  return record;
}
