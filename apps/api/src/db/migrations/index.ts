import type { Migration } from "kysely";
import * as m202611271800 from "./202611271800_create_foundation";
import * as m202611271900 from "./202611271900_create_notifications";
import * as m202611280900 from "./202611280900_create_push_subscriptions";
import * as m202611281000 from "./202611281000_create_news";
import * as m202611281100 from "./202611281100_create_files";
import * as m202611281200 from "./202611281200_add_article_search_head";
import * as m202611281300 from "./202611281300_notify_auth_changes";
import * as m202611290900 from "./202611290900_create_documents";
import * as m202611291100 from "./202611291100_create_feedback";
import * as m202611291200 from "./202611291200_add_article_attachments";
import * as m202611301000 from "./202611301000_add_feedback_idempotency";

/** Every migration, in order. A test checks that each file in this folder is listed here. */
export const migrations: Record<string, Migration> = {
  "202611271800_create_foundation": m202611271800,
  "202611271900_create_notifications": m202611271900,
  "202611280900_create_push_subscriptions": m202611280900,
  "202611281000_create_news": m202611281000,
  "202611281100_create_files": m202611281100,
  "202611281200_add_article_search_head": m202611281200,
  "202611281300_notify_auth_changes": m202611281300,
  "202611290900_create_documents": m202611290900,
  "202611291100_create_feedback": m202611291100,
  "202611291200_add_article_attachments": m202611291200,
  "202611301000_add_feedback_idempotency": m202611301000,
};
