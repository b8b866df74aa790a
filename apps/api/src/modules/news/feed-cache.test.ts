import { describe, expect, it } from "vitest";
import { ReadMarks } from "./feed-cache";

describe("ReadMarks", () => {
  it("asks the database only about articles it does not know for that member", async () => {
    const marks = new ReadMarks();
    const asked: string[][] = [];
    const load = async (ids: string[]) => (asked.push(ids), new Set(ids.filter((id) => id === "b")));
    expect([...(await marks.among("m1", ["a", "b"], load))]).toEqual(["b"]);
    expect([...(await marks.among("m1", ["a", "b", "c"], load))]).toEqual(["b"]);
    expect([...(await marks.among("m2", ["a"], load))]).toEqual([]);
    expect(asked).toEqual([["a", "b"], ["c"], ["a"]]);
  });

  it("adds a mark made here without asking again, and only for that member", async () => {
    const marks = new ReadMarks();
    const load = async () => new Set<string>();
    await marks.among("m1", ["a"], load);
    await marks.among("m2", ["a"], load);
    marks.markRead("m1", "a");
    const never = async (): Promise<Set<string>> => {
      throw new Error("asked again");
    };
    expect([...(await marks.among("m1", ["a"], never))]).toEqual(["a"]);
    expect([...(await marks.among("m2", ["a"], never))]).toEqual([]);
  });

  it("asks again once its lifetime is over", async () => {
    const marks = new ReadMarks(-1);
    let calls = 0;
    const load = async () => (calls++, new Set<string>());
    await marks.among("m1", ["a"], load);
    await marks.among("m1", ["a"], load);
    expect(calls).toBe(2);
  });
});
