import { z } from "zod";

/** base64url without padding, as PushSubscription.toJSON() gives the keys. */
const Base64Url = (min: number, max: number) => z.string().min(min).max(max).regex(/^[A-Za-z0-9_-]+$/, "Expected base64url");

export const PushConfigEnvelope = z.object({
  data: z.object({
    /** The VAPID application server key for PushManager.subscribe (base64url). */
    publicKey: z.string(),
  }),
});

/**
 * PushSubscription.toJSON() from the browser. The API accepts only endpoints of known push services
 * (PUSH_SERVICE_HOSTS), over HTTPS; `endpoint: "push_service_not_allowed"` otherwise.
 */
export const PushSubscriptionBody = z
  .object({
    endpoint: z.url({ protocol: /^https?$/ }).max(2048),
    expirationTime: z.number().nullable().optional(),
    keys: z.object({ p256dh: Base64Url(80, 100), auth: Base64Url(16, 32) }).strict(),
  })
  .strict();
export type PushSubscriptionBody = z.infer<typeof PushSubscriptionBody>;

export const PushUnsubscribeBody = z.object({ endpoint: z.string().min(1).max(2048) }).strict();

export const PushSubscriptionEnvelope = z.object({ data: z.object({ id: z.uuid(), createdAt: z.iso.datetime() }) });

/** What the service worker receives in a push message (JSON). */
export const PushPayload = z.object({
  id: z.uuid(),
  type: z.string(),
  title: z.string(),
  body: z.string(),
  /** Path to open on click; the inbox when the notification has no subject. */
  url: z.string(),
  /** Replaces an earlier notification with the same tag on the device. */
  tag: z.string(),
});
export type PushPayload = z.infer<typeof PushPayload>;
