import { describe, expect, it } from "vitest";
import { createTestApp } from "../../test/server";
import { seedDemo } from "./seed";

// The demo seed runs on every first `npm start` and before the browser tests: it must work against
// the current schema, and its news must read through the member's API as the PWA will read it.
const t = await createTestApp();

describe("the demo seed", () => {
  it("seeds once, with news the demo member reads: pinned guidance on top, searchable without diacritics", async () => {
    const logins = await seedDemo(t.db);
    expect(logins?.map((l) => l.identifier)).toContain("0900000001");
    expect(await seedDemo(t.db)).toBeNull();

    const account = await t.db
      .selectFrom("accountIdentifiers")
      .select("accountId as id")
      .where("kind", "=", "phone")
      .where("value", "=", "0900000001")
      .executeTakeFirstOrThrow();
    const member = await t.as(account, { mfa: "none" });

    const feed = await member.get("/api/news/feed");
    expect(feed.statusCode).toBe(200);
    const { pinned, data } = feed.json();
    expect(pinned).toHaveLength(1);
    expect(pinned[0]).toMatchObject({ guidance: true, read: false, unit: { kind: "province" } });
    expect(Date.parse(pinned[0].pinnedUntil) - Date.now()).toBeGreaterThan(29 * 86_400_000);
    expect(data).toHaveLength(11);
    expect(new Set(data.map((a: { unit: { kind: string } }) => a.unit.kind))).toEqual(new Set(["province", "district", "grassroots", "cell"]));
    expect(data.some((a: { originUnit: { name: string } | null }) => a.originUnit?.name === "Đảng ủy phường Điện Biên")).toBe(true);
    const dates = data.map((a: { publishedAt: string }) => a.publishedAt);
    expect([...dates].sort().reverse()).toEqual(dates);

    const article = await member.get(`/api/articles/${pinned[0].id}`);
    expect(article.statusCode).toBe(200);
    expect(article.json().data).toMatchObject({ status: "published", publishedRevision: 1 });
    expect(article.json().data.bodyHtml).toContain("<ul>");
    expect((await member.post(`/api/articles/${pinned[0].id}/read`)).statusCode).toBe(200);
    expect((await member.get("/api/news/feed")).json().pinned[0].read).toBe(true);

    const search = await member.get(`/api/news/search?q=${encodeURIComponent("nghi quyet")}`);
    expect(search.statusCode).toBe(200);
    const hits = search.json().data as { titleParts: { text: string; match: boolean }[] }[];
    expect(hits.length).toBeGreaterThanOrEqual(2);
    expect(hits[0].titleParts.filter((p) => p.match).map((p) => p.text.toLowerCase())).toEqual(expect.arrayContaining(["nghị", "quyết"]));

    const revisions = await t.db.selectFrom("articleRevisions").select(["state", "number"]).execute();
    expect(revisions).toHaveLength(12);
    expect(revisions.every((r) => r.state === "approved" && r.number === 1)).toBe(true);
  });
});
