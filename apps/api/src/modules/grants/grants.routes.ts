import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { IdParams, OkEnvelope } from "@party/shared/schemas/common";
import { CreateGrantBody, GrantEnvelope, GrantListEnvelope } from "@party/shared/schemas/grants";
import { withTransaction } from "../../lib/context";
import { actorOf, metaOf } from "../../lib/http";
import { authorize } from "../../lib/policy";
import { memberPolicy } from "../members/members.policy";
import * as membersRepo from "../members/members.repo";
import { unitPolicy } from "../org-units/org-units.policy";
import * as unitsRepo from "../org-units/org-units.repo";
import { grantRole, revokeGrant } from "./grants.commands";
import { grantPolicy } from "./grants.policy";
import { presentGrant } from "./grants.presenter";
import * as grantsRepo from "./grants.repo";

const tags = ["grants"];

export const grantsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;

  app.get(
    "/units/:id/grants",
    { config: { policy: unitPolicy.name }, schema: { tags, summary: "Active role grants in the unit's subtree", params: IdParams, response: { 200: GrantListEnvelope } } },
    async (req) => {
      const unit = await unitsRepo.findById(db, req.params.id);
      authorize(unitPolicy, actorOf(req), "manageGrants", unit);
      return { data: (await grantsRepo.listInSubtree(db, unit.path)).map(presentGrant) };
    },
  );

  app.post(
    "/grants",
    { config: { policy: grantPolicy.name }, schema: { tags, body: CreateGrantBody, response: { 201: GrantEnvelope } } },
    async (req, reply) => {
      const actor = actorOf(req);
      const id = await withTransaction(app.deps, actor, metaOf(req), async (ctx) => {
        const unit = await unitsRepo.findById(ctx.db, req.body.unitId);
        authorize(unitPolicy, actor, "manageGrants", unit);
        const member = await membersRepo.findById(ctx.db, req.body.memberId);
        authorize(memberPolicy, actor, "grantRoles", member);
        return grantRole(ctx, unit, member, req.body.role);
      });
      const grant = await grantsRepo.findActive(db, id);
      authorize(grantPolicy, actor, "read", grant);
      return reply.status(201).send({ data: presentGrant(grant) });
    },
  );

  app.delete(
    "/grants/:id",
    { config: { policy: grantPolicy.name }, schema: { tags, params: IdParams, response: { 200: OkEnvelope } } },
    async (req) => {
      const actor = actorOf(req);
      await withTransaction(app.deps, actor, metaOf(req), async (ctx) => {
        const grant = await grantsRepo.findActive(ctx.db, req.params.id, { forUpdate: true });
        authorize(grantPolicy, actor, "revoke", grant);
        await revokeGrant(ctx, grant);
      });
      return { ok: true as const };
    },
  );
};
