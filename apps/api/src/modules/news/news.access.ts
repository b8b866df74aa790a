import type { Db } from "../../db/db";
import type { Actor } from "../../lib/actor";
import { authorize } from "../../lib/policy";
import * as filesRepo from "../files/files.repo";
import * as unitsRepo from "../org-units/org-units.repo";
import { articlePolicy, newsChannelPolicy } from "./news.policy";
import { presentArticle, presentRevision } from "./news.presenter";
import * as newsRepo from "./news.repo";

/** Shared by the news route files: loading with authorisation, and the article as the actor may see it. */

export const tags = ["news"];
export const articleConfig = { policy: articlePolicy.name };
export const channelConfig = { policy: newsChannelPolicy.name };

/** The channels whose articles reach the actor: their cell's and every unit above, and those of their grants and above. */
export { audiencePaths } from "../../lib/actor";

/** The article, if the actor may do `action` with it (404 unreadable, 403 readable but not allowed). */
export async function loadArticle(db: Db, actor: Actor, id: string, action: (typeof articlePolicy.actions)[number], forUpdate = false) {
  const article = await newsRepo.findArticle(db, id, { forUpdate });
  authorize(articlePolicy, actor, action, article);
  return article;
}

/** The unit as a news channel, if the actor may do `action` with it. */
export async function loadChannel(db: Db, actor: Actor, id: string, action: (typeof newsChannelPolicy.actions)[number]) {
  const unit = await unitsRepo.findById(db, id);
  authorize(newsChannelPolicy, actor, action, unit);
  return unit;
}

/** The article as the actor may see it: the working revision only for the editorial team. The caller has authorized `read`. */
export async function articleResponse(database: Db, actor: Actor, id: string) {
  const article = (await newsRepo.findArticle(database, id))!;
  const [units, category, read, working] = await Promise.all([
    unitsRepo.findByIds(database, [article.unitId, article.originUnitId]),
    article.categoryId ? newsRepo.findCategory(database, article.categoryId) : Promise.resolve(undefined),
    newsRepo.hasRead(database, article.id, actor.accountId),
    article.workingRevision !== null && articlePolicy.can(actor, "viewHistory", article)
      ? newsRepo.findRevision(database, article.id, article.workingRevision)
      : Promise.resolve(undefined),
  ]);
  const unit = units.find((u) => u.id === article.unitId)!;
  const origin = units.find((u) => u.id === article.originUnitId)!;
  const images = await filesRepo.findImages(database, [article.coverImageId, working?.coverImageId].filter((x): x is string => !!x));
  const image = (imageId: string | null | undefined) => images.find((i) => i.id === imageId) ?? null;
  return {
    data: presentArticle(article, {
      unit,
      origin,
      category: category ? { id: category.id, name: category.name } : null,
      read,
      working: working ? presentRevision(working, image(working.coverImageId)) : null,
      cover: image(article.coverImageId),
    }),
    abilities: articlePolicy.serialize(actor, article),
  };
}
