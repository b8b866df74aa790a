import type { z } from "zod";
import type { PushConfigEnvelope, PushSubscriptionBody, PushSubscriptionEnvelope } from "@party/shared/schemas/push";
import { api } from "../../api/client";

/**
 * Push notifications on this device: the browser's permission, the service worker's push
 * subscription, and its copy on the server. The service worker side is public/push-sw.js.
 */

/** `unsupported`: the browser has no Web Push (or the page is not on HTTPS); `no-worker`: no service worker yet (dev server). */
export type PushSupport = "supported" | "unsupported" | "no-worker";

export interface PushDeviceState {
  support: PushSupport;
  permission: NotificationPermission;
  /** This browser holds a push subscription. */
  subscribed: boolean;
}

/** Which account subscribed this device (a device preference, so it outlives logout; see syncPushSubscription). */
const OWNER_KEY = "sotay.pref.pushAccount";
const PROMPT_DISMISSED_KEY = "sotay.pref.pushPromptDismissed";

export const browserHasPush = (): boolean =>
  typeof window !== "undefined" &&
  window.isSecureContext &&
  "serviceWorker" in navigator &&
  "PushManager" in window &&
  "Notification" in window;

async function registration(): Promise<ServiceWorkerRegistration | null> {
  if (!browserHasPush()) return null;
  try {
    return (await navigator.serviceWorker.getRegistration()) ?? null;
  } catch {
    return null;
  }
}

async function currentSubscription(): Promise<PushSubscription | null> {
  const reg = await registration();
  if (!reg) return null;
  try {
    return await reg.pushManager.getSubscription();
  } catch {
    return null;
  }
}

/** What the browser says now; never asks the user anything. */
export async function readPushState(): Promise<PushDeviceState> {
  if (!browserHasPush()) return { support: "unsupported", permission: "denied", subscribed: false };
  const reg = await registration();
  if (!reg) return { support: "no-worker", permission: Notification.permission, subscribed: false };
  return { support: "supported", permission: Notification.permission, subscribed: (await currentSubscription()) !== null };
}

/** The permission prompt; must run inside a click (browsers ignore it otherwise). Handles the old callback form. */
export function requestPushPermission(): Promise<NotificationPermission> {
  return new Promise((resolve) => {
    const answer = Notification.requestPermission(resolve);
    if (answer) void answer.then(resolve, () => resolve("default"));
  });
}

/** A failure the UI explains in its own words. */
export class PushSetupError extends Error {
  constructor(readonly reason: "denied" | "dismissed" | "unsupported") {
    super(`push setup: ${reason}`);
    this.name = "PushSetupError";
  }
}

/** The VAPID key (base64url) as the bytes PushManager.subscribe wants. */
function base64UrlToBytes(value: string): Uint8Array<ArrayBuffer> {
  const base64 = value.replace(/-/g, "+").replace(/_/g, "/").padEnd(Math.ceil(value.length / 4) * 4, "=");
  const raw = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(raw.length));
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

function sameKey(a: ArrayBuffer | null | undefined, b: Uint8Array): boolean {
  if (!a || a.byteLength !== b.byteLength) return false;
  const view = new Uint8Array(a);
  return view.every((byte, i) => byte === b[i]);
}

function rememberOwner(accountId: string | null): void {
  try {
    if (accountId) localStorage.setItem(OWNER_KEY, accountId);
    else localStorage.removeItem(OWNER_KEY);
  } catch {
    // storage disabled: the subscription simply is not re-synced at the next login
  }
}

function owner(): string | null {
  try {
    return localStorage.getItem(OWNER_KEY);
  } catch {
    return null;
  }
}

/**
 * Subscribes this device for `accountId` and registers the subscription with the API.
 * `permission` is the answer of requestPushPermission(), asked by the caller inside the click.
 * Rejects with PushSetupError when the user says no, or the API's error (e.g. an unknown push service,
 * in which case the browser subscription is dropped again).
 */
export async function subscribeThisDevice(accountId: string, permission: Promise<NotificationPermission>): Promise<void> {
  const answer = await permission;
  if (answer !== "granted") throw new PushSetupError(answer === "denied" ? "denied" : "dismissed");
  const reg = await registration();
  if (!reg) throw new PushSetupError("unsupported");
  // A worker that never activates (its install failed) must not leave the button spinning.
  const ready = await Promise.race([
    navigator.serviceWorker.ready,
    new Promise<never>((_, reject) => setTimeout(() => reject(new PushSetupError("unsupported")), 10_000)),
  ]);
  const { data } = await api.get<z.infer<typeof PushConfigEnvelope>>("/push/config");
  const key = base64UrlToBytes(data.publicKey);
  let subscription = await ready.pushManager.getSubscription();
  // A subscription made with another server key (keys rotated) cannot be used.
  if (subscription && !sameKey(subscription.options.applicationServerKey, key)) {
    await subscription.unsubscribe().catch(() => false);
    subscription = null;
  }
  subscription ??= await ready.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key });
  try {
    await api.post<z.infer<typeof PushSubscriptionEnvelope>>("/push/subscriptions", subscription.toJSON() as PushSubscriptionBody);
  } catch (error) {
    await subscription.unsubscribe().catch(() => false);
    throw error;
  }
  rememberOwner(accountId);
}

/** Stops push on this device: the API forgets the subscription, then the browser drops it. */
export async function unsubscribeThisDevice(): Promise<void> {
  const subscription = await currentSubscription();
  if (!subscription) return;
  await api.delete<{ ok: true }>("/push/subscriptions", { endpoint: subscription.endpoint });
  await subscription.unsubscribe().catch(() => false);
  rememberOwner(null);
}

/**
 * Before logout: drop this device's subscription, best effort and for at most `timeoutMs`, so a
 * slow network never holds the logout up (the server also deletes the session's subscriptions).
 */
export async function forgetPushBeforeLogout(timeoutMs = 1500): Promise<void> {
  const work = (async () => {
    const subscription = await currentSubscription();
    if (!subscription) return;
    rememberOwner(null);
    await Promise.allSettled([
      api.delete<{ ok: true }>("/push/subscriptions", { endpoint: subscription.endpoint }),
      subscription.unsubscribe(),
    ]);
  })().catch(() => undefined);
  await Promise.race([work, new Promise((resolve) => setTimeout(resolve, timeoutMs))]);
}

/**
 * After login: a subscription this device still holds (the session ended without a logout here,
 * e.g. it expired or a password change ended it) is registered again for the same account, and
 * dropped if another account made it, so nobody receives someone else's notifications. Best effort.
 */
export async function syncPushSubscription(accountId: string): Promise<void> {
  if (!browserHasPush() || Notification.permission !== "granted") return;
  const subscription = await currentSubscription();
  if (!subscription) return;
  try {
    if (owner() === accountId) await api.post("/push/subscriptions", subscription.toJSON());
    else {
      await subscription.unsubscribe();
      rememberOwner(null);
    }
  } catch {
    // offline or the API refuses: the preferences page shows the state and offers to retry
  }
}

/** The push prompt card was closed with "not now" on this device. */
export function pushPromptDismissed(): boolean {
  try {
    return localStorage.getItem(PROMPT_DISMISSED_KEY) === "1";
  } catch {
    return false;
  }
}

export function dismissPushPrompt(): void {
  try {
    localStorage.setItem(PROMPT_DISMISSED_KEY, "1");
  } catch {
    // storage disabled: hidden for this visit only
  }
}

/** Same-site paths only (no `//host`, no absolute URL): where a notification may lead. */
export function safeAppPath(path: unknown): string | null {
  return typeof path === "string" && path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/\\") ? path : null;
}

/** What push-sw.js posts to an open window when a notification is clicked. */
const NAVIGATE_MESSAGE = "sotay:navigate";

/** Follows clicks on push notifications in an already open window (the service worker focuses it and posts the path). */
export function followNotificationClicks(navigate: (path: string) => void): void {
  if (!("serviceWorker" in navigator)) return;
  navigator.serviceWorker.addEventListener("message", (event: MessageEvent) => {
    const message = event.data as { type?: unknown; url?: unknown } | null;
    if (message?.type !== NAVIGATE_MESSAGE) return;
    const path = safeAppPath(message.url);
    if (path) navigate(path);
  });
}
