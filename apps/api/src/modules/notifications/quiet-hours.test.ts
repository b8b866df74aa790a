import { describe, expect, it } from "vitest";
import { pushTime } from "./quiet-hours";

/** An instant given as Hanoi wall-clock time (UTC+7 all year). */
const hanoi = (text: string) => new Date(`${text}+07:00`);

describe("pushTime", () => {
  it.each([
    ["no quiet hours: now", "2026-11-27T23:30:00", null, "2026-11-27T23:30:00"],
    ["before quiet hours (22:00–06:00): now", "2026-11-27T21:59:59", { start: "22:00", end: "06:00" }, "2026-11-27T21:59:59"],
    ["at their start: their end, the next morning", "2026-11-27T22:00:00", { start: "22:00", end: "06:00" }, "2026-11-28T06:00:00"],
    ["after midnight inside them: their end, the same morning", "2026-11-28T03:15:20", { start: "22:00", end: "06:00" }, "2026-11-28T06:00:00"],
    ["at their end: now", "2026-11-28T06:00:00", { start: "22:00", end: "06:00" }, "2026-11-28T06:00:00"],
    ["daytime quiet hours (12:00–13:30), inside: their end", "2026-11-27T12:45:10", { start: "12:00", end: "13:30" }, "2026-11-27T13:30:00"],
    ["daytime quiet hours, after: now", "2026-11-27T13:30:01", { start: "12:00", end: "13:30" }, "2026-11-27T13:30:01"],
    ["PostgreSQL's HH:MM:SS works too", "2026-11-27T23:00:00", { start: "22:00:00", end: "06:00:00" }, "2026-11-28T06:00:00"],
  ])("%s", (_name, at, quiet, expected) => {
    expect(pushTime(hanoi(at), quiet).toISOString()).toBe(hanoi(expected).toISOString());
  });

  it("reads the clock in Asia/Ho_Chi_Minh whatever the server's zone: 16:00 UTC is 23:00 in Hanoi", () => {
    expect(pushTime(new Date("2026-11-27T16:00:00Z"), { start: "22:00", end: "06:00" }).toISOString()).toBe("2026-11-27T23:00:00.000Z");
  });
});
