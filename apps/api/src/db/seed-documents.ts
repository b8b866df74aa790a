import { foldVietnamese } from "@party/shared";
import { sql } from "kysely";
import type { Db } from "./db";
import { DOCUMENTS_ABOVE } from "./demo/documents-above";
import { DOCUMENTS_BELOW } from "./demo/documents-below";
import type { DemoDocument, DemoUnitKey } from "./demo/types";
import { seedDemoDrafts } from "./seed-feedback";
import { assetFile, type DemoDeps, type DemoFile, type DemoMetadata, demoPublisher, docxOf, letterDocx, vnDateDaysAgo } from "./seed-publisher";

export type { DemoDeps } from "./seed-publisher";

/** "nghi-quyet-05-nq-tu.docx": the summary's first two words (the type) and the number, or its first six words. */
function fileName(doc: DemoDocument): string {
  const words = doc.summary.split(/\s+/);
  const stem = doc.numberSymbol ? `${words.slice(0, 2).join(" ")} ${doc.numberSymbol}` : words.slice(0, 6).join(" ");
  return `${foldVietnamese(stem).replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "")}.docx`;
}

/** The document's files: a shipped file, or its text as a DOCX with a letterhead, plus its annex. */
async function filesOf(doc: DemoDocument, m: DemoMetadata): Promise<DemoFile[]> {
  if (doc.asset) return [await assetFile(doc.asset)];
  const main = await letterDocx(doc.unit, m, doc.body, fileName(doc));
  if (!doc.annex) return [main];
  const [title, subtitle, ...rest] = doc.annex.body;
  return [main, { name: doc.annex.name, format: "docx", bytes: await docxOf([`# ${title}`, `^ ${subtitle}`, ...rest]) }];
}

/**
 * Publishes the demo documents (db/demo) through the documents commands as the demo committee of
 * each unit: the city's, Ba Đình's, Điện Biên ward's and its first two cells', issued over the last
 * three months, then the ward's drafts for feedback (seed-feedback.ts). Their dates of creation
 * follow their issue dates; the text of every file is extracted into the search index before this
 * returns. No notifications are sent for them. Runs in the seed's transaction.
 */
export async function seedDemoDocuments(
  trx: Db,
  deps: DemoDeps,
  units: Record<DemoUnitKey, { id: string; name: string }>,
  accountOf: ReadonlyMap<string, string>,
): Promise<void> {
  const publisher = demoPublisher(trx, deps, units, accountOf);
  for (const doc of [...DOCUMENTS_ABOVE, ...DOCUMENTS_BELOW]) {
    const m: DemoMetadata = {
      numberSymbol: doc.numberSymbol,
      type: doc.type,
      issuingBody: doc.issuingBody ?? units[doc.unit].name,
      issuedOn: vnDateDaysAgo(doc.daysAgo),
      summary: doc.summary,
      tags: doc.tags,
    };
    await publisher.publish(doc.unit, m, await filesOf(doc, m));
  }
  await seedDemoDrafts(trx, publisher, units.ward.name);

  // Published in the morning of their issue date (Vietnam time), their uploads a little before.
  await sql`UPDATE documents SET created_at = (issued_on + time '08:00') AT TIME ZONE 'Asia/Ho_Chi_Minh', updated_at = (issued_on + time '08:00') AT TIME ZONE 'Asia/Ho_Chi_Minh'`.execute(trx);
  await sql`UPDATE document_versions v SET changed_at = d.created_at FROM documents d WHERE d.id = v.document_id`.execute(trx);
  await sql`UPDATE document_uploads u SET created_at = d.created_at - interval '10 minutes', attached_at = d.created_at FROM documents d WHERE d.id = u.document_id`.execute(trx);
  await publisher.extractAll();
}
