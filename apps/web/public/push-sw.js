// Push notifications in the service worker. vite.config.ts imports this file into the service
// worker that vite-plugin-pwa generates (workbox importScripts), so it is plain JavaScript with no
// imports. Payload (PushPayload in packages/shared/src/schemas/push.ts): { id, type, title, body, url, tag }.

const APP_NAME = "Sổ tay đảng viên";
const INBOX = "/notifications";
// A white star on transparent (72 px): Android draws the badge from its alpha channel only.
const BADGE =
  "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAEgAAABICAQAAAD/5HvMAAAB2UlEQVR42u2aUZHDIBCGKwEJlYCESEBCJERCHSABCZVQCZGABCTszfXu4dIAZdl/G+Ym8JrpfO1H/91lcqHLWPtyAp1AJ1B+GzJjATlyYwEFCmMBJUojATn6Xm4coPAECuMApSdQGgXoRxhIGk4YSBpOGEgaUhhEmhzIb4D88UBxAxSPBrL0uuyxQH4H5I8FijugeCTQXphYGlqYWBpamFgaXphQGl6YUJoEaC0CrRggSxNjO6otx/osmwe6Vr6z5lrpWlbmP47j352h6U9/o70STS2H2tDjIziP3LRbOu2LOs7C/dvbQg4jVixHZ/0CIajghNrFxLugmsFHPNEsTWpkOm0SR1I6vEbiyGqZNJ0yiSMtrpJ0erTfr/Fq8YJMHEz7YZnqErdZ419ucpfRBZrZQLMu0J0NdNcEMl2H2ugBuS4gpwcUOoupGlDqTGklINed1E4HKFS1BIw0hLD0+wu4yhMKQK6hxyn3Tg4PlFdy2z13k0mTCCv1OFP2WTDQlCkJppLo+xIDbtA8u8dZ+q5oeu7K1sYex26OeEQC2dapqjrZWRyQf0kcXr4n/NQRW6eq6mQXUUC2kDicfWuV1iaseap6M9l5FBDmrQWDAjpfRjmBTqB/BfQFdwrIsfEKBSQAAAAASUVORK5CYII=";

/** Same-site paths only (no "//host", no absolute URL); anything else opens the inbox. */
function safePath(value) {
  return typeof value === "string" && value.startsWith("/") && !value.startsWith("//") && !value.startsWith("/\\") ? value : INBOX;
}

function readPayload(data) {
  if (!data) return {};
  try {
    const value = data.json();
    return value && typeof value === "object" ? value : {};
  } catch {
    return {};
  }
}

// userVisibleOnly: every push must show a notification, even one without a usable payload.
self.addEventListener("push", (event) => {
  const payload = readPayload(event.data);
  const title = typeof payload.title === "string" && payload.title.trim() ? payload.title : APP_NAME;
  const options = {
    body: typeof payload.body === "string" ? payload.body : "",
    data: { url: safePath(payload.url), id: typeof payload.id === "string" ? payload.id : null },
    icon: "/icons/icon-192.png",
    badge: BADGE,
    lang: "vi",
    dir: "ltr",
  };
  if (typeof payload.tag === "string" && payload.tag) options.tag = payload.tag;
  event.waitUntil(self.registration.showNotification(title, options));
});

// A click focuses a window of the app already open and takes it to the notification's page (the
// page follows the message in-app, see followNotificationClicks); with none open, opens one.
self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const path = safePath(event.notification.data && event.notification.data.url);
  event.waitUntil(
    (async () => {
      const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
      const sameOrigin = windows.filter((client) => new URL(client.url).origin === self.location.origin);
      const client = sameOrigin.find((c) => c.focused) || sameOrigin.find((c) => c.visibilityState === "visible") || sameOrigin[0];
      if (client) {
        await client.focus().catch(() => undefined);
        client.postMessage({ type: "sotay:navigate", url: path });
        return;
      }
      await self.clients.openWindow(new URL(path, self.location.origin).href);
    })(),
  );
});
