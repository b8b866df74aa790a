import type { TFunction } from "i18next";
import type { UnitKind } from "@party/shared/enums";
import { formatDate } from "../../i18n/format";
import { unitKindLabel } from "../org-units/labels";
import type { ArticleSummaryDto } from "./api";

// Keyed by the shared enum: the compiler fails here when a kind is added there.
const KINDS: Record<UnitKind, true> = { province: true, district: true, grassroots: true, subcommittee: true, cell: true };
/** The levels a member can filter the feed by, top down. */
export const UNIT_KINDS = Object.keys(KINDS) as UnitKind[];

export const isUnitKind = (value: string | null): value is UnitKind => value !== null && value in KINDS;

/** "Quận ủy Ba Đình (Cấp huyện/trực thuộc)": the channel and its level. */
export const channelLabel = (t: TFunction, unit: ArticleSummaryDto["unit"]): string =>
  t("news.channel", { name: unit.name, level: unitKindLabel(t, unit.kind) });

/** dd/mm/yyyy of the first publication, or "" for an article not published yet. */
export const publishedDate = (article: Pick<ArticleSummaryDto, "publishedAt">): string => (article.publishedAt ? formatDate(article.publishedAt) : "");

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Whether a value from the address can be an id at all (the API refuses others with 400). */
export const isUuid = (value: string | null | undefined): value is string => typeof value === "string" && UUID.test(value);
