import { describe, expect, it } from "vitest";
import { isAllowedPushEndpoint } from "./push";

const defaults = ["fcm.googleapis.com", "updates.push.services.mozilla.com", "*.push.apple.com", "*.notify.windows.com"];

describe("isAllowedPushEndpoint", () => {
  it.each([
    ["Chrome/Android (FCM)", "https://fcm.googleapis.com/fcm/send/abc:APA91b", defaults, true],
    ["Firefox", "https://updates.push.services.mozilla.com/wpush/v2/gAAAA", defaults, true],
    ["Safari (a subdomain of push.apple.com)", "https://web.push.apple.com/QGx", defaults, true],
    ["Edge (WNS)", "https://wns2-par02p.notify.windows.com/w/?token=x", defaults, true],
    ["plain http to a real push service", "http://fcm.googleapis.com/fcm/send/x", defaults, false],
    ["a host that only ends like one", "https://evilpush.apple.com/x", defaults, false],
    ["the bare wildcard domain", "https://push.apple.com/x", defaults, false],
    ["a push service's name in the path", "https://evil.example/fcm.googleapis.com", defaults, false],
    ["cloud metadata", "https://169.254.169.254/latest/meta-data", defaults, false],
    ["loopback not listed", "http://127.0.0.1:9999/push/x", defaults, false],
    ["loopback listed (a local push service), http", "http://127.0.0.1:9999/push/x", ["127.0.0.1"], true],
    ["a listed non-loopback host over http", "http://push.internal/x", ["push.internal"], false],
    ["not a URL", "fcm.googleapis.com", defaults, false],
  ])("%s → %s", (_name, endpoint, hosts, expected) => {
    expect(isAllowedPushEndpoint(endpoint, hosts)).toBe(expected);
  });
});
