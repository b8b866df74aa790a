import { describe, expect, it } from "vitest";
import { loadEnv } from "./env";

describe("loadEnv", () => {
  it("gives every setting its default from an empty environment", () => {
    const env = loadEnv({});
    expect(env).toMatchObject({ PORT: 3000, ROLE: "all", VAPID_SUBJECT: "mailto:quantri@sotay.invalid" });
    expect(env.PUSH_SERVICE_HOSTS).toContain("fcm.googleapis.com");
  });

  it("splits PUSH_SERVICE_HOSTS into lower-case host names", () => {
    expect(loadEnv({ PUSH_SERVICE_HOSTS: " FCM.googleapis.com, *.push.apple.com ,," }).PUSH_SERVICE_HOSTS).toEqual(["fcm.googleapis.com", "*.push.apple.com"]);
  });

  it("refuses one VAPID key without the other, and names every problem at once", () => {
    expect(() => loadEnv({ VAPID_PUBLIC_KEY: "B".repeat(87) })).toThrow(/VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY: set both or neither/);
    expect(() => loadEnv({ PORT: "http", VAPID_SUBJECT: "admin@example.org" })).toThrow(/PORT[\s\S]*VAPID_SUBJECT/);
  });
});
