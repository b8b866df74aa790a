import { describe, expect, it } from "vitest";
import { comment, closeDraft, feedbackTestApp, feedbackTree, openDraft, summarise } from "./feedback.testing";
import { runSummarise } from "./feedback.jobs";

const t = await feedbackTestApp();

const readyFor = (accountId: string) =>
  t.db.selectFrom("notifications").select(["title", "body", "link", "subjectId"]).where("accountId", "=", accountId).where("type", "=", "feedback.summary_ready").orderBy("createdAt").execute();

describe("the feedback.summarise job", () => {
  it("tells the member who asked for a summary that its files are ready, once per request, and nobody else", async () => {
    const { tree, people } = await feedbackTree(t);
    const id = await openDraft(t, people.wardSecretary, tree.ward.id);
    await comment(t, people.member, id, { section: "Điều 1" });
    await comment(t, people.member2, id);
    await closeDraft(t, id);

    await summarise(t, people.cellSecretary, tree.cell.id, id);
    const summary = await t.db.selectFrom("feedbackSummaries").select("id").where("documentId", "=", id).where("unitId", "=", tree.cell.id).executeTakeFirstOrThrow();
    const ready = { title: `Đã có tệp tổng hợp ý kiến góp ý dự thảo 20-DT/TU của ${tree.cell.name}`, body: "2 ý kiến", link: `/documents/${id}/feedback?unitId=${tree.cell.id}`, subjectId: summary.id };
    expect(await readyFor(people.cellSecretary.id)).toEqual([ready]);
    expect(await t.db.selectFrom("events").select("name").where("subjectId", "=", summary.id).execute()).toEqual([{ name: "feedback.summary_generated" }]);

    // The same request's job run again (a retry) makes the files again but tells nobody twice.
    await runSummarise(t.jobDeps, { documentId: id, unitId: tree.cell.id });
    expect(await readyFor(people.cellSecretary.id)).toHaveLength(1);

    // A new request, by the ward's secretary (who answers for the cell too): they are told, once.
    await summarise(t, people.wardSecretary, tree.cell.id, id);
    expect(await readyFor(people.wardSecretary.id)).toEqual([ready]);
    expect(await readyFor(people.cellSecretary.id)).toHaveLength(1);
    expect(await readyFor(people.member.id)).toEqual([]);
  });

  it("tells nobody when the summary was forwarded before the job ran", async () => {
    const { tree, people } = await feedbackTree(t);
    const id = await openDraft(t, people.wardSecretary, tree.ward.id);
    await comment(t, people.otherCellMember, id);
    await closeDraft(t, id);
    await summarise(t, people.otherCellSecretary, tree.otherCell.id, id);
    const secretary = await t.as(people.otherCellSecretary);
    expect((await secretary.post(`/api/units/${tree.otherCell.id}/documents/${id}/feedback/forward`)).statusCode).toBe(200);

    await runSummarise(t.jobDeps, { documentId: id, unitId: tree.otherCell.id });
    expect(await readyFor(people.otherCellSecretary.id)).toHaveLength(1);
  });
});
