import type { Selectable } from "kysely";
import type { Events } from "./db/schema";
import type { JobDeps } from "./lib/jobs";
import { fanOutAnnouncement } from "./modules/notifications/notifications.jobs";

type EventHandler = (deps: JobDeps, event: Selectable<Events>) => Promise<void>;

/**
 * Which modules react to which events. Reading this list tells you every side effect in the app.
 * recordEvent enqueues `events.dispatch` only for the events named here; each handler must be
 * idempotent (a retried dispatch runs every handler of the event again).
 */
export const eventHandlers: Record<string, EventHandler[]> = {
  "notifications.announced": [fanOutAnnouncement],
};

export const hasEventHandlers = (name: string): boolean => Object.hasOwn(eventHandlers, name);
