import { describe, expect, it } from "vitest";
import { actorFor, WHO } from "../../../test/policy-table";
import { notificationPolicy } from "./notifications.policy";

describe("notificationPolicy", () => {
  it.each(WHO.map((who) => [who] as const))("lets %s read and mark only their own notifications", (who) => {
    const actor = actorFor(who);
    const own = { accountId: actor.accountId };
    const other = { accountId: "account-someone-else" };
    expect(notificationPolicy.serialize(actor, own)).toEqual({ read: true, markRead: true });
    expect(notificationPolicy.serialize(actor, other)).toEqual({ read: false, markRead: false });
  });
});
