import { randomUUID } from "node:crypto";
import ExcelJS from "exceljs";
import mammoth from "mammoth";
import { describe, expect, it } from "vitest";
import { answer, closeDraft, comment, feedbackTestApp, feedbackTree, openDraft, summarise, summariseAndForward } from "./feedback.testing";

const t = await feedbackTestApp();

const notificationsOf = (accountId: string, type: string) =>
  t.db.selectFrom("notifications").select(["title", "body", "link"]).where("accountId", "=", accountId).where("type", "=", type).execute();

describe("POST /api/documents/comments/:id/reply", () => {
  it("lets the cell's secretary answer a comment, notifies the member and records the event", async () => {
    const { tree, people } = await feedbackTree(t);
    const id = await openDraft(t, people.districtSecretary, tree.district.id);
    const commentId = await comment(t, people.member, id, { section: "Điều 3" });

    const res = await (await t.as(people.cellSecretary)).post(`/api/documents/comments/${commentId}/reply`, { status: "accepted", reply: "Xin tiếp thu, sẽ bổ sung." });

    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().data).toMatchObject({ status: "accepted", reply: "Xin tiếp thu, sẽ bổ sung.", repliedBy: { id: people.cellSecretary.id } });
    expect(await notificationsOf(people.member.id, "feedback.replied")).toEqual([
      { title: "Ý kiến góp ý của đồng chí về dự thảo 20-DT/TU: Tiếp thu", body: "Xin tiếp thu, sẽ bổ sung.", link: `/documents/${id}/feedback` },
    ]);
    const events = await t.db.selectFrom("events").select(["name", "unitId", "actorId"]).where("subjectId", "=", commentId).where("name", "=", "feedback.comment_replied").execute();
    expect(events).toEqual([{ name: "feedback.comment_replied", unitId: tree.cell.id, actorId: people.cellSecretary.id }]);
  });

  it("lets a committee above answer again after the deadline, replacing the first answer", async () => {
    const { tree, people } = await feedbackTree(t);
    const id = await openDraft(t, people.districtSecretary, tree.district.id);
    const commentId = await comment(t, people.member, id);
    await answer(t, people.cellSecretary, commentId, "noted", null);
    await closeDraft(t, id);

    const res = await (await t.as(people.wardSecretary)).post(`/api/documents/comments/${commentId}/reply`, { status: "rejected", reply: "Không phù hợp với quy định." });

    expect(res.json().data).toMatchObject({ status: "rejected", reply: "Không phù hợp với quy định.", repliedBy: { id: people.wardSecretary.id } });
    expect(await notificationsOf(people.member.id, "feedback.replied")).toHaveLength(2);
  });

  it("returns 403 to a fellow member who sees the comment, 404 to the secretary of a sibling cell, 400 to a pending status or a forged field, 401 without a session", async () => {
    const { tree, people } = await feedbackTree(t);
    const id = await openDraft(t, people.wardSecretary, tree.ward.id, { feedbackVisibility: "all" });
    const commentId = await comment(t, people.member, id);
    const url = `/api/documents/comments/${commentId}/reply`;

    expect((await (await t.as(people.member2)).post(url, { status: "accepted" })).statusCode).toBe(403);
    expect((await (await t.as(people.otherCellSecretary)).post(url, { status: "accepted" })).statusCode).toBe(404);
    // The ward's editor is a fellow member of the cell too: sees it, may not answer it.
    expect((await (await t.as(people.wardEditor)).post(url, { status: "accepted" })).statusCode).toBe(403);
    expect((await (await t.as(people.cellSecretary)).post(url, { status: "pending" })).statusCode).toBe(400);
    expect((await (await t.as(people.cellSecretary)).post(url, { status: "accepted", repliedBy: people.wardSecretary.id })).statusCode).toBe(400);
    expect((await t.anonymous.post(url, { status: "accepted" })).statusCode).toBe(401);
    expect((await t.db.selectFrom("feedbackComments").select("status").where("id", "=", commentId).executeTakeFirstOrThrow()).status).toBe("pending");
  });
});

describe("GET /api/documents/:id/feedback", () => {
  it("gives the ward's committee counts by status and by section, and each cell below with its comments", async () => {
    const { tree, people } = await feedbackTree(t);
    const id = await openDraft(t, people.wardSecretary, tree.ward.id);
    const a = await comment(t, people.member, id, { section: "Điều 10" });
    await comment(t, people.member2, id, { section: "Điều 2" });
    await comment(t, people.otherCellMember, id);
    await answer(t, people.cellSecretary, a, "accepted");

    const res = await (await t.as(people.wardSecretary)).get(`/api/documents/${id}/feedback`);

    expect(res.statusCode, res.body).toBe(200);
    const { data, abilities } = res.json();
    // The ward is the publishing unit: its summary holds its own members' comments only until the cells forward theirs.
    expect(data.unit.id).toBe(tree.ward.id);
    expect(data.counts.total).toBe(0);
    expect(data.units.map((u: { unit: { id: string }; total: number; pending: number; summary: unknown }) => [u.unit.id, u.total, u.pending, u.summary])).toEqual([
      [tree.cell.id, 2, 1, null],
      [tree.otherCell.id, 1, 1, null],
    ]);
    expect(abilities).toMatchObject({ read: true, summarise: false, forward: false, download: false });

    const cell = (await (await t.as(people.cellSecretary)).get(`/api/documents/${id}/feedback`)).json().data;
    expect(cell.unit.id).toBe(tree.cell.id);
    expect(cell.counts).toEqual({ total: 2, commenters: 2, units: 1, byStatus: { pending: 1, accepted: 1, rejected: 0, noted: 0 } });
    expect(cell.bySection).toEqual([
      { section: "Điều 2", total: 1, pending: 1 },
      { section: "Điều 10", total: 1, pending: 0 },
    ]);
  });

  it("returns 403 to a member, 404 to the committee of a sibling district and for a unit outside the draft, 400 to a bad unit id, 401 without a session", async () => {
    const { tree, people } = await feedbackTree(t);
    const id = await openDraft(t, people.wardSecretary, tree.ward.id);

    expect((await (await t.as(people.member)).get(`/api/documents/${id}/feedback`)).statusCode).toBe(403);
    expect((await (await t.as(people.siblingCellSecretary)).get(`/api/documents/${id}/feedback`)).statusCode).toBe(404);
    expect((await (await t.as(people.cellSecretary)).get(`/api/documents/${id}/feedback?unitId=${tree.otherCell.id}`)).statusCode).toBe(404);
    expect((await (await t.as(people.districtSecretary)).get(`/api/documents/${id}/feedback?unitId=${tree.district.id}`)).statusCode).toBe(404);
    expect((await (await t.as(people.cellSecretary)).get(`/api/documents/${id}/feedback?unitId=abc`)).statusCode).toBe(400);
    expect((await t.anonymous.get(`/api/documents/${id}/feedback`)).statusCode).toBe(401);
  });
});

describe("summaries: POST …/feedback/summary, GET …/feedback/summary/:format", () => {
  it("generates a DOCX and an XLSX summary whose text holds every comment grouped by section", async () => {
    const { tree, people } = await feedbackTree(t);
    const id = await openDraft(t, people.districtSecretary, tree.district.id);
    const a = await comment(t, people.member, id, { section: "Điều 3", page: 4, quote: "kết nạp đảng viên", body: "Đề nghị nêu rõ chỉ tiêu kết nạp." });
    await comment(t, people.member2, id, { section: "điều 3", body: "Bổ sung giải pháp cho chi bộ khu dân cư." });
    await comment(t, people.member, id, { body: "Dự thảo cần ngắn gọn hơn." });
    await answer(t, people.cellSecretary, a, "accepted", "Xin tiếp thu.");
    await closeDraft(t, id);
    const client = await t.as(people.cellSecretary);

    const queued = await client.post(`/api/units/${tree.cell.id}/documents/${id}/feedback/summary`);
    expect(queued.statusCode, queued.body).toBe(202);
    expect(queued.json().data).toMatchObject({ status: "draft", generation: "queued", formats: [] });
    await t.drainJobs();
    const overview = (await client.get(`/api/documents/${id}/feedback?unitId=${tree.cell.id}`)).json();
    expect(overview.data.summary).toMatchObject({ generation: "done", outdated: false, formats: ["docx", "xlsx"], counts: { total: 3, commenters: 2 } });
    expect(overview.abilities).toMatchObject({ summarise: true, forward: true, download: true });

    const docx = await client.get(`/api/units/${tree.cell.id}/documents/${id}/feedback/summary/docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers["content-type"]).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    expect(docx.headers["x-content-type-options"]).toBe("nosniff");
    expect(docx.headers["content-disposition"]).toMatch(/^attachment; filename=".*\.docx"; filename\*=UTF-8''/);
    const text = (await mammoth.extractRawText({ buffer: docx.rawPayload })).value;
    expect(text).toContain("Tổng hợp ý kiến góp ý dự thảo 20-DT/TU Dự thảo Nghị quyết về công tác xây dựng Đảng");
    expect(text).toContain(`Đơn vị tổng hợp: ${tree.cell.name}`);
    expect(text).toContain("Tổng số ý kiến: 3");
    // The whole-draft comments first, then "Điều 3" with both spellings in one group.
    expect(text.indexOf("Ý kiến chung (1 ý kiến)")).toBeLessThan(text.indexOf("Điều 3 (2 ý kiến)"));
    for (const body of ["Đề nghị nêu rõ chỉ tiêu kết nạp.", "Bổ sung giải pháp cho chi bộ khu dân cư.", "Dự thảo cần ngắn gọn hơn."]) expect(text).toContain(body);
    expect(text).toContain("Tiếp thu. Trả lời: Xin tiếp thu.");
    expect(text).toContain(`Đảng viên ${tree.cell.name}`);
    expect(text).not.toContain(people.member.displayName);

    const xlsx = await client.get(`/api/units/${tree.cell.id}/documents/${id}/feedback/summary/xlsx`);
    expect(xlsx.headers["content-type"]).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const rows = (workbook.getWorksheet("Ý kiến góp ý")!.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1, 8));
    const today = new Intl.DateTimeFormat("en-GB", { timeZone: "Asia/Ho_Chi_Minh", day: "2-digit", month: "2-digit", year: "numeric" }).format(new Date());
    expect(rows).toEqual([
      ["Đơn vị", "Mục/Điều", "Trang", "Ý kiến", "Trạng thái", "Trả lời", "Ngày"],
      [tree.cell.name, "Ý kiến chung", undefined, "Dự thảo cần ngắn gọn hơn.", "Chưa trả lời", "", today],
      [tree.cell.name, "Điều 3", 4, "Đề nghị nêu rõ chỉ tiêu kết nạp.", "Tiếp thu", "Xin tiếp thu.", today],
      [tree.cell.name, "điều 3", undefined, "Bổ sung giải pháp cho chi bộ khu dân cư.", "Chưa trả lời", "", today],
    ]);

    const generated = await t.db.selectFrom("events").select(["name", "actorId", "unitId"]).where("name", "=", "feedback.summary_generated").where("unitId", "=", tree.cell.id).execute();
    expect(generated).toEqual([{ name: "feedback.summary_generated", actorId: people.cellSecretary.id, unitId: tree.cell.id }]);
    const stored = await t.db.selectFrom("feedbackSummaries").select(["docxFileId", "xlsxFileId"]).where("documentId", "=", id).executeTakeFirstOrThrow();
    const files = await t.db.selectFrom("files").select("kind").where("id", "in", [stored.docxFileId!, stored.xlsxFileId!]).execute();
    expect(files).toEqual([{ kind: "document" }, { kind: "document" }]);
  });

  it("refuses to summarise before the deadline with 409, answers 404 to a download not generated yet", async () => {
    const { tree, people } = await feedbackTree(t);
    const id = await openDraft(t, people.wardSecretary, tree.ward.id);
    await comment(t, people.member, id);
    const client = await t.as(people.cellSecretary);

    const early = await client.post(`/api/units/${tree.cell.id}/documents/${id}/feedback/summary`);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toMatch(/until the deadline/);
    expect((await client.get(`/api/units/${tree.cell.id}/documents/${id}/feedback/summary/docx`)).statusCode).toBe(404);
  });

  it("returns 404 to the committee of a sibling cell and to an editor, 400 to an unknown format, 401 without a session", async () => {
    const { tree, people } = await feedbackTree(t);
    const id = await openDraft(t, people.wardSecretary, tree.ward.id);
    await comment(t, people.member, id);
    await closeDraft(t, id);
    await summarise(t, people.cellSecretary, tree.cell.id, id);
    const base = `/api/units/${tree.cell.id}/documents/${id}/feedback/summary`;

    expect((await (await t.as(people.otherCellSecretary)).post(base)).statusCode).toBe(404);
    expect((await (await t.as(people.otherCellSecretary)).get(`${base}/docx`)).statusCode).toBe(404);
    expect((await (await t.as(people.wardEditor)).get(`${base}/xlsx`)).statusCode).toBe(404);
    expect((await (await t.as(people.member)).get(`${base}/xlsx`)).statusCode).toBe(404);
    expect((await (await t.as(people.cellSecretary)).get(`${base}/pdf`)).statusCode).toBe(400);
    expect((await (await t.as(people.cellSecretary)).post(`/api/units/${tree.cell.id}/documents/${randomUUID()}/feedback/summary`)).statusCode).toBe(404);
    expect((await t.anonymous.get(`${base}/docx`)).statusCode).toBe(401);
    expect((await t.anonymous.post(base)).statusCode).toBe(401);
  });
});

describe("POST …/feedback/forward", () => {
  it("joins a cell's forwarded summary into the ward's summary and then the district's", async () => {
    const { tree, people } = await feedbackTree(t);
    const id = await openDraft(t, people.districtSecretary, tree.district.id);
    await comment(t, people.member, id, { section: "Điều 1", body: "Ý kiến của chi bộ 1" });
    await comment(t, people.otherCellMember, id, { section: "Điều 1", body: "Ý kiến của chi bộ 2" });
    await closeDraft(t, id);

    const forwarded = await summariseAndForward(t, people.cellSecretary, tree.cell.id, id);
    expect(forwarded.data).toMatchObject({ status: "forwarded", forwardedBy: { id: people.cellSecretary.id } });
    expect(forwarded.abilities).toMatchObject({ summarise: false, forward: false, download: true });
    expect(await notificationsOf(people.wardSecretary.id, "feedback.forwarded")).toEqual([
      { title: `${tree.cell.name} gửi tổng hợp ý kiến góp ý dự thảo 20-DT/TU`, body: "1 ý kiến", link: `/documents/${id}/feedback?unitId=${tree.ward.id}` },
    ]);

    // The ward sees the cell's summary received, and the other cell still pending.
    const ward = await summarise(t, people.wardSecretary, tree.ward.id, id);
    expect(ward.data.counts).toMatchObject({ total: 1, units: 1 });
    expect(ward.data.received.map((s: { unit: { id: string } }) => s.unit.id)).toEqual([tree.cell.id]);
    expect(ward.data.units.map((u: { unit: { id: string }; summary: { status: string } | null }) => [u.unit.id, u.summary?.status ?? null])).toEqual([
      [tree.cell.id, "forwarded"],
      [tree.otherCell.id, null],
    ]);
    const wardText = (await mammoth.extractRawText({ buffer: (await (await t.as(people.wardSecretary)).get(`/api/units/${tree.ward.id}/documents/${id}/feedback/summary/docx`)).rawPayload })).value;
    expect(wardText).toContain("Ý kiến của chi bộ 1");
    expect(wardText).not.toContain("Ý kiến của chi bộ 2");
    expect(wardText).toContain(`- ${tree.otherCell.name}: 1 ý kiến`);

    // The other cell forwards late: the ward's files are out of date and must be made again before forwarding.
    await summariseAndForward(t, people.otherCellSecretary, tree.otherCell.id, id);
    const outdated = await (await t.as(people.wardSecretary)).post(`/api/units/${tree.ward.id}/documents/${id}/feedback/forward`);
    expect(outdated.statusCode).toBe(409);
    expect(outdated.json().error.message).toMatch(/generate it again/);
    await summariseAndForward(t, people.wardSecretary, tree.ward.id, id);

    const district = await summarise(t, people.districtSecretary, tree.district.id, id);
    expect(district.data.counts).toMatchObject({ total: 2, units: 2 });
    const districtText = (await mammoth.extractRawText({ buffer: (await (await t.as(people.districtSecretary)).get(`/api/units/${tree.district.id}/documents/${id}/feedback/summary/docx`)).rawPayload })).value;
    // Several cells: within "Điều 1", each cell's comments under the cell's name.
    expect(districtText).toContain("Điều 1 (2 ý kiến)");
    expect(districtText.indexOf(tree.cell.name)).toBeGreaterThan(-1);
    expect(districtText).toContain("Ý kiến của chi bộ 1");
    expect(districtText).toContain("Ý kiến của chi bộ 2");
    expect(district.abilities.forward).toBe(false);
  });

  it("refuses to forward before the summary is generated, twice, or before the deadline, with 409; at the publishing unit with 403", async () => {
    const { tree, people } = await feedbackTree(t);
    const id = await openDraft(t, people.wardSecretary, tree.ward.id);
    await comment(t, people.member, id);
    const client = await t.as(people.cellSecretary);
    const forward = `/api/units/${tree.cell.id}/documents/${id}/feedback/forward`;

    expect((await client.post(forward)).statusCode).toBe(409);
    await closeDraft(t, id);
    expect((await client.post(forward)).json().error.message).toMatch(/Generate the summary/);
    await summariseAndForward(t, people.cellSecretary, tree.cell.id, id);
    expect((await client.post(forward)).statusCode).toBe(409);
    expect((await client.post(`/api/units/${tree.cell.id}/documents/${id}/feedback/summary`)).statusCode).toBe(409);
    expect((await (await t.as(people.wardSecretary)).post(`/api/units/${tree.ward.id}/documents/${id}/feedback/forward`)).statusCode).toBe(403);
    expect(await t.db.selectFrom("events").select("name").where("name", "=", "feedback.summary_forwarded").where("unitId", "=", tree.cell.id).execute()).toHaveLength(1);
  });

  it("returns 404 to the committee of a sibling cell, 400 to a bad id, 401 without a session", async () => {
    const { tree, people } = await feedbackTree(t);
    const id = await openDraft(t, people.wardSecretary, tree.ward.id);
    await closeDraft(t, id);

    expect((await (await t.as(people.otherCellSecretary)).post(`/api/units/${tree.cell.id}/documents/${id}/feedback/forward`)).statusCode).toBe(404);
    expect((await (await t.as(people.cellSecretary)).post(`/api/units/abc/documents/${id}/feedback/forward`)).statusCode).toBe(400);
    expect((await t.anonymous.post(`/api/units/${tree.cell.id}/documents/${id}/feedback/forward`)).statusCode).toBe(401);
  });
});

describe("drafts on the document: feedbackUntil and feedbackVisibility", () => {
  it("sets a draft's deadline and visibility on create and PATCH, refuses a past deadline with 400 and ending a draft that has comments with 409", async () => {
    const { tree, people } = await feedbackTree(t);
    const id = await openDraft(t, people.wardSecretary, tree.ward.id, { feedbackVisibility: "all" });
    const client = await t.as(people.wardSecretary);

    const doc = (await client.get(`/api/documents/${id}`)).json().data;
    expect(doc).toMatchObject({ feedbackVisibility: "all", feedbackUntil: expect.any(String) });
    const later = new Date(Date.now() + 14 * 86_400_000).toISOString();
    const moved = await client.patch(`/api/documents/${id}`, { feedbackUntil: later, feedbackVisibility: "own" });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().data).toMatchObject({ feedbackUntil: later, feedbackVisibility: "own" });
    const versions = (await client.get(`/api/documents/${id}/versions`)).json().data;
    expect(versions[0].metadata).toMatchObject({ feedbackUntil: later, feedbackVisibility: "own" });

    const past = await client.patch(`/api/documents/${id}`, { feedbackUntil: "2020-01-01T00:00:00+07:00" });
    expect(past.statusCode).toBe(400);
    expect(past.json().error.details.fields).toEqual({ feedbackUntil: "too_early" });
    await comment(t, people.member, id);
    expect((await client.patch(`/api/documents/${id}`, { feedbackUntil: null })).statusCode).toBe(409);
  });
});
